"""Meeting mode's steps, in the order of the municipality's dialogue material; no Flet here."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import pick

# Norddjurs' definition first (the shared understanding the dialogue starts from), then individual
# reflection, this week's result, the shared sentences, the next step, OLFA.
STEPS = ("definition", "reflect", "result", "sentences", "next_step", "olfa")


@dataclass(frozen=True)
class Reflection:
    """The 1–10 question and its two follow-up questions."""

    question: str
    follow_ups: list[str]


def reflection(content: dict | None, lang: str) -> Reflection:
    """The individual reflection in `lang`, from content/."""
    content = content or {}
    return Reflection(
        question=pick(content.get("question"), lang),
        follow_ups=[pick(f, lang) for f in content.get("follow_ups") or []],
    )


def step_count() -> int:
    """How many steps meeting mode has."""
    return len(STEPS)
