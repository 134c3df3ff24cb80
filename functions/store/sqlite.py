"""The Store on one SQLite file, for the embedded stack (tables in store/sqlite_database.py).

One Database (a connection per thread, short transactions) shared by one part per port.
"""

from __future__ import annotations

from collections.abc import Callable

from functions.domain import ports
from functions.store.composed import compose
from functions.store.sqlite_audit import SqliteAudit
from functions.store.sqlite_database import Database
from functions.store.sqlite_devices import SqliteDevices
from functions.store.sqlite_digests import SqliteDigests
from functions.store.sqlite_languages import SqliteLanguages
from functions.store.sqlite_prompts import SqlitePrompts
from functions.store.sqlite_records import SqliteCheckins, SqliteCompletions
from functions.store.sqlite_settings import SqliteSettings
from functions.store.sqlite_tokens import SqliteTokens
from functions.store.sqlite_workplaces import SqliteWorkplaces


class SqliteStore:
    """The Store on one SQLite file. `trace`, if given, sees every SQL statement (tests count)."""

    def __init__(self, path: str, *, trace: Callable[[str], None] | None = None):
        self.db = Database(path, trace)
        compose(
            self,
            {
                ports.SettingsStore: SqliteSettings(self.db),
                ports.WorkplaceStore: SqliteWorkplaces(self.db),
                ports.DeviceStore: SqliteDevices(self.db),
                ports.TokenStore: SqliteTokens(self.db),
                ports.CheckinStore: SqliteCheckins(self.db),
                ports.CompletionStore: SqliteCompletions(self.db),
                ports.PromptStore: SqlitePrompts(self.db),
                ports.AuditLog: SqliteAudit(self.db),
                ports.DigestLog: SqliteDigests(self.db),
                ports.LanguageStore: SqliteLanguages(self.db),
            },
        )

    def close(self) -> None:
        """Close the file's connections (every thread's)."""
        self.db.close()
