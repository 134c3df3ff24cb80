"""The administrators' Monday summary: areas, workplaces that need attention, silent tablets.

Figures come from pulse.organisation_pulse (released, rolled up only from workplaces that reach
the threshold), so an administrator's e-mail shows what the organisation pulse shows them.
Tablets that dropped taps are the ones whose heartbeat reports answers the server refused since
pairing (Device.dropped); a silent tablet is one not heard from for two days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from functions.domain.models import Settings
from functions.domain.ports import Store
from functions.domain.pulse import organisation_pulse
from functions.domain.pulse_views import OrganisationPulse, WorkplaceFigures
from functions.domain.weeks import shift_week

LOW_MEAN = 5.0  # below the middle of the 1-10 scale
DROP = 1.0  # a fall of a whole point from one week to the next
SILENT_AFTER_SECONDS = 48 * 3600  # a tablet that has not been heard from in two days


@dataclass(frozen=True)
class Attention:
    """A workplace to look at, and why: "few" (too few answers), "low" or "drop"."""

    workplace: str
    area: str | None
    reason: str
    mean: float | None = None
    change: float | None = None


@dataclass(frozen=True)
class SilentTablet:
    """A paired tablet that has not sent a heartbeat for a while (or never)."""

    workplace: str
    name: str
    last_seen: int | None


@dataclass(frozen=True)
class DroppingTablet:
    """A paired tablet whose heartbeat says the server refused some of its answers."""

    workplace: str
    name: str
    dropped: int


@dataclass(frozen=True)
class OrganisationWeek:
    """The organisation's week for administrators."""

    week: str
    threshold: int
    pulse: OrganisationPulse
    attention: list[Attention]
    silent: list[SilentTablet]
    dropping: list[DroppingTablet]


def needs_attention(now: WorkplaceFigures, before: WorkplaceFigures | None) -> str | None:
    """Why a workplace's week (organisation_pulse row) needs a look, or None."""
    if now.suppressed:
        return "few"
    if now.mean < LOW_MEAN:
        return "low"
    if before and before.mean is not None and now.mean - before.mean <= -DROP:
        return "drop"
    return None


def organisation_week(
    store: Store, week: str, settings: Settings, now: datetime
) -> OrganisationWeek:
    """The summary of `week`: organisation pulse, workplaces needing attention, silent tablets."""
    pulse = organisation_pulse(store, week, settings)
    before = organisation_pulse(store, shift_week(week, -1), settings)
    earlier = {w.id: w for a in before.areas for w in a.workplaces}
    attention = []
    for area in pulse.areas:
        for row in area.workplaces:
            previous = earlier.get(row.id)
            reason = needs_attention(row, previous)
            if reason:
                change = (
                    round(row.mean - previous.mean, 2)
                    if row.mean is not None and previous and previous.mean is not None
                    else None
                )
                attention.append(Attention(row.name, area.area, reason, row.mean, change))
    cutoff = now.timestamp() - SILENT_AFTER_SECONDS
    tablets = [
        (workplace, device)
        for workplace in store.list_workplaces()
        for device in store.list_devices(workplace.id)
        if not device.revoked
    ]
    silent = [
        SilentTablet(w.name, d.name, d.last_seen)
        for w, d in tablets
        if d.last_seen is None or d.last_seen < cutoff
    ]
    dropping = [DroppingTablet(w.name, d.name, d.dropped) for w, d in tablets if d.dropped]
    return OrganisationWeek(week, settings.anonymity_threshold, pulse, attention, silent, dropping)
