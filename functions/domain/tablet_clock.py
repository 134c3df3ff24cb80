"""A tablet's wrong clock, undone: each item's time moved by (our clock on receipt - `sent_at`).

Items are stamped by the tablet's clock and so is `sent_at`, the moment it sent the batch; however
wrong that clock is (minutes, days, a reset to 2000-01-01), the difference between an item's
stamp and `sent_at` is the real time that passed, so `now - (sent_at - at)` is when the item was
really made, and it lands in the week it was made in. That holds for taps queued offline for days,
as long as the clock kept the same error between the tap and the send.

A clock that was changed in between (a reset after a flat battery while offline, or set right by
hand) is the residual risk: then the correction is wrong by that change. The item's own stamp was
made by the earlier clock and may be right, so when the corrected time falls outside what we take
(older than 35 days, or ahead of us) and the stamp as sent fits, the stamp is used. What neither
fits is refused and the kiosk reports it as dropped, so an admin sees it.

A difference within two minutes is not corrected: it cannot be told from transit time (a slow or
retried request), and moving taps by it could only push one near midnight into the wrong week.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from functions.domain.errors import InvalidInput

TRANSIT_TOLERANCE = timedelta(minutes=2)

_RFC3339 = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]+))?(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def parse_rfc3339(value: Any) -> datetime | None:
    """An RFC 3339 time with offset as an aware datetime, or None for anything else."""
    match = _RFC3339.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    fraction = (match["fraction"] or "0")[:6]  # finer than microseconds means nothing here
    offset = "+00:00" if match["offset"] in ("Z", "z") else match["offset"]
    try:
        return datetime.fromisoformat(f"{match['date']}T{match['time']}.{fraction:0<6}{offset}")
    except ValueError:  # 2026-02-30, 25:00, a leap second, offset +24:00
        return None


def clock_correction(sent_at: str | None, now: datetime) -> timedelta | None:
    """What to add to each item's time of a batch sent at `sent_at` (tablet clock) and received
    at `now`; None without `sent_at` (today's rules) or within the transit tolerance."""
    if sent_at is None:
        return None
    sent = parse_rfc3339(sent_at)
    if sent is None:
        raise InvalidInput("sent_at must be an RFC 3339 time with offset (2026-11-25T10:00:00Z).")
    correction = now - sent
    return correction if abs(correction) > TRANSIT_TOLERANCE else None


def moments_to_try(at: datetime, correction: timedelta | None) -> list[datetime]:
    """The item's real time as best we know it, then its stamp as sent (see the module's note)."""
    if correction is None:
        return [at]
    try:
        return [at + correction, at]
    except OverflowError:  # a stamp near year 1 or 9999 moved past the calendar
        return [at]


def server_time(now: datetime) -> str:
    """Our clock as the kiosk reads it to learn its own clock's error: RFC 3339, UTC, seconds."""
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
