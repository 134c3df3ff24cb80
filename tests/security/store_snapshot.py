"""Everything a SQLite file of the embedded server holds, to compare before and after a request.

The failed-attempt counter of pairing is left out: counting a wrong pairing code is the one write
a rejected request is meant to make (it is what limits guessing).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

MEANT_TO_CHANGE_ON_REJECTION = {"attempts"}


def snapshot(db: Path) -> dict[str, str]:
    """Per table, a digest of all its rows (in a stable order)."""
    with sqlite3.connect(db) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        digests = {}
        for table in tables:
            if table in MEANT_TO_CHANGE_ON_REJECTION:
                continue
            rows = sorted(repr(row) for row in connection.execute(f"SELECT * FROM {table}"))  # noqa: S608
            digests[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return digests
