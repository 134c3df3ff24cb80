"""Completions: the review queue (held because they may name someone) and a week's per workplace."""

from __future__ import annotations

from dataclasses import dataclass, field

import flet as ft

from app.admin.console import Console, failed
from app.admin.workplaces_state import WorkplacesState


@ft.observable
@dataclass
class CompletionsState:
    """The held completions, and this week's of one chosen workplace."""

    console: Console
    workplaces: WorkplacesState
    queue: list[dict] = field(default_factory=list)
    workplace_id: str | None = None
    week_items: list[dict] = field(default_factory=list)

    async def load(self) -> None:
        """Fetch the queue, and the chosen workplace's completions."""
        await self.load_queue()
        if self.workplace_id:
            items = await self.console.attempt(
                self.console.api.workplace_completions(self.workplace_id)
            )
            self.week_items = [] if failed(items) else items

    async def load_queue(self) -> None:
        """Fetch the completions waiting for review (the review tab shows how many)."""
        queue = await self.console.attempt(self.console.api.completions_for_review())
        if not failed(queue):
            self.queue = queue

    @property
    def waiting(self) -> int:
        """How many completions wait for review."""
        return len(self.queue)

    async def choose(self, workplace_id: str | None) -> None:
        """Read this week's completions of another workplace."""
        self.workplace_id = workplace_id or None
        self.week_items = []
        await self.load()

    async def set_status(self, completion_id: str, status: str) -> None:
        """Approve (visible) or hide one completion."""
        key = "admin.completions.approved" if status == "visible" else "admin.completions.hidden"
        if not failed(
            await self.console.attempt(
                self.console.api.review_completion(completion_id, status), key
            )
        ):
            await self.load()
