"""Item shape checks both adapters make before they write (the third home of validation)."""

from __future__ import annotations

from functions.domain.errors import InvalidInput
from functions.domain.models import SCORES, CheckinToRecord


def require_scores(checkins: list[CheckinToRecord]) -> None:
    """Refuse a batch with a score outside 1-10, before anything of it is written (a bad item
    must not stop a batch half-way)."""
    for checkin in checkins:
        if checkin.score not in SCORES:
            raise InvalidInput(f"Score {checkin.score!r} is not 1-10.")
