"""Which sentence prompt a workplace works with in a given week.

Prompts take turns in the admins' order, one per week, the same week for every workplace so the
organisation talks about the same thing at once. An admin can pin a prompt to a week for everyone,
or for one workplace; the workplace's own pin wins, being the more specific wish.
"""

from __future__ import annotations

from functions.domain.models import Pin
from functions.domain.weeks import shift_week, week_index

PINNED_FOR_WORKPLACE = "workplace"
PINNED_FOR_ALL = "all"


def prompt_for_week(
    week: str, order: list[str], pins: list[Pin], workplace_id: str | None
) -> tuple[str | None, str | None]:
    """(prompt_id, pinned) for the week: a workplace pin, else a pin for all, else the rotation.

    `pinned` is "workplace", "all" or None (rotation); (None, None) when nothing is to be had.
    """
    for_all = None
    for pin in pins:
        if pin.week != week:
            continue
        if pin.workplace_id is None:
            for_all = pin
        elif workplace_id is not None and pin.workplace_id == workplace_id:
            return pin.prompt_id, PINNED_FOR_WORKPLACE
    if for_all is not None:
        return for_all.prompt_id, PINNED_FOR_ALL
    if not order:
        return None, None
    # week_index grows by one each week, across years, so the turn never skips or repeats at New
    # Year as a week number modulo the length would in years with 53 weeks.
    return order[week_index(week) % len(order)], None


def schedule(
    first_week: str, count: int, order: list[str], pins: list[Pin], workplace_id: str | None
) -> list[tuple[str, str | None, str | None]]:
    """(week, prompt_id, pinned) for `count` weeks from `first_week` on."""
    weeks = [shift_week(first_week, n) for n in range(count)]
    return [(week, *prompt_for_week(week, order, pins, workplace_id)) for week in weeks]
