"""What only the SQLite adapter promises: one WAL file with a schema version, safe from threads,
and a file that keeps no score next to anything finer than its week."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from functions.store.sqlite import SqliteStore
from functions.store.sqlite_database import SCHEMA_VERSION
from tests.store.examples import WEEK, WP, checkin


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the test's database file lives."""
    return tmp_path / "data" / "store.db"


def _pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as db:
        return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_file_is_made_in_wal_mode_with_its_schema_version(path):
    # Given no file yet (nor its folder)
    # When a store opens it
    SqliteStore(str(path)).close()
    # Then the file exists in WAL mode, stamped with the schema version
    assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "user_version") == SCHEMA_VERSION


def test_file_from_before_leaders_gets_the_column_and_keeps_its_workplaces(path):
    # Given a file whose workplaces table predates leaders' addresses
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE workplaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT, "
            "kiosk_shows_last_week INTEGER NOT NULL) WITHOUT ROWID"
        )
        db.execute("INSERT INTO workplaces VALUES ('wp-old', 'Lager', 'Nord', 1)")
        db.execute("PRAGMA user_version = 1")
    # When a store opens it
    store = SqliteStore(str(path))
    # Then the old workplace reads back with no leaders, and leaders can be stored
    old = store.get_workplace("wp-old")
    assert (old.name, old.area, old.leaders) == ("Lager", "Nord", ())
    store.update_workplace(replace(old, leaders=("leder@norddjurs.dk",)))
    assert store.get_workplace("wp-old").leaders == ("leder@norddjurs.dk",)
    store.close()


def test_file_from_a_newer_version_is_refused(path):
    # Given a file a newer Tryghedspuls wrote
    SqliteStore(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    # When this version opens it
    # Then it refuses rather than guess at the tables
    with pytest.raises(RuntimeError, match="schema"):
        SqliteStore(str(path))


def test_a_version_1_file_gains_the_heartbeat_columns_and_keeps_its_devices(path):
    # Given a file as version 1 wrote it: a devices table without dropped and clock offset
    with sqlite3.connect(path.parent.mkdir(parents=True) or path) as db:
        db.executescript(
            "CREATE TABLE devices (id TEXT PRIMARY KEY, workplace_id TEXT NOT NULL, "
            "name TEXT NOT NULL, token_hash TEXT NOT NULL, paired_on TEXT NOT NULL, "
            "last_seen INTEGER, app_version TEXT, queue_depth INTEGER, "
            "revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
            "INSERT INTO devices VALUES ('dev-1', 'wp-1', 'Kaffe', 'h', '2026-11-01', "
            "NULL, NULL, NULL, 0);"
            "PRAGMA user_version = 1;"
        )
    # When this version opens it and the tablet reports in
    store = SqliteStore(str(path))
    store.record_heartbeat("dev-1", 60, "1.3.0", 0, dropped=1, clock_offset_seconds=-30)
    # Then the old device is there with the new fields, and the file says which version it is
    device = store.get_device("dev-1")
    store.close()
    assert (device.name, device.dropped, device.clock_offset_seconds) == ("Kaffe", 1, -30)
    assert _pragma(path, "user_version") == SCHEMA_VERSION


def test_checkins_from_many_threads_all_count(path):
    # Given one store shared by four worker threads
    store = SqliteStore(str(path))

    # When each records 15 check-ins at the same time
    def work(n: int) -> None:
        store.record_checkins(WP, [checkin(f"t{n}-{i}", 5) for i in range(15)])

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then every one counted, none lost to a race
    assert store.week_aggregates(WP, [WEEK])[WEEK].count == 60
    store.close()


def test_markers_hold_only_event_id_and_expiry(path):
    # Given a recorded check-in
    store = SqliteStore(str(path))
    store.record_checkins(WP, [checkin("e1", 9)])
    store.close()
    # When the file's markers are read
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(event_markers)")]
        rows = db.execute("SELECT * FROM event_markers").fetchall()
    # Then they hold the event id and its expiry, nothing about the score or the workplace
    assert columns == ["event_id", "expires_at"]
    assert rows == [("e1", checkin("e1").marker_expires_at)]


def test_expired_markers_are_removed_on_open(path):
    # Given a marker whose expiry has passed (as DynamoDB's TTL would remove it)
    store = SqliteStore(str(path))
    store.record_checkins(WP, [checkin("old")])
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE event_markers SET expires_at = 1")
    # When the file is opened again
    SqliteStore(str(path)).close()
    # Then the marker is gone, and the aggregate stays
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM event_markers").fetchone() == (0,)
        assert db.execute("SELECT count FROM week_aggregates").fetchone() == (1,)


def test_a_file_without_the_languages_table_gets_it_and_keeps_its_data(path):
    # Given a file of this schema version made before digest languages existed
    store = SqliteStore(str(path))
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE languages")
        db.execute("INSERT INTO audit (at, admin, action, detail) VALUES ('t', 'a', 'x', 'kept')")
    # When this version opens it
    store = SqliteStore(str(path))
    # Then the table is there, and what the file held is still there
    store.put_language("a" * 64, "en")
    assert store.list_languages() == {"a" * 64: "en"}
    assert [entry.detail for entry in store.list_audit(5)] == ["kept"]
    store.close()
    assert _pragma(path, "user_version") == SCHEMA_VERSION
