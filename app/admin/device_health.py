"""What an admin should know about a tablet beyond "active" or "silent": answers the server
refused, and a clock far enough off to notice. Plain data, so the console and any fleet overview
say the same, and tests need no page.

A clock is flagged past two minutes: the server corrects each answer's time by the tablet's own
send time, so a wrong clock loses nothing, but an admin should still set it right (and a clock
that jumps while the tablet is offline is the one case the correction cannot undo).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import t

CLOCK_TOLERANCE_SECONDS = 120
_UNITS = (  # largest first: (seconds in one, locale key stem)
    (365 * 86_400, "year"),
    (86_400, "day"),
    (3_600, "hour"),
    (60, "minute"),
)


@dataclass(frozen=True)
class DeviceWarning:
    """One thing to tell the admin: a locale key and the values its text needs."""

    key: str
    values: dict = field(default_factory=dict)


def clock_amount(seconds: int) -> tuple[int, str]:
    """How far off, as people say it: the largest whole unit (3 days, 10 minutes, 26 years)."""
    size = abs(seconds)
    for unit_seconds, unit in _UNITS:
        if size >= unit_seconds:
            count = size // unit_seconds
            return count, f"{unit}s" if count != 1 else unit
    return size, "seconds"


def device_warnings(device: dict) -> list[DeviceWarning]:
    """The warnings for one device of GET /v1/workplaces/{id}/devices (none for a removed one)."""
    if device.get("revoked"):
        return []
    warnings = []
    dropped = device.get("dropped") or 0
    if dropped > 0:
        key = "admin.devices.dropped_one" if dropped == 1 else "admin.devices.dropped"
        warnings.append(DeviceWarning(key, {"count": dropped}))
    offset = device.get("clock_offset_seconds")
    if offset is not None and abs(offset) > CLOCK_TOLERANCE_SECONDS:
        count, unit = clock_amount(offset)
        direction = "ahead" if offset > 0 else "behind"
        warnings.append(
            DeviceWarning(f"admin.devices.clock_{direction}", {"count": count, "unit": unit})
        )
    return warnings


def warning_text(warning: DeviceWarning, lang: str) -> str:
    """The warning in words an admin reads: "The tablet's clock is 3 days ahead. …"."""
    values = dict(warning.values)
    if "unit" in values:
        unit = t(f"admin.devices.unit.{values.pop('unit')}", lang)
        values["amount"] = f"{values.pop('count')} {unit}"
    return t(warning.key, lang, **values)
