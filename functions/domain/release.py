"""Releasing a week's figures to viewers in steps of at least k answers.

A week is live: if viewers saw its running count, someone who looks before and after a colleague
taps the tablet would read that one answer off the difference (count, sum and distribution all
move by it). So viewers see the week as last *released*, and a new release happens only once at
least k answers (the anonymity threshold) have come in since the last one. Any difference between
two looks is then the combined answers of at least k people, never one person's answer. The last
few answers of a week (fewer than k) stay unreleased, on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from functions.domain.anonymity import PublicWeek, Rollup, public_week, rollup, validate_threshold
from functions.domain.models import WeekAggregate
from functions.domain.ports import CheckinStore


def next_release(
    running: WeekAggregate | None, released: WeekAggregate | None, k: int
) -> WeekAggregate | None:
    """The figures to release now, or None while fewer than k answers came since the last."""
    if running is None:
        return None
    shown = released.count if released else 0
    return running if running.count - shown >= validate_threshold(k) else None


def release_weeks(store: CheckinStore, workplace_id: str, weeks: list[str], k: int) -> list[str]:
    """Release every given week that has k new answers; two reads, whatever the volume."""
    if not weeks:
        return []
    running = store.week_aggregates(workplace_id, weeks)
    released = store.week_aggregates(workplace_id, weeks, released=True)
    done = []
    for week in weeks:
        fresh = next_release(running.get(week), released.get(week), k)
        if fresh is not None:
            store.release_aggregate(workplace_id, fresh)
            done.append(week)
    return done


def released_week(
    week: str, running: WeekAggregate | None, released: WeekAggregate | None, k: int
) -> PublicWeek:
    """What viewers see of a week: the released figures, and "too few" (not "none") while
    answers have come in that are not released yet."""
    figures = public_week(week, released, k)
    if figures.responses == 0 and running is not None and running.count > 0:
        figures = replace(figures, responses=None)
    return figures


def released_rollup(
    running: Iterable[WeekAggregate], released: Iterable[WeekAggregate], k: int
) -> Rollup:
    """A roll-up of released figures, saying "too few" (not "none") like released_week."""
    totals = rollup(released, k)
    if totals.suppressed and totals.responses == 0 and any(a.count for a in running):
        totals = replace(totals, responses=None)
    return totals
