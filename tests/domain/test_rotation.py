"""Which prompt a workplace works with in a week: pins first, then the rotation."""

from datetime import date, timedelta

from functions.domain.models import Pin
from functions.domain.rotation import prompt_for_week, schedule

ORDER = ["tilgaengelige", "modet", "nedsaettende", "trygge", "nysgerrighed", "feedback"]


def test_rotation_gives_one_prompt_per_week_in_order():
    first, _ = prompt_for_week("2026-W10", ORDER, [], "wp-1")
    second, pinned = prompt_for_week("2026-W11", ORDER, [], "wp-1")
    assert ORDER.index(second) == (ORDER.index(first) + 1) % len(ORDER)
    assert pinned is None


def test_rotation_is_the_same_for_every_workplace():
    assert prompt_for_week("2026-W10", ORDER, [], "wp-1") == prompt_for_week(
        "2026-W10", ORDER, [], "wp-2"
    )


def test_rotation_takes_its_turn_from_weeks_counted_across_years():
    # Given 2026-W10 (Monday 2 March 2026, week 105,668 since Monday 1 January of year 1,
    # and 105,668 = 6 * 17,611 + 2) takes the third prompt
    assert prompt_for_week("2026-W10", ORDER, [], None) == ("nedsaettende", None)
    # Then each Monday after it, named by the calendar, takes the next prompt, years on
    monday = date(2026, 3, 2)
    for step in range(1, 8 * 53):
        year, week, _ = (monday + timedelta(weeks=step)).isocalendar()
        expected = ORDER[(2 + step) % len(ORDER)]
        assert prompt_for_week(f"{year}-W{week:02d}", ORDER, [], None) == (expected, None)


def test_rotation_neither_skips_nor_repeats_over_week_53():
    weeks = ["2026-W52", "2026-W53", "2027-W01"]
    turns = [ORDER.index(prompt_for_week(w, ORDER, [], None)[0]) for w in weeks]
    assert turns[1] == (turns[0] + 1) % 6
    assert turns[2] == (turns[1] + 1) % 6


def test_pin_for_all_applies_to_every_workplace():
    pins = [Pin("2026-W10", "feedback")]
    assert prompt_for_week("2026-W10", ORDER, pins, "wp-1") == ("feedback", "all")
    assert prompt_for_week("2026-W10", ORDER, pins, None) == ("feedback", "all")


def test_pin_for_one_workplace_beats_pin_for_all():
    # Given a pin for everyone and, listed after it or before it, one for wp-1
    pins = [Pin("2026-W10", "feedback"), Pin("2026-W10", "modet", "wp-1")]
    # Then wp-1 gets its own pin, and the others get the pin for all
    assert prompt_for_week("2026-W10", ORDER, pins, "wp-1") == ("modet", "workplace")
    assert prompt_for_week("2026-W10", ORDER, pins[::-1], "wp-1") == ("modet", "workplace")
    assert prompt_for_week("2026-W10", ORDER, pins, "wp-2") == ("feedback", "all")


def test_pins_of_other_weeks_and_other_workplaces_are_ignored():
    pins = [Pin("2026-W11", "feedback"), Pin("2026-W10", "modet", "wp-2")]
    assert prompt_for_week("2026-W10", ORDER, pins, "wp-1")[1] is None
    assert prompt_for_week("2026-W10", ORDER, pins, None)[1] is None


def test_no_prompt_without_order_or_pin():
    assert prompt_for_week("2026-W10", [], [], "wp-1") == (None, None)
    assert prompt_for_week("2026-W10", [], [Pin("2026-W10", "trygge")], "wp-1") == ("trygge", "all")


def test_schedule_lists_consecutive_weeks_with_their_pins():
    pins = [Pin("2026-W53", "trygge", "wp-1")]
    planned = schedule("2026-W52", 3, ORDER, pins, "wp-1")
    assert [week for week, _, _ in planned] == ["2026-W52", "2026-W53", "2027-W01"]
    assert planned[1] == ("2026-W53", "trygge", "workplace")
    assert planned[0][2] is None and planned[2][2] is None
    assert schedule("2026-W52", 0, ORDER, pins, "wp-1") == []
