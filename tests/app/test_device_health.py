"""The admin hears about a tablet that lost answers or whose clock is off, in plain words."""

from __future__ import annotations

import pytest

from app.admin.device_health import clock_amount, device_warnings, warning_text


def device(**fields) -> dict:
    base = {"revoked": False, "silent": False, "dropped": 0, "clock_offset_seconds": 0}
    return base | fields


def texts(listed: dict, lang: str) -> list[str]:
    return [warning_text(w, lang) for w in device_warnings(listed)]


def test_a_healthy_tablet_needs_no_attention():
    assert device_warnings(device()) == []
    assert device_warnings(device(clock_offset_seconds=120)) == []  # two minutes is tolerated
    assert device_warnings(device(clock_offset_seconds=-120)) == []


def test_an_older_kiosk_that_reports_neither_is_not_flagged():
    assert device_warnings(device(dropped=None, clock_offset_seconds=None)) == []


def test_refused_answers_are_told_in_words_in_danish_and_english():
    assert texts(device(dropped=3), "da") == [
        "3 svar fra denne tablet kunne ikke tælles med, siden den blev parret. "
        "Vokser tallet, så kontakt jeres it-support."
    ]
    assert texts(device(dropped=1), "en")[0].startswith("One answer from this tablet")


def test_a_clock_three_days_fast_is_told_as_days_ahead():
    [text] = texts(device(clock_offset_seconds=3 * 86_400 + 500), "da")
    assert text.startswith("Tablettens ur er 3 dage foran.")
    [text] = texts(device(clock_offset_seconds=3 * 86_400), "en")
    assert text.startswith("The tablet's clock is 3 days ahead.")


def test_a_clock_reset_to_2000_is_told_as_years_behind():
    offset = -(26 * 365 + 7) * 86_400  # 2000-01-01 seen from late 2026
    [text] = texts(device(clock_offset_seconds=offset), "en")
    assert text.startswith("The tablet's clock is 26 years behind.")


def test_both_problems_are_told_and_a_removed_tablet_is_left_alone():
    both = device(dropped=2, clock_offset_seconds=-121)
    assert [w.key for w in device_warnings(both)] == [
        "admin.devices.dropped",
        "admin.devices.clock_behind",
    ]
    assert device_warnings(both | {"revoked": True}) == []


@pytest.mark.parametrize(
    ("seconds", "amount"),
    [
        (121, (2, "minutes")),
        (-3_600, (1, "hour")),
        (7_199, (1, "hour")),
        (86_400 * 2, (2, "days")),
        (365 * 86_400, (1, "year")),
        (59, (59, "seconds")),
    ],
)
def test_clock_amounts_use_the_largest_whole_unit(seconds, amount):
    assert clock_amount(seconds) == amount
