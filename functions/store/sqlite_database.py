"""The SQLite file behind SqliteStore: its schema, a connection per thread, short transactions.

One file in WAL mode, so readers never wait for the writer; writers wait up to `BUSY_MS` for each
other. The embedded server calls the store from several worker threads and a sqlite3 connection
belongs to one thread, hence a connection per thread.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from functions.domain.errors import DomainError, StorageFull

SCHEMA_VERSION = 2  # PRAGMA user_version; new columns: ADDED_COLUMNS; reshaping: MIGRATIONS
BUSY_MS = 5000

_SCORE_COLUMNS = ", ".join(f"d{score} INTEGER NOT NULL DEFAULT 0" for score in range(1, 11))
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS settings (
    id INTEGER PRIMARY KEY CHECK (id = 1), anonymity_threshold INTEGER NOT NULL,
    cooldown_seconds INTEGER NOT NULL, idle_reset_seconds INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS workplaces (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, area TEXT,
    kiosk_shows_last_week INTEGER NOT NULL, leaders TEXT NOT NULL DEFAULT '[]') WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY, token_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    workplace_id TEXT, device_id TEXT, created_on TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0, expires_at INTEGER,
    epoch INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_by_workplace ON tokens (workplace_id, kind);
CREATE TABLE IF NOT EXISTS admin_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1), epoch INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pairing_codes (
    code TEXT PRIMARY KEY, workplace_id TEXT NOT NULL, expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, workplace_id TEXT NOT NULL, name TEXT NOT NULL,
    token_hash TEXT NOT NULL, paired_on TEXT NOT NULL, last_seen INTEGER, app_version TEXT,
    queue_depth INTEGER, revoked INTEGER NOT NULL DEFAULT 0, dropped INTEGER,
    clock_offset_seconds INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS devices_by_workplace ON devices (workplace_id);
-- Markers and completions are WITHOUT ROWID: rows sort by their random ids, so the file keeps no
-- arrival order that could be lined up with who stood at the tablet when.
CREATE TABLE IF NOT EXISTS event_markers (
    event_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS week_aggregates (
    workplace_id TEXT NOT NULL, week TEXT NOT NULL, count INTEGER NOT NULL,
    total INTEGER NOT NULL, {_SCORE_COLUMNS}, PRIMARY KEY (workplace_id, week)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS week_aggregates_by_week ON week_aggregates (week);
-- What viewers see of a week: its aggregate as last released (in steps of at least k answers).
CREATE TABLE IF NOT EXISTS released_aggregates (
    workplace_id TEXT NOT NULL, week TEXT NOT NULL, count INTEGER NOT NULL,
    total INTEGER NOT NULL, {_SCORE_COLUMNS}, PRIMARY KEY (workplace_id, week)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS released_aggregates_by_week ON released_aggregates (week);
CREATE TABLE IF NOT EXISTS completions (
    id TEXT PRIMARY KEY, workplace_id TEXT NOT NULL, week TEXT NOT NULL,
    prompt_id TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS completions_by_week ON completions (workplace_id, week);
CREATE INDEX IF NOT EXISTS completions_by_status ON completions (status);
CREATE TABLE IF NOT EXISTS prompts (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, da TEXT NOT NULL, en TEXT NOT NULL,
    active INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rotation (position INTEGER PRIMARY KEY, prompt_id TEXT NOT NULL);
-- scope is '' for a pin that holds for every workplace, else the workplace id
CREATE TABLE IF NOT EXISTS pins (
    week TEXT NOT NULL, scope TEXT NOT NULL, prompt_id TEXT NOT NULL,
    PRIMARY KEY (week, scope)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, admin TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL);
-- No longer written (pairing answers wrong codes late instead of counting them), but kept,
-- like its purge below, so every file opens as before.
CREATE TABLE IF NOT EXISTS attempts (
    bucket TEXT NOT NULL, time_window INTEGER NOT NULL, attempts INTEGER NOT NULL,
    expires_at INTEGER NOT NULL, PRIMARY KEY (bucket, time_window)) WITHOUT ROWID;
-- One row per Monday digest (week, what about, hash of the address): claimed before it is sent.
CREATE TABLE IF NOT EXISTS digests (
    week TEXT NOT NULL, scope TEXT NOT NULL, recipient_hash TEXT NOT NULL, status TEXT NOT NULL,
    attempts INTEGER NOT NULL, at INTEGER NOT NULL, retry_at INTEGER NOT NULL, error TEXT NOT NULL,
    PRIMARY KEY (week, scope, recipient_hash)) WITHOUT ROWID;
-- Each person's digest language, by the SHA-256 of their address (never the address).
CREATE TABLE IF NOT EXISTS languages (
    address_hash TEXT PRIMARY KEY, language TEXT NOT NULL) WITHOUT ROWID;
-- Sign-in (issue 15): one row, its lists as JSON arrays of strings.
CREATE TABLE IF NOT EXISTS signin_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1), admin_emails TEXT NOT NULL, admin_groups TEXT NOT NULL,
    viewer_links INTEGER NOT NULL);
"""
# Tables added since a file was made are created when it is opened, whatever its version (every
# statement of SCHEMA is CREATE … IF NOT EXISTS), so features add tables independently too.
_TABLES = frozenset(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA))
# Columns added since the first release: SCHEMA has them for a new file; an older file gets each
# one that it lacks when it is opened. Order-free on purpose, so features add columns independently.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("workplaces", "leaders", "TEXT NOT NULL DEFAULT '[]'"),
    ("devices", "dropped", "INTEGER"),
    ("devices", "clock_offset_seconds", "INTEGER"),
    # Admin sessions and sign-in links expire; rotating the admin token raises the epoch.
    ("tokens", "expires_at", "INTEGER"),
    ("tokens", "epoch", "INTEGER NOT NULL DEFAULT 0"),
)
# Statements that bring a file from the version before the key up to the key's version.
MIGRATIONS: dict[int, str] = {}
# What TTL removes on DynamoDB, removed here when the file is opened.
_PURGE = (
    "DELETE FROM event_markers WHERE expires_at < ?",
    "DELETE FROM pairing_codes WHERE expires_at < ?",
    "DELETE FROM attempts WHERE expires_at < ?",
    "DELETE FROM tokens WHERE expires_at < ?",
)
_DUPLICATE = {"SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"}
# "database or disk is full": the disk, or a max_page_count. Either way nothing was written.
_FULL = {"SQLITE_FULL"}


@contextmanager
def raising_on_duplicate(domain_error: DomainError) -> Iterator[None]:
    """Turn a primary-key or unique violation into `domain_error`; other errors pass through."""
    try:
        yield
    except sqlite3.IntegrityError as error:
        if getattr(error, "sqlite_errorname", "") in _DUPLICATE:
            raise domain_error from error
        raise


def _private(path: Path) -> None:
    """The file (made now if new) and its WAL and shared-memory files readable by us alone.
    SQLite makes the WAL and -shm files with the database file's mode."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").chmod(0o600)


@contextmanager
def raising_when_full() -> Iterator[None]:
    """Turn SQLite's "database or disk is full" into StorageFull; other errors pass through."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorname", "") in _FULL:
            full = "The server's disk is full; nothing was stored. Try again later."
            raise StorageFull(full) from error
        raise


class Database:
    """One SQLite file: schema made on open, a connection per thread."""

    def __init__(self, path: str, trace: Callable[[str], None] | None = None):
        if path == ":memory:" or path.startswith("file:"):
            # Every thread opens its own connection, and would get its own empty database.
            raise ValueError("SqliteStore needs a file path, not an in-memory database.")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        _private(Path(path))
        self.path = path
        self._trace = trace
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._prepare()

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    def _connect(self) -> sqlite3.Connection:
        # Autocommit (isolation_level None): every write states its own BEGIN IMMEDIATE, so a
        # transaction never widens silently across calls.
        connection = sqlite3.connect(
            self.path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        if self._trace:
            connection.set_trace_callback(self._trace)
        with self._lock:
            # Connections of threads that ended are closed here, so worker churn cannot pile up.
            for thread, stale in [entry for entry in self._open if not entry[0].is_alive()]:
                stale.close()
                self._open.remove((thread, stale))
            self._open.append((threading.current_thread(), connection))
        return connection

    def _prepare(self) -> None:
        try:
            self._migrate()
        except StorageFull:
            if self.read("PRAGMA user_version")[0][0] != SCHEMA_VERSION:
                raise  # an unmigrated file cannot be served
            # A full disk must not stop the server from starting and serving reads; the purge
            # of expired rows waits for the next start with room.
        else:
            with contextlib.suppress(StorageFull), self.transaction() as db:
                now = int(time.time())
                for statement in _PURGE:
                    db.execute(statement, (now,))

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            if version == SCHEMA_VERSION and tables >= _TABLES:
                return  # nothing to write
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} has schema {version}; this code knows "
                    f"{SCHEMA_VERSION}. Update Tryghedspuls."
                )
            for statement in SCHEMA.split(";"):
                db.execute(statement)
            for table, column, definition in ADDED_COLUMNS:
                present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
                if column not in present:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            first_migration = SCHEMA_VERSION + 1 if version == 0 else version + 1
            for target in range(first_migration, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(target, "").split(";"):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def read(self, sql: str, parameters: tuple = ()) -> list[sqlite3.Row]:
        """The rows of one query."""
        with raising_when_full():
            return self.connection().execute(sql, parameters).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; any exception rolls back everything it wrote. A full disk
        raises StorageFull (after the rollback)."""
        connection = self.connection()
        with raising_when_full():
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close every connection this database opened, in any thread."""
        with self._lock:
            for _, connection in self._open:
                connection.close()
            self._open.clear()
        self._local = threading.local()
