"""Taking in what kiosks send: check-ins and completions, each judged alone and counted once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from functions.domain.credentials import new_id
from functions.domain.judging import Rejection, judge_checkins, judge_completions
from functions.domain.name_list import NameList
from functions.domain.ports import Store
from functions.domain.release import release_weeks
from functions.domain.tablet_clock import clock_correction, server_time


@dataclass(frozen=True)
class Outcome:
    """What became of a batch: ids counted now, ids seen before, items refused; our clock."""

    accepted: list[str]
    duplicates: list[str]
    rejected: list[Rejection]
    server_time: str


def _outcome(
    ids: list[str], counted: list[bool], rejected: list[Rejection], now: datetime
) -> Outcome:
    return Outcome(
        accepted=[i for i, new in zip(ids, counted, strict=True) if new],
        duplicates=[i for i, new in zip(ids, counted, strict=True) if not new],
        rejected=list(rejected),
        server_time=server_time(now),
    )


def record_checkins(
    store: Store,
    workplace_id: str,
    items: list[Any],
    now: datetime,
    k: int,
    sent_at: str | None = None,
) -> Outcome:
    """Judge each check-in (its time corrected by the tablet's `sent_at`), count the good ones
    once, release weeks that have k new answers; answer the accepted, duplicate and rejected ids."""
    good, rejected = judge_checkins(items, now, clock_correction(sent_at, now))
    counted = store.record_checkins(workplace_id, good) if good else []
    # A duplicate may follow a crash between counting and releasing, so it releases too.
    release_weeks(store, workplace_id, sorted({c.week for c in good}), k)
    return _outcome([c.event_id for c in good], counted, rejected, now)


def record_completions(
    store: Store,
    workplace_id: str,
    items: list[Any],
    now: datetime,
    names: NameList,
    sent_at: str | None = None,
) -> Outcome:
    """Judge each completion (held for review when it seems to name or reach someone), store it
    once."""
    correction = clock_correction(sent_at, now)
    known = {p.id for p in store.list_prompts()}
    good, rejected = judge_completions(items, now, known, new_id, names, correction)
    stored = store.record_completions(workplace_id, good) if good else []
    return _outcome([c.event_id for c in good], stored, rejected, now)
