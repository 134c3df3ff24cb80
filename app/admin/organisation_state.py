"""The organisation overview: every area and workplace this week, those needing attention first."""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

from app.admin.console import Console, failed

# A mean at or under this stands out; so does a workplace with no answers at all this week.
LOW_MEAN = 5.5


def attention(row: dict) -> str | None:
    """Why a workplace (or area) needs attention: "low", "silent", or None."""
    if not row.get("suppressed") and row.get("mean") is not None and row["mean"] <= LOW_MEAN:
        return "low"
    if row.get("responses") == 0:
        return "silent"
    return None


def _rank(row: dict) -> tuple:
    """Low means first (lowest first), then no answers, then the rest by mean; few last."""
    reason = attention(row)
    mean = row.get("mean")
    if reason == "low":
        return (0, mean)
    if reason == "silent":
        return (1, 0.0)
    if mean is not None:
        return (2, mean)
    return (3, 0.0)


def ranked(overview: dict) -> list[dict]:
    """Areas (and their workplaces) sorted so that those needing attention come first."""
    areas = []
    for area in overview.get("areas") or []:
        rows = sorted(area.get("workplaces") or [], key=lambda r: (_rank(r), r["name"]))
        areas.append({**area, "workplaces": rows})
    return sorted(
        areas,
        key=lambda a: (
            min((_rank(r) for r in a["workplaces"]), default=(4, 0.0)),
            a.get("area") or "",
        ),
    )


@ft.observable
@dataclass
class OrganisationState:
    """This week's overview."""

    console: Console
    overview: dict | None = None

    async def load(self) -> None:
        """Fetch this week's overview."""
        overview = await self.console.attempt(self.console.api.organisation_pulse())
        if not failed(overview):
            self.overview = overview
