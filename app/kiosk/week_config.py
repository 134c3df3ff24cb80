"""This week's kiosk configuration (GET /v1/kiosk), parsed once into a frozen record.

The answer arrives three ways (GET /v1/kiosk after pairing, a heartbeat when it changed, the
tablet's cache at boot) and may come from an older server or an older cache: `from_answer` fills
what is missing with the defaults, so the screens read plain fields and never a missing key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_COOLDOWN = 20
DEFAULT_IDLE_RESET = 45

Texts = Mapping[str, str]  # a content text {da, en}, as i18n.pick reads it


@dataclass(frozen=True)
class LastWeek:
    """Last week's mean and how many answered (sent only when shown and above the threshold)."""

    mean: float
    responses: int


@dataclass(frozen=True)
class WeekConfig:
    """What a paired kiosk shows this week and the timing it follows."""

    workplace_name: str = ""
    week: str = ""
    question: Texts | None = None
    prompt: Texts | None = None  # {id, da, en}: this week's sentence, or none
    behaviours: tuple[Texts, ...] = ()
    cooldown_seconds: int = DEFAULT_COOLDOWN
    idle_reset_seconds: int = DEFAULT_IDLE_RESET
    last_week: LastWeek | None = None

    @classmethod
    def from_answer(cls, answer: Mapping[str, Any] | None) -> WeekConfig:
        """The configuration in a /v1/kiosk answer (or the cached copy of one)."""
        answer = answer or {}
        settings = answer.get("settings") or {}
        last = answer.get("last_week") or {}
        return cls(
            workplace_name=(answer.get("workplace") or {}).get("name") or "",
            week=answer.get("week") or "",
            question=answer.get("question") or None,
            prompt=answer.get("prompt") or None,
            behaviours=tuple(answer.get("behaviours") or ()),
            cooldown_seconds=int(settings.get("cooldown_seconds", DEFAULT_COOLDOWN)),
            idle_reset_seconds=int(settings.get("idle_reset_seconds", DEFAULT_IDLE_RESET)),
            last_week=(
                LastWeek(last["mean"], int(last.get("responses") or 0))
                if last.get("mean") is not None
                else None
            ),
        )


NO_WEEK = WeekConfig()  # not paired yet, or no configuration seen: the defaults
