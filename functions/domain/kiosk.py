"""What a paired kiosk needs to run its week: texts, prompt, settings and last week's result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from functions.domain.models import Prompt, Settings, Workplace
from functions.domain.ports import Store
from functions.domain.prompts import prompt_of_week
from functions.domain.pulse import last_week_for_kiosk
from functions.domain.pulse_views import LastWeek
from functions.domain.tablet_clock import server_time
from functions.domain.weeks import current_week


@dataclass(frozen=True)
class KioskWeek:
    """A kiosk's configuration for one week (texts as the content document holds them)."""

    workplace: Workplace
    week: str
    prompt: Prompt | None
    question: Any
    behaviours_intro: Any
    behaviours: Any
    settings: Settings
    last_week: LastWeek | None
    server_time: str  # the kiosk learns its clock's error from it


def kiosk_week(
    store: Store, workplace: Workplace, content: dict, settings: Settings, now: datetime
) -> KioskWeek:
    """The kiosk's configuration for this week; `content` is the content document."""
    week = current_week(now)
    return KioskWeek(
        workplace=workplace,
        week=week,
        prompt=prompt_of_week(store, week, workplace.id),
        question=content["question"],
        behaviours_intro=content["behaviours_intro"],
        behaviours=content["behaviours"],
        settings=settings,
        last_week=last_week_for_kiosk(store, workplace, settings.anonymity_threshold, now),
        server_time=server_time(now),
    )
