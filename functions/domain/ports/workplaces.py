"""The port for the organisation's workplaces."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import Workplace


class WorkplaceStore(Protocol):
    """The workplaces: their names, areas, kiosk setting and leaders."""

    def create_workplace(self, workplace: Workplace) -> None:
        """Add a workplace; Conflict if the id exists."""

    def get_workplace(self, workplace_id: str) -> Workplace | None:
        """One workplace, or None."""

    def list_workplaces(self) -> list[Workplace]:
        """All workplaces, ordered by name."""

    def update_workplace(self, workplace: Workplace) -> None:
        """Replace name, area and kiosk setting of an existing workplace; NotFound if missing."""
