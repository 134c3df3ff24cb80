"""Settings: the anonymity threshold (never below 3), each kiosk's last-week result, the audit."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.admin.console import Console, failed
from app.admin.workplaces_state import WorkplacesState

MIN_THRESHOLD = 3


@ft.observable
@dataclass
class SettingsState:
    """The settings and the audit list of admin changes."""

    console: Console
    workplaces: WorkplacesState
    values: dict | None = None
    audit: list[dict] = field(default_factory=list)

    async def load(self) -> None:
        """Fetch settings and the latest audit entries."""
        values = await self.console.attempt(self.console.api.settings())
        audit = await self.console.attempt(self.console.api.audit(100))
        if not failed(values):
            self.values = values
        if not failed(audit):
            self.audit = audit

    async def set_threshold(self, text: str) -> bool:
        """Save a new anonymity threshold; refuse anything under 3 before asking the API."""
        try:
            threshold = int(text.strip())
        except ValueError:
            threshold = 0
        if threshold < MIN_THRESHOLD:
            self.console.warn("admin.settings.threshold_too_low", minimum=MIN_THRESHOLD)
            return False
        saved = await self.console.attempt(
            self.console.api.update_settings(anonymity_threshold=threshold),
            "admin.settings.threshold_saved",
            threshold=threshold,
        )
        if failed(saved):
            return False
        self.values = saved
        await self.load()
        return True

    async def set_kiosk_shows_last_week(self, workplace_id: str, shown: bool) -> None:
        """Whether a workplace's kiosk shows last week's result."""
        key = "admin.settings.last_week_on" if shown else "admin.settings.last_week_off"
        if await self.workplaces.update(workplace_id, key, kiosk_shows_last_week=shown):
            await self.load()
