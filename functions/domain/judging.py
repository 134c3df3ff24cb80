"""Judging what kiosks send: each check-in or completion alone, so one bad item never sinks a batch.

Items arrive as parsed JSON and may hold anything; every rule here checks types itself. What passes
is reduced to what we keep: the ISO week of the tap (never its time) and a marker that expires at a
day-precision moment, so no stored value can be lined up with when somebody stood at the tablet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any, TypeVar

from functions.domain.models import (
    SCORES,
    CheckinToRecord,
    CompletionStatus,
    CompletionToRecord,
)
from functions.domain.moderation import clean_text, seems_to_name_person
from functions.domain.name_list import NameList
from functions.domain.tablet_clock import moments_to_try, parse_rfc3339
from functions.domain.weeks import week_of

_Judged = TypeVar("_Judged", CheckinToRecord, CompletionToRecord)

MAX_AGE = timedelta(days=35)  # an offline kiosk may hand in a month of taps
MAX_AHEAD = timedelta(minutes=10)  # tolerated clock skew of a tablet
# Longer than MAX_AGE + MAX_AHEAD: once a marker is gone, a retry of its item is "too_old" anyway.
MARKER_DAYS = 40
MAX_TEXT = 280
_REPORTED_ID_LENGTH = 64

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


@dataclass(frozen=True)
class Rejection:
    """An item we did not take, by its id as sent (or "" when it had none) and why."""

    id: str
    reason: str


class _Rejected(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def judge_checkins(
    items: list[Any], now: datetime, correction: timedelta | None = None
) -> tuple[list[CheckinToRecord], list[Rejection]]:
    """Split raw check-ins into ones to record and rejections (each with its reason); each time
    moved by the tablet clock's `correction` (functions/domain/tablet_clock.py)."""
    expires = marker_expires_at(now)

    def checkin(item: Any, event_id: str) -> CheckinToRecord:
        score = _score(item.get("score"))
        at = _moment(item.get("at"), now, correction)
        return CheckinToRecord(event_id, week_of(at), score, expires)

    return _judge(items, checkin)


def judge_completions(
    items: list[Any],
    now: datetime,
    known_prompt_ids: set[str],
    new_id: Callable[[], str],
    names: NameList,
    correction: timedelta | None = None,
) -> tuple[list[CompletionToRecord], list[Rejection]]:
    """Split raw completions into cleaned ones to store (held if they may name someone) and
    rejections."""
    expires = marker_expires_at(now)

    def completion(item: Any, event_id: str) -> CompletionToRecord:
        at = _moment(item.get("at"), now, correction)
        prompt_id = _prompt_id(item.get("prompt_id"), known_prompt_ids)
        text = _text(item.get("text"))
        held = seems_to_name_person(text, names)
        return CompletionToRecord(
            event_id=event_id,
            completion_id=new_id(),  # random, so the stored row says nothing of the device
            week=week_of(at),
            prompt_id=prompt_id,
            text=text,
            status=CompletionStatus.HELD if held else CompletionStatus.VISIBLE,
            marker_expires_at=expires,
        )

    return _judge(items, completion)


def _judge(
    items: list[Any], build: Callable[[Any, str], _Judged]
) -> tuple[list[_Judged], list[Rejection]]:
    """Each item alone: claim its id (once per batch), then build it or say why not."""
    accepted: list[_Judged] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    for item in items:
        try:
            accepted.append(build(item, _claim_id(item, seen)))
        except _Rejected as why:
            rejected.append(Rejection(_reported_id(item), why.reason))
    return accepted, rejected


def marker_expires_at(now: datetime) -> int:
    """Epoch seconds of midnight UTC, MARKER_DAYS after now's date (day precision on purpose)."""
    day = now.astimezone(UTC).date() + timedelta(days=MARKER_DAYS)
    return int(datetime.combine(day, time(), UTC).timestamp())


def _claim_id(item: Any, seen: set[str]) -> str:
    # Any later item with an id already claimed in this batch is a duplicate, whatever became of
    # the first one: one id, one verdict.
    event_id = item.get("id") if isinstance(item, dict) else None
    if not isinstance(event_id, str) or not _UUID.fullmatch(event_id):
        raise _Rejected("invalid_id")
    if event_id in seen:
        raise _Rejected("duplicate_in_batch")
    seen.add(event_id)
    return event_id


def _reported_id(item: Any) -> str:
    # Echo what was sent, but never much of it: a rejection must not amplify a hostile payload.
    value = item.get("id") if isinstance(item, dict) else None
    if value is None:
        return ""
    try:
        return (value if isinstance(value, str) else str(value))[:_REPORTED_ID_LENGTH]
    except ValueError:  # an int too long to print
        return ""


def _score(value: Any) -> int:
    if type(value) is not int or value not in SCORES:  # bool is an int; 5.0 and "5" are not
        raise _Rejected("invalid_score")
    return value


def _moment(value: Any, now: datetime, correction: timedelta | None) -> datetime:
    best, *fallbacks = moments_to_try(_parse_rfc3339(value), correction)
    try:
        return _within_reach(best, now)
    except _Rejected:
        for at in fallbacks:
            with suppress(_Rejected):
                return _within_reach(at, now)
        raise  # the verdict on the best guess is the one reported


def _within_reach(at: datetime, now: datetime) -> datetime:
    if at < now - MAX_AGE:
        raise _Rejected("too_old")
    if at > now + MAX_AHEAD:
        raise _Rejected("in_future")
    return at


def _parse_rfc3339(value: Any) -> datetime:
    at = parse_rfc3339(value)
    if at is None:
        raise _Rejected("invalid_time")
    return at


def _prompt_id(value: Any, known: set[str]) -> str:
    if not isinstance(value, str) or value not in known:
        raise _Rejected("unknown_prompt")
    return value


def _text(value: Any) -> str:
    text = clean_text(value) if isinstance(value, str) else ""
    if not 1 <= len(text) <= MAX_TEXT:
        raise _Rejected("invalid_text")
    return text
