"""`tryghedspuls backup --data-dir DIR --out FILE`: a consistent copy of the SQLite file, taken
while `serve` runs and tablets write.

SQLite's online backup API copies the database as one reader sees it, WAL content included
(copying the .db file alone would lose what is still in the WAL). It is done in one step, so it
is one snapshot; in WAL mode that blocks no writer. The copy is checked, made a self-contained
file (no WAL) and written 0600 under its final name only once complete.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

DB_FILE = "tryghedspuls.db"


class BackupFailed(Exception):
    """No backup could be made (nothing to copy, or the copy is not sound)."""


def integrity(path: Path) -> str:
    """SQLite's verdict on a file: "ok", or what is wrong."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))


def backup(data_dir: Path, out: Path) -> int:
    """Copy DIR's database to `out` (replacing it); the copy's size in bytes."""
    source = data_dir / DB_FILE
    if not source.is_file():
        raise BackupFailed(f"{source} does not exist.")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with sqlite3.connect(source, timeout=30) as live:
            target = sqlite3.connect(partial)
            try:
                live.backup(target)  # pages=-1: one step, one snapshot
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        verdict = integrity(partial)
        if verdict != "ok":
            raise BackupFailed(f"the copy failed its integrity check: {verdict}")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return out.stat().st_size


def _run(args: argparse.Namespace) -> int:
    try:
        size = backup(Path(args.data_dir), Path(args.out))
    except (BackupFailed, sqlite3.Error, OSError) as failed:
        print(f"backup: {failed}", file=sys.stderr)
        return 1
    print(f"Backed up {args.data_dir} to {args.out} ({size:,} bytes, integrity ok).")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add `backup` to the command line."""
    command = commands.add_parser("backup", help="copy the data safely, also while serve runs")
    command.add_argument("--data-dir", default=".tryghedspuls", help="the data folder to copy")
    command.add_argument("--out", required=True, help="the backup file to write")
    command.set_defaults(run=_run)
