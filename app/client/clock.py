"""How far the tablet's clock is off, learnt from the `server_time` in the server's answers.

The server corrects each item's time itself (from the batch's `sent_at`); what the kiosk learns
here is only reported in its heartbeat (`clock_offset_seconds`), so an admin can see a tablet
whose clock needs setting. We read a field in the JSON rather than the HTTP Date header: a browser
hides Date from a page on another origin (the PWA on AWS) unless CORS exposes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.client.outbox import local_now  # the clock that stamps the queued items


class ClockWatch:
    """The tablet's clock (`now`) and its last measured error against the server's clock."""

    def __init__(self, wall: Callable[[], datetime] = local_now) -> None:
        self._wall = wall
        self.offset_seconds: int | None = None  # tablet minus server; None until measured

    def now(self) -> datetime:
        """What the tablet's clock shows."""
        return self._wall()

    def observe(self, answer: object, sent: datetime, received: datetime) -> None:
        """Learn the offset from an answer's `server_time`, read between `sent` and `received`
        (the midpoint, as NTP does, halves the error the round trip brings)."""
        stamp = answer.get("server_time") if isinstance(answer, dict) else None
        try:
            server = datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # type: ignore[union-attr]
        except (AttributeError, TypeError, ValueError):
            return  # an older server, or a broken answer: keep what we knew
        if server.tzinfo is None:
            return
        midpoint = sent + (received - sent) / 2
        self.offset_seconds = round((midpoint - server).total_seconds())
