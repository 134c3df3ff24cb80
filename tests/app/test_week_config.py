"""This week's configuration is parsed once: the screens read fields, never a missing key."""

from __future__ import annotations

import dataclasses

import pytest

from app.kiosk.week_config import LastWeek, WeekConfig

ANSWER = {
    "workplace": {"id": "w1", "name": "Køkkenet"},
    "week": "2026-W48",
    "prompt": {"id": "p1", "da": "Vi …", "en": "We …"},
    "question": {"da": "Hvor trygt?", "en": "How safe?"},
    "behaviours": [{"da": "lytter", "en": "listen"}],
    "settings": {"cooldown_seconds": 10, "idle_reset_seconds": 60},
    "last_week": {"week": "2026-W47", "mean": 7.25, "responses": 12},
    "server_time": "2026-11-25T10:00:00Z",
}


def test_an_answer_becomes_plain_fields():
    config = WeekConfig.from_answer(ANSWER)
    assert (config.workplace_name, config.week) == ("Køkkenet", "2026-W48")
    assert config.prompt == {"id": "p1", "da": "Vi …", "en": "We …"}
    assert config.behaviours == ({"da": "lytter", "en": "listen"},)
    assert (config.cooldown_seconds, config.idle_reset_seconds) == (10, 60)
    assert config.last_week == LastWeek(mean=7.25, responses=12)


def test_an_old_cache_without_settings_gets_the_default_timing():
    # Given a cached answer from before the settings existed, and last week hidden
    config = WeekConfig.from_answer({"week": "2026-W40", "last_week": {"mean": None}})
    # Then the kiosk rests 20 s after a tap and resets after 45 s, and shows no last week
    assert (config.cooldown_seconds, config.idle_reset_seconds) == (20, 45)
    assert config.last_week is None and config.prompt is None and config.behaviours == ()


def test_the_parsed_configuration_cannot_be_changed_in_place():
    config = WeekConfig.from_answer(ANSWER)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.cooldown_seconds = 0  # type: ignore[misc]
