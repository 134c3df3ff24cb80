"""The numbers a pulse page shows, derived from GET /v1/workplaces/{id}/pulse; no Flet here.

Suppressed weeks (fewer answers than the threshold) carry no number at all: every function here
returns None for them, so a view cannot show a count, a mean or a bar by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import number


@dataclass(frozen=True)
class WeekSummary:
    """This week at a glance: answers, mean and the change since last week (None: not shown)."""

    week: str
    responses: int | None
    mean: float | None
    change: float | None
    distribution: list[int] | None
    suppressed: bool
    any_answers: bool


@dataclass(frozen=True)
class TrendPoint:
    """One week on the trend line: the workplace's mean and the organisation's (None: a gap)."""

    week: str
    mean: float | None
    organisation: float | None
    suppressed: bool
    answered: bool = True  # False: nobody answered that week (not merely too few)


def week_number(week: str) -> str:
    """The short week label people use: "2026-W07" → "7"."""
    _, _, number = week.partition("-W")
    return str(int(number)) if number.isdigit() else week


def summary(pulse: dict) -> WeekSummary | None:
    """This week's figures and the change since last week, or None when the pulse has no weeks."""
    weeks = pulse.get("weeks") or []
    if not weeks:
        return None
    now = weeks[-1]
    before = weeks[-2] if len(weeks) > 1 else None
    suppressed = bool(now.get("suppressed"))
    mean = None if suppressed else now.get("mean")
    change = None
    if (
        mean is not None
        and before
        and not before.get("suppressed")
        and before.get("mean") is not None
    ):
        change = round(mean - before["mean"], 1)
    return WeekSummary(
        week=now["week"],
        responses=None if suppressed else now.get("responses"),
        mean=mean,
        change=change,
        distribution=None if suppressed else now.get("distribution"),
        suppressed=suppressed,
        # The API hides small counts (null) but says 0 when nobody answered at all.
        any_answers=now.get("responses") != 0,
    )


def trend(pulse: dict) -> list[TrendPoint]:
    """The weeks of the pulse, oldest first, with the organisation's mean beside each."""
    organisation = {o["week"]: o.get("mean") for o in pulse.get("organisation") or []}
    return [
        TrendPoint(
            week=w["week"],
            mean=None if w.get("suppressed") else w.get("mean"),
            organisation=organisation.get(w["week"]),
            suppressed=bool(w.get("suppressed")),
            answered=w.get("responses") != 0,
        )
        for w in pulse.get("weeks") or []
    ]


def runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """Unbroken stretches of (index, value): a line is drawn per stretch, so gaps stay gaps."""
    stretches: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                stretches.append(current)
            current = []
        else:
            current.append((index, value))
    if current:
        stretches.append(current)
    return stretches


def change_text(change: float | None, lang: str) -> str:
    """+0,4 / −0,3 / ±0,0, or a dash when there is nothing to compare."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    return sign + number(abs(change), lang)
