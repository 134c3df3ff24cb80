"""What a Monday digest (and the one-page PDF) says about a week: built from the pulse's own
functions, so it shows exactly what the pulse shows a viewer and nothing more.

Figures come from pulse.weekly_figures (released figures under anonymity.public_week) and area
figures from release.released_rollup (only members that reach the threshold themselves); nothing
here computes a figure from raw aggregates.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol

from functions.domain.anonymity import PublicWeek, Rollup
from functions.domain.models import CompletionStatus, Prompt, Workplace
from functions.domain.ports import Store
from functions.domain.prompts import prompt_of_week
from functions.domain.pulse import weekly_figures
from functions.domain.release import released_rollup
from functions.domain.weeks import weeks_ending

TREND_WEEKS = 8
_random = secrets.SystemRandom()


class Shown(Protocol):
    """What is read of a week's figures, a workplace's (PublicWeek) or rolled up (Rollup)."""

    @property
    def responses(self) -> int | None: ...

    @property
    def mean(self) -> float | None: ...


@dataclass(frozen=True)
class TrendPoint:
    """One week in a trend: answers and mean as the pulse shows them (None when suppressed)."""

    week: str
    responses: int | None
    mean: float | None


@dataclass(frozen=True)
class WorkplaceWeek:
    """One workplace's week as its viewers see it, with the week before and the trend."""

    workplace: Workplace
    week: str
    threshold: int
    figures: PublicWeek
    change: float | None  # mean minus the week before's; None unless both weeks are shown
    trend: list[TrendPoint]  # oldest first
    prompt: Prompt | None
    sentences: list[str]  # approved completions of the week, in random order


@dataclass(frozen=True)
class AreaWeek:
    """An area's week for its leader: the area's roll-up and each member workplace's week."""

    area: str
    week: str
    threshold: int
    figures: Rollup  # release.released_rollup
    change: float | None
    trend: list[TrendPoint]
    members: list[WorkplaceWeek]


def change_between(now: Shown, before: Shown) -> float | None:
    """How much the mean moved since the week before, when both weeks are shown."""
    if now.mean is None or before.mean is None:
        return None
    return round(now.mean - before.mean, 2)


def workplace_week(store: Store, workplace: Workplace, week: str, k: int) -> WorkplaceWeek:
    """The week of one workplace, with the same figures, sentences and prompt as its pulse."""
    weeks = weeks_ending(week, TREND_WEEKS)
    figures = weekly_figures(store, workplace.id, weeks, k)
    completions = store.list_completions(workplace.id, week, (CompletionStatus.VISIBLE,))
    sentences = [c.text for c in completions]
    _random.shuffle(sentences)  # order of arrival could hint at who wrote what
    return WorkplaceWeek(
        workplace=workplace,
        week=week,
        threshold=k,
        figures=figures[-1],
        change=change_between(figures[-1], figures[-2]),
        trend=[TrendPoint(f.week, f.responses, f.mean) for f in figures],
        prompt=prompt_of_week(store, week, workplace.id),
        sentences=sentences,
    )


def area_week(store: Store, area: str, members: list[Workplace], week: str, k: int) -> AreaWeek:
    """An area's roll-up per week (as the organisation pulse rolls it up) and its members' weeks."""
    weeks = weeks_ending(week, TREND_WEEKS)
    ids = {w.id for w in members}
    running = store.organisation_aggregates(weeks)
    released = store.organisation_aggregates(weeks, released=True)
    rolled = []
    for w in weeks:
        mine = [a for wp, a in running.get(w, {}).items() if wp in ids]
        shown = [a for wp, a in released.get(w, {}).items() if wp in ids]
        rolled.append(released_rollup(mine, shown, k))
    return AreaWeek(
        area=area,
        week=week,
        threshold=k,
        figures=rolled[-1],
        change=change_between(rolled[-1], rolled[-2]),
        trend=[TrendPoint(w, r.responses, r.mean) for w, r in zip(weeks, rolled, strict=True)],
        members=[workplace_week(store, w, week, k) for w in members],
    )
