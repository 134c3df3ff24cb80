"""`tryghedspuls restore --data-dir DIR FILE`: put a backup back as DIR's database.

Stop `serve` first. A folder that holds anything is only overwritten with `--force`. The backup
is checked before anything is touched; the folder ends 0700 and the file 0600, as `serve` makes
them. Tokens are in the file (as hashes), so links and tablets made before the backup work again;
DIR's admin-token file, if any, is left as it is.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

from functions.commands.backup import DB_FILE, integrity
from functions.store.sqlite_database import SCHEMA_VERSION


class RestoreRefused(Exception):
    """The backup is unsound, or the data folder is not empty and --force was not given."""


def restore(data_dir: Path, backup_file: Path, force: bool = False) -> None:
    """Make `backup_file` the database of `data_dir`."""
    if not backup_file.is_file():
        raise RestoreRefused(f"{backup_file} does not exist.")
    try:
        verdict = integrity(backup_file)
        with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{backup_file} is not a Tryghedspuls backup ({error}).") from error
    if verdict != "ok" or not 1 <= version <= SCHEMA_VERSION:
        raise RestoreRefused(f"{backup_file} is not a sound backup (integrity {verdict!r}).")
    if data_dir.exists() and any(data_dir.iterdir()) and not force:
        raise RestoreRefused(f"{data_dir} is not empty; add --force to replace its data.")
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    for suffix in ("-wal", "-shm", ""):
        (data_dir / (DB_FILE + suffix)).unlink(missing_ok=True)
    target = data_dir / DB_FILE
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as source:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = WAL")
        finally:
            copy.close()


def _run(args: argparse.Namespace) -> int:
    try:
        restore(Path(args.data_dir), Path(args.file), args.force)
    except (RestoreRefused, sqlite3.Error, OSError) as refused:
        print(f"restore: {refused}", file=sys.stderr)
        return 1
    print(f"Restored {args.file} into {args.data_dir}; start serve with --data-dir on it.")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add `restore` to the command line."""
    command = commands.add_parser("restore", help="put a backup back into a data folder")
    command.add_argument("--data-dir", required=True, help="the data folder to restore into")
    command.add_argument("file", help="the backup file")
    command.add_argument("--force", action="store_true", help="replace a non-empty folder's data")
    command.set_defaults(run=_run)
