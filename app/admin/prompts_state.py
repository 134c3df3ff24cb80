"""Prompts: the library in Danish and English, the rotation order, and the coming weeks' pins."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.admin.console import Console, failed
from app.admin.workplaces_state import WorkplacesState
from app.pulse.figures import week_number

CALENDAR_WEEKS = 8


def moved(order: list[str], prompt_id: str, delta: int) -> list[str]:
    """The rotation order with one prompt moved `delta` places (clamped at the ends)."""
    order = list(order)
    if prompt_id not in order:
        return order
    index = order.index(prompt_id)
    target = max(0, min(len(order) - 1, index + delta))
    order.insert(target, order.pop(index))
    return order


@ft.observable
@dataclass
class PromptsState:
    """The prompt library, rotation order and the calendar (for all workplaces or one)."""

    console: Console
    workplaces: WorkplacesState
    prompts: list[dict] = field(default_factory=list)
    order: list[str] = field(default_factory=list)
    schedule: list[dict] = field(default_factory=list)
    scope: str | None = None  # None: the calendar for all workplaces; else a workplace id

    async def load(self) -> None:
        """Fetch the library and the calendar of the current scope."""
        api = self.console.api
        prompts = await self.console.attempt(api.prompts())
        rotation = await self.console.attempt(api.rotation(CALENDAR_WEEKS, self.scope))
        if failed(prompts) or failed(rotation):
            return
        self.prompts = prompts
        self.order = rotation["order"]
        self.schedule = rotation["schedule"]

    def in_order(self) -> list[dict]:
        """Active prompts in rotation order, then the inactive ones."""
        by_id = {p["id"]: p for p in self.prompts}
        active = [by_id[i] for i in self.order if i in by_id]
        rest = [p for p in self.prompts if p["id"] not in self.order]
        return active + sorted(rest, key=lambda p: not p["active"])

    def active(self) -> list[dict]:
        """The prompts that can be pinned."""
        return [p for p in self.in_order() if p["active"]]

    async def add(self, da: str, en: str) -> bool:
        """A new prompt (both languages), appended to the rotation."""
        if not da.strip() or not en.strip():
            self.console.warn("admin.prompts.both_languages")
            return False
        made = await self.console.attempt(
            self.console.api.create_prompt(da.strip(), en.strip()), "admin.prompts.added"
        )
        if failed(made):
            return False
        await self.load()
        return True

    async def edit(self, prompt_id: str, da: str, en: str) -> bool:
        """New wording for a prompt."""
        if not da.strip() or not en.strip():
            self.console.warn("admin.prompts.both_languages")
            return False
        done = await self.console.attempt(
            self.console.api.update_prompt(prompt_id, da=da.strip(), en=en.strip()),
            "admin.prompts.saved",
        )
        if failed(done):
            return False
        await self.load()
        return True

    async def set_active(self, prompt_id: str, active: bool) -> None:
        """Take a prompt out of the rotation, or back in."""
        key = "admin.prompts.activated" if active else "admin.prompts.deactivated"
        if not failed(
            await self.console.attempt(
                self.console.api.update_prompt(prompt_id, active=active), key
            )
        ):
            await self.load()

    async def move(self, prompt_id: str, delta: int) -> None:
        """Move a prompt earlier or later in the rotation."""
        order = moved(self.order, prompt_id, delta)
        if order == list(self.order):
            return
        saved = await self.console.attempt(
            self.console.api.set_rotation_order(order), "admin.prompts.reordered"
        )
        if not failed(saved):
            await self.load()

    async def set_scope(self, workplace_id: str | None) -> None:
        """Show (and pin for) all workplaces, or one."""
        self.scope = workplace_id or None
        await self.load()

    async def pin(self, week: str, prompt_id: str) -> None:
        """Pin a prompt to a week, for the current scope."""
        where = self.workplaces.name_of(self.scope) if self.scope else None
        key = "admin.rotation.pinned_one_done" if where else "admin.rotation.pinned_all_done"
        if not failed(
            await self.console.attempt(
                self.console.api.pin_prompt(week, prompt_id, self.scope),
                key,
                week=week_number(week),
                workplace=where,
            )
        ):
            await self.load()

    async def unpin(self, week: str) -> None:
        """Let the rotation choose that week again."""
        if not failed(
            await self.console.attempt(
                self.console.api.unpin_prompt(week, self.scope),
                "admin.rotation.unpinned",
                week=week_number(week),
            )
        ):
            await self.load()
