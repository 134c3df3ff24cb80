"""The pulse's figures: suppressed weeks never carry a number; change and trend gaps."""

from __future__ import annotations

from app.pulse.access import parse_link, viewer_link
from app.pulse.figures import change_text, runs, summary, trend, week_number
from tests.app.screen_fakes import pulse_answer, week

DIST = [0, 0, 0, 1, 1, 2, 2, 1, 0, 0]


def test_this_week_shows_count_mean_and_change():
    pulse = pulse_answer([week("2026-W47", 6, 6.1, DIST), week("2026-W48", 7, 6.5, DIST)])
    now = summary(pulse)
    assert (now.responses, now.mean, now.change) == (7, 6.5, 0.4)
    assert now.distribution == DIST


def test_suppressed_week_has_no_number_and_no_bars():
    pulse = pulse_answer([week("2026-W47", 6, 6.1, DIST), week("2026-W48", None)])
    now = summary(pulse)
    assert now.suppressed and now.any_answers
    assert (now.responses, now.mean, now.change, now.distribution) == (None, None, None, None)


def test_week_with_no_answers_at_all_is_told_apart():
    assert summary(pulse_answer([week("2026-W48", 0)])).any_answers is False


def test_no_change_when_last_week_was_suppressed():
    pulse = pulse_answer([week("2026-W47", None), week("2026-W48", 7, 6.5, DIST)])
    assert summary(pulse).change is None


def test_trend_leaves_suppressed_weeks_as_gaps():
    pulse = pulse_answer(
        [week("2026-W46", 6, 5.0), week("2026-W47", None), week("2026-W48", 6, 6.0)]
    )
    points = trend(pulse)
    assert [p.mean for p in points] == [5.0, None, 6.0]
    assert [p.organisation for p in points] == [6.0, 6.0, 6.0]
    assert runs([p.mean for p in points]) == [[(0, 5.0)], [(2, 6.0)]]


def test_week_labels_and_change_texts():
    assert week_number("2026-W07") == "7"
    assert change_text(0.4, "da") == "+0,4"
    assert change_text(-0.3, "en") == "−0.3"
    assert change_text(None, "da") == "–"


def test_links_carry_token_and_workplace():
    link = viewer_link("http://kommune.dk", "abc-_1", "wp1")
    assert link == "http://kommune.dk/pulse?token=abc-_1&workplace=wp1"
    assert parse_link(link).token == "abc-_1"
    assert parse_link("/pulse?token=t1").workplace_id is None
    assert parse_link("abc-_1").token == "abc-_1"
    assert parse_link("/pulse").token is None
