"""The fleet of tablets across all workplaces, with the ones that need attention first.

A tablet needs attention when it has been silent for more than a day of weekdays (a tablet in a
workplace closed for the weekend is not a problem on Monday morning), when the server refused
items it sent (dropped taps), or when its clock is off by more than two minutes (its taps may land
in the wrong week). A workplace without a tablet is listed too: nobody there can check in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from functions.domain.models import Device, Workplace
from functions.domain.ports import Store

LOCAL = ZoneInfo("Europe/Copenhagen")
SILENT_WEEKDAY_TIME = timedelta(days=1)
CLOCK_TOLERANCE_SECONDS = 120
# Order of the reasons, most urgent first; a row sorts by its most urgent reason.
REASONS = ("no_tablet", "never_seen", "silent", "dropping", "clock")


def weekday_time_between(start: datetime, end: datetime) -> timedelta:
    """How much of start..end falls on Monday to Friday, in Danish local time."""
    total, moment = timedelta(), start.astimezone(LOCAL)
    end = end.astimezone(LOCAL)
    while moment < end:
        midnight = datetime.combine(moment.date() + timedelta(days=1), datetime.min.time(), LOCAL)
        step_end = min(midnight, end)
        if moment.weekday() < 5:
            total += step_end - moment
        moment = step_end
    return total


def attention(device: Device, now: datetime) -> list[str]:
    """Why a tablet needs looking at (empty when it is fine)."""
    reasons = []
    if device.last_seen is None:
        reasons.append("never_seen")
    else:
        seen = datetime.fromtimestamp(device.last_seen, UTC)
        if weekday_time_between(seen, now) > SILENT_WEEKDAY_TIME:
            reasons.append("silent")
    if device.dropped:
        reasons.append("dropping")
    if abs(device.clock_offset_seconds or 0) > CLOCK_TOLERANCE_SECONDS:
        reasons.append("clock")
    return reasons


@dataclass(frozen=True)
class TabletRow:
    """One paired tablet, or a workplace without one (device fields None, "no_tablet")."""

    workplace_id: str
    workplace_name: str
    area: str | None
    device_id: str | None
    device_name: str | None
    last_seen: str | None  # RFC 3339, UTC
    app_version: str | None
    queue_depth: int | None
    dropped: int | None
    clock_offset_seconds: int | None
    attention: list[str]


@dataclass(frozen=True)
class Fleet:
    """Every tablet, those needing attention first, and how many need it."""

    tablets: list[TabletRow]
    needing_attention: int


def _row(workplace: Workplace, device: Device | None, now: datetime) -> TabletRow:
    if device is None:
        return TabletRow(
            workplace.id, workplace.name, workplace.area, *([None] * 7), attention=["no_tablet"]
        )
    last_seen = datetime.fromtimestamp(device.last_seen, UTC) if device.last_seen else None
    return TabletRow(
        workplace_id=workplace.id,
        workplace_name=workplace.name,
        area=workplace.area,
        device_id=device.id,
        device_name=device.name,
        last_seen=last_seen.isoformat().replace("+00:00", "Z") if last_seen else None,
        app_version=device.app_version,
        queue_depth=device.queue_depth,
        dropped=device.dropped,
        clock_offset_seconds=device.clock_offset_seconds,
        attention=attention(device, now),
    )


def _order(row: TabletRow) -> tuple:
    urgency = min((REASONS.index(r) for r in row.attention), default=len(REASONS))
    return (urgency, (row.area or "").casefold(), row.workplace_name.casefold())


def fleet_view(store: Store, now: datetime) -> Fleet:
    """Every paired tablet (revoked ones left out) and every workplace without one."""
    rows = []
    for workplace in store.list_workplaces():
        devices = [d for d in store.list_devices(workplace.id) if not d.revoked]
        rows += [_row(workplace, d, now) for d in devices] or [_row(workplace, None, now)]
    rows.sort(key=_order)
    return Fleet(rows, sum(1 for r in rows if r.attention))
