"""What viewers and kiosks see of the numbers: weekly figures with anonymity applied.

Only released aggregates are read (release.py: in steps of at least k answers; one bounded read per
view, whatever the number of check-ins), and every figure passes through anonymity.public_week or
anonymity.rollup before it leaves the domain.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from datetime import datetime

from functions.domain.anonymity import PublicWeek, Rollup, rollup
from functions.domain.csv_export import weekly_csv
from functions.domain.models import CompletionStatus, Settings, Workplace
from functions.domain.ports import Store
from functions.domain.prompts import prompt_of_week
from functions.domain.pulse_views import (
    AreaFigures,
    Figures,
    LastWeek,
    OrganisationPulse,
    TrendWeek,
    WorkplaceFigures,
    WorkplacePulse,
)
from functions.domain.release import released_rollup, released_week
from functions.domain.weeks import current_week, shift_week, weeks_ending

_random = secrets.SystemRandom()


def weekly_figures(store: Store, workplace_id: str, weeks: list[str], k: int) -> list[PublicWeek]:
    """The public figures of one workplace for the given weeks (as released, see release.py)."""
    running = store.week_aggregates(workplace_id, weeks)
    released = store.week_aggregates(workplace_id, weeks, released=True)
    return [released_week(w, running.get(w), released.get(w), k) for w in weeks]


def organisation_trend(store: Store, weeks: list[str], k: int) -> list[TrendWeek]:
    """The organisation's mean per week over the workplaces that are not suppressed."""
    by_week = store.organisation_aggregates(weeks, released=True)
    return [TrendWeek(week, rollup(by_week.get(week, {}).values(), k).mean) for week in weeks]


def workplace_pulse(
    store: Store, workplace: Workplace, count: int, settings: Settings, now: datetime
) -> WorkplacePulse:
    """The weekly pulse of one workplace: figures, organisation trend, prompt and sentences."""
    k = settings.anonymity_threshold
    week = current_week(now)
    weeks = weeks_ending(week, count)
    prompt = prompt_of_week(store, week, workplace.id)
    shown = list(store.list_completions(workplace.id, week, (CompletionStatus.VISIBLE,)))
    _random.shuffle(shown)  # order of arrival could hint at who wrote what
    return WorkplacePulse(
        workplace=workplace,
        threshold=k,
        week=week,
        weeks=weekly_figures(store, workplace.id, weeks, k),
        organisation=organisation_trend(store, weeks, k),
        prompt=prompt,
        completions=shown,
    )


def pulse_csv(
    store: Store, workplace: Workplace, count: int, settings: Settings, now: datetime
) -> str:
    """The weekly figures of one workplace as CSV."""
    weeks = weeks_ending(current_week(now), count)
    return weekly_csv(weekly_figures(store, workplace.id, weeks, settings.anonymity_threshold))


def last_week_for_kiosk(
    store: Store, workplace: Workplace, k: int, now: datetime
) -> LastWeek | None:
    """Last week's count and mean for the kiosk, or None when hidden or too few answered."""
    if not workplace.kiosk_shows_last_week:
        return None
    week = shift_week(current_week(now), -1)
    figures = weekly_figures(store, workplace.id, [week], k)[0]
    if figures.suppressed:
        return None
    return LastWeek(week, figures.responses, figures.mean)


def organisation_pulse(store: Store, week: str, settings: Settings) -> OrganisationPulse:
    """Every area and workplace in one week, suppressed where too few answered.

    Areas and the organisation are rolled up only from workplaces that reach the threshold, so no
    suppressed workplace can be recovered by subtracting the visible ones from a total.
    """
    k = settings.anonymity_threshold
    running = store.organisation_aggregates([week]).get(week, {})
    aggregates = store.organisation_aggregates([week], released=True).get(week, {})
    areas: dict[str, list[Workplace]] = defaultdict(list)
    for workplace in store.list_workplaces():
        areas[workplace.area or ""].append(workplace)
    area_views = []
    for area, members in sorted(areas.items()):
        rows = []
        for workplace in members:
            figures = released_week(
                week, running.get(workplace.id), aggregates.get(workplace.id), k
            )
            rows.append(
                WorkplaceFigures(
                    id=workplace.id,
                    name=workplace.name,
                    responses=figures.responses,
                    mean=figures.mean,
                    suppressed=figures.suppressed,
                )
            )
        totals = _public_rollup(
            released_rollup(
                [running[w.id] for w in members if w.id in running],
                [aggregates[w.id] for w in members if w.id in aggregates],
                k,
            )
        )
        area_views.append(
            AreaFigures(
                responses=totals.responses,
                mean=totals.mean,
                suppressed=totals.suppressed,
                area=area or None,
                workplaces=rows,
            )
        )
    return OrganisationPulse(
        week=week,
        threshold=k,
        organisation=_public_rollup(released_rollup(running.values(), aggregates.values(), k)),
        areas=area_views,
    )


def _public_rollup(totals: Rollup) -> Figures:
    # `excluded` stays in the domain: the organisation pulse's answer has never carried it.
    return Figures(totals.responses, totals.mean, totals.suppressed)
