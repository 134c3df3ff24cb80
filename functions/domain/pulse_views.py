"""What pulse.py returns: a workplace's pulse, the organisation's week, a kiosk's last week.

Plain dataclasses: the API maps them to its answer models (functions/api/answers_*.py), the
digest and the printed page read them directly. A week's own figures are anonymity.PublicWeek,
which the CSV and the digest share.
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.domain.anonymity import PublicWeek
from functions.domain.models import Completion, Prompt, Workplace


@dataclass(frozen=True)
class TrendWeek:
    """The organisation's mean in one week (None when too few answered)."""

    week: str
    mean: float | None


@dataclass(frozen=True)
class WorkplacePulse:
    """One workplace's pulse: figures per week (anonymity.public_week), the organisation's
    trend, this week's prompt and its visible completions in random order."""

    workplace: Workplace
    threshold: int
    week: str
    weeks: list[PublicWeek]
    organisation: list[TrendWeek]
    prompt: Prompt | None
    completions: list[Completion]


@dataclass(frozen=True)
class LastWeek:
    """Last week's count and mean, as a kiosk shows them."""

    week: str
    responses: int
    mean: float


@dataclass(frozen=True)
class Figures:
    """A roll-up's responses and mean, or suppressed (responses None when some answered)."""

    responses: int | None
    mean: float | None
    suppressed: bool


@dataclass(frozen=True)
class WorkplaceFigures(Figures):
    """One workplace's week inside the organisation's."""

    id: str
    name: str


@dataclass(frozen=True)
class AreaFigures(Figures):
    """One area's week, rolled up only from its workplaces that reach the threshold."""

    area: str | None
    workplaces: list[WorkplaceFigures]


@dataclass(frozen=True)
class OrganisationPulse:
    """Every area and workplace in one week, and the organisation as a whole."""

    week: str
    threshold: int
    organisation: Figures
    areas: list[AreaFigures]
