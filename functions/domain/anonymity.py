"""The anonymity threshold k: no figure leaves the domain that rests on fewer than k answers.

With few answers, a mean or a distribution tells colleagues how one person scored. So a week of a
workplace is shown only when at least k people answered; below that we do not even say how many
did (1 or 2 answers would already point at somebody), only that the week is suppressed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from functions.domain.errors import InvalidInput
from functions.domain.models import WeekAggregate

MIN_THRESHOLD = 3
MAX_THRESHOLD = 50


@dataclass(frozen=True)
class PublicWeek:
    """What may be shown of one week: all figures, or suppressed with responses 0 (none came)
    or None (too few to say how many)."""

    week: str
    responses: int | None
    mean: float | None
    distribution: list[int] | None
    suppressed: bool


@dataclass(frozen=True)
class Rollup:
    """Several workplaces' week as one figure; `excluded` counts members left out below k."""

    responses: int | None
    mean: float | None
    suppressed: bool
    excluded: int


def validate_threshold(k: int) -> int:
    """k itself when it is a whole number from MIN_THRESHOLD to MAX_THRESHOLD; else InvalidInput."""
    if type(k) is not int or not MIN_THRESHOLD <= k <= MAX_THRESHOLD:
        raise InvalidInput(
            f"the anonymity threshold must be a whole number from {MIN_THRESHOLD} to "
            f"{MAX_THRESHOLD}, not {k!r}"
        )
    return k


def public_week(week: str, agg: WeekAggregate | None, k: int) -> PublicWeek:
    """What may be shown of a week: its figures when at least k answered, else suppressed."""
    count = agg.count if agg else 0
    if count >= _effective(k):
        assert agg is not None
        return PublicWeek(
            week=week,
            responses=count,
            mean=round(agg.total / count, 2),
            distribution=list(agg.distribution),
            suppressed=False,
        )
    return PublicWeek(
        week=week,
        responses=None if count else 0,
        mean=None,
        distribution=None,
        suppressed=True,
    )


def rollup(aggs: Iterable[WeekAggregate], k: int) -> Rollup:
    """Combine workplaces' weeks into one figure (responses, mean, suppressed, excluded).

    Only members that reach k on their own are counted in. Adding every member would be exact, but
    then a suppressed workplace could be recovered by subtraction: an area total of 40 answers
    minus the visible workplaces' 37 leaves the 3 hidden ones, with their sum, on display.
    `excluded` says how many members with answers were left out, so a reader knows the figure is
    partial; it shows no more than each member's own suppressed week does.
    """
    k = _effective(k)
    count = total = excluded = 0
    for agg in aggs:
        if agg.count >= k:
            count += agg.count
            total += agg.total
        elif agg.count > 0:
            excluded += 1
    if count >= k:
        return Rollup(
            responses=count,
            mean=round(total / count, 2),
            suppressed=False,
            excluded=excluded,
        )
    return Rollup(
        responses=None if excluded else 0,
        mean=None,
        suppressed=True,
        excluded=excluded,
    )


def _effective(k: int) -> int:
    # A threshold stored before validation existed, or passed in by mistake, never goes below 3.
    return max(k, MIN_THRESHOLD)
