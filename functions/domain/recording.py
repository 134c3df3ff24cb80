"""Taking in what kiosks send: check-ins and completions, each judged alone and counted once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from functions.domain.credentials import new_id
from functions.domain.judging import Rejection, judge_checkins, judge_completions
from functions.domain.ports import Store
from functions.domain.release import release_weeks


def _answer(ids: list[str], counted: list[bool], rejected: list[Rejection]) -> dict:
    return {
        "accepted": [i for i, new in zip(ids, counted, strict=True) if new],
        "duplicates": [i for i, new in zip(ids, counted, strict=True) if not new],
        "rejected": [{"id": r.id, "reason": r.reason} for r in rejected],
    }


def record_checkins(
    store: Store, workplace_id: str, items: list[Any], now: datetime, k: int
) -> dict:
    """Judge each check-in, count the good ones once, release weeks that have k new answers;
    answer the accepted, duplicate and rejected ids."""
    good, rejected = judge_checkins(items, now)
    counted = store.record_checkins(workplace_id, good) if good else []
    # A duplicate may follow a crash between counting and releasing, so it releases too.
    release_weeks(store, workplace_id, sorted({c.week for c in good}), k)
    return _answer([c.event_id for c in good], counted, rejected)


def record_completions(store: Store, workplace_id: str, items: list[Any], now: datetime) -> dict:
    """Judge each completion (held for review when it seems to name someone), store it once."""
    known = {p.id for p in store.list_prompts()}
    good, rejected = judge_completions(items, now, known, new_id)
    stored = store.record_completions(workplace_id, good) if good else []
    return _answer([c.event_id for c in good], stored, rejected)
