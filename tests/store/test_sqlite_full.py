"""A full SQLite file (SQLITE_FULL, here made real with max_page_count on a real file) raises the
typed StorageFull, stores nothing of the item that did not fit, and writes again once there is
room, with no reopening."""

from __future__ import annotations

from pathlib import Path

import pytest

from functions.domain.errors import StorageFull
from functions.store.sqlite import SqliteStore
from tests.store.examples import WP, checkin


def test_a_full_file_refuses_with_storage_full_and_recovers(tmp_path: Path):
    # Given a store whose file may not grow by another page
    store = SqliteStore(str(tmp_path / "store.db"))
    connection = store.db.connection()  # this thread's: the pragma holds per connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + 2}")
    # When check-ins for ever more weeks come in, until one does not fit
    counted: list[str] = []
    with pytest.raises(StorageFull) as refused:
        for n in range(5000):
            week = f"{2000 + n // 52}-W{n % 52 + 1:02d}"
            store.record_checkins(WP, [checkin(f"e{n}", 5, week)])
            counted.append(week)
    # Then the refusal is the typed error, and what was counted is exactly what the file holds
    assert refused.value.code == "storage_full"
    assert 0 < len(counted) < 5000
    held = store.week_aggregates(WP, [*counted, f"{2000 + len(counted) // 52}-W01"])
    assert sum(a.count for a in held.values()) == len(counted)
    # And reads go on, and once there is room the refused check-in is counted
    connection.execute(f"PRAGMA max_page_count = {pages + 1000}")
    n = len(counted)
    assert store.record_checkins(WP, [checkin(f"e{n}", 5, "2099-W01")]) == [True]
    store.close()
