"""The rollout in the console: the organisation file (a dry run first, then the import), the
pairing sheets' PDF, and the Tablets overview across all workplaces."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.admin.console import Console, error_text, failed
from app.admin.workplaces_state import WorkplacesState
from app.client.errors import ApiError, Offline

SHEETS_FILE = "tryghedspuls-parring.pdf"


@ft.observable
@dataclass
class OrgImportState:
    """A chosen file, what importing it would change, or why it was refused."""

    console: Console
    workplaces: WorkplacesState
    file_name: str = ""
    text: str = ""
    plan: dict | None = None  # the dry run's answer
    problems: list[dict] = field(default_factory=list)  # [{line, message}] of a refused file
    busy: bool = False

    async def choose(self, file_name: str, data: bytes) -> None:
        """Read the chosen file and show what importing it would change (nothing is kept yet)."""
        self.file_name, self.plan, self.problems = file_name, None, []
        try:
            self.text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.text = ""
            self.console.warn("admin.import.not_utf8")
            return
        self.plan = await self._send(dry_run=True)

    async def apply(self) -> bool:
        """Import the chosen file for real, then show the workplaces as they are now."""
        done = await self._send(dry_run=False)
        if done is None:
            return False
        self.console.say(
            "admin.import.done", created=len(done["created"]), updated=len(done["updated"])
        )
        self.cancel()
        await self.workplaces.load()
        return True

    def cancel(self) -> None:
        """Forget the chosen file."""
        self.file_name, self.text, self.plan, self.problems = "", "", None, []

    async def _send(self, dry_run: bool) -> dict | None:
        self.busy = True
        try:
            return await self.console.api.import_organisation(self.text, dry_run)
        except ApiError as error:
            if error.code == "invalid_file":
                self.problems = error.details
                self.console.warn("admin.import.refused", count=len(error.details))
            else:
                self.console.notify(error_text(error, self.console.lang), True)
        except Offline as error:
            self.console.notify(error_text(error, self.console.lang), True)
        finally:
            self.busy = False
        return None


@ft.observable
@dataclass
class SheetsState:
    """Printing pairing sheets: for all workplaces or one area."""

    console: Console
    area: str = ""  # "" for every workplace
    busy: bool = False

    async def make(self, origin: str) -> bytes | None:
        """The PDF (new codes for each workplace), or None when it failed (and was told)."""
        self.busy = True
        try:
            pdf = await self.console.attempt(
                self.console.api.pairing_sheets(origin, self.area or None), "admin.sheets.made"
            )
        finally:
            self.busy = False
        return None if failed(pdf) else pdf


@ft.observable
@dataclass
class TabletsState:
    """Every tablet across workplaces, and workplaces without one; attention first."""

    console: Console
    rows: list[dict] = field(default_factory=list)
    needing_attention: int = 0

    async def load(self) -> None:
        """Fetch the overview."""
        answer = await self.console.attempt(self.console.api.tablets())
        if not failed(answer):
            self.rows = answer["tablets"]
            self.needing_attention = answer["needing_attention"]
