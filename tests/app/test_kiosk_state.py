"""The kiosk screen's rules: instant thanks, cooldown, idle reset, one check-in in English."""

from __future__ import annotations

from app.kiosk.state import DONE, DONE_SECONDS, IDLE, THANKS, KioskState
from app.kiosk.week_config import WeekConfig

CONFIG = {
    "prompt": {"id": "p1", "da": "Vi …", "en": "We …"},
    "settings": {"cooldown_seconds": 20, "idle_reset_seconds": 45},
    "behaviours": [{"da": "a", "en": "a"}, {"da": "b", "en": "b"}],
}


def idle_kiosk(config=CONFIG) -> KioskState:
    state = KioskState()
    state.show_idle(WeekConfig.from_answer(config))
    return state


def test_a_tap_thanks_at_once_and_starts_the_cooldown():
    state = idle_kiosk()
    assert state.tap(now=100.0)
    assert state.phase == THANKS and state.cooldown_left == 20


def test_taps_during_the_cooldown_are_ignored_even_back_on_idle():
    state = idle_kiosk()
    state.tap(now=100.0)
    state.finish(now=101.0)
    state.tick(now=101.0 + DONE_SECONDS)
    assert state.phase == IDLE and state.cooldown_left > 0
    assert not state.tap(now=110.0)
    state.tick(now=120.0)
    assert state.cooldown_left == 0 and state.tap(now=120.0)


def test_sending_or_skipping_says_goodbye_then_idles():
    state = idle_kiosk()
    state.tap(now=0.0)
    state.finish(now=5.0)
    assert state.phase == DONE
    state.tick(now=5.0 + DONE_SECONDS)
    assert state.phase == IDLE


def test_nobody_answering_the_prompt_returns_to_idle_after_the_idle_reset():
    state = idle_kiosk()
    state.tap(now=0.0)
    state.tick(now=44.0)
    assert state.phase == THANKS
    state.tick(now=45.0)
    assert state.phase == IDLE


def test_typing_keeps_the_prompt_open():
    state = idle_kiosk()
    state.tap(now=0.0)
    state.keep_alive(now=40.0)
    state.tick(now=60.0)
    assert state.phase == THANKS


def test_without_a_prompt_the_thanks_is_short():
    state = idle_kiosk({**CONFIG, "prompt": None})
    state.tap(now=0.0)
    state.tick(now=DONE_SECONDS)
    assert state.phase == IDLE


def test_english_lasts_one_check_in():
    state = idle_kiosk()
    state.toggle_language(now=0.0)
    assert state.lang == "en"
    state.tap(now=1.0)
    state.finish(now=2.0)
    state.tick(now=2.0 + DONE_SECONDS)
    assert state.lang == "da"


def test_english_chosen_by_someone_who_walked_away_reverts():
    state = idle_kiosk()
    state.toggle_language(now=0.0)
    state.tick(now=44.0)
    assert state.lang == "en"
    state.tick(now=45.0)
    assert state.lang == "da"


def test_behaviours_rotate_round():
    state = idle_kiosk()
    state.next_behaviour()
    state.next_behaviour()
    assert state.behaviour_index == 0


def test_the_definition_closes_by_itself_at_the_idle_reset():
    # Given someone opened "Hvad er psykologisk tryghed?" and walked away
    state = idle_kiosk()
    state.open_about(now=100.0)
    state.tick(now=144.0)
    assert state.about_open
    # When the idle reset has passed, the overlay is gone
    state.tick(now=145.0)
    assert not state.about_open and state.phase == IDLE


def test_the_definition_never_keeps_a_score_from_counting():
    # Given the definition is open over the idle screen
    state = idle_kiosk()
    state.open_about(now=0.0)
    # When a score is pressed (a keyboard or switch reaches it through the overlay)
    counted = state.tap(now=1.0)
    # Then it counts at once, and the next idle screen starts without the overlay
    assert counted and state.phase == THANKS and not state.about_open
    state.finish(now=2.0)
    state.tick(now=2.0 + DONE_SECONDS)
    assert state.phase == IDLE and not state.about_open


def test_one_touch_closes_the_definition():
    state = idle_kiosk()
    state.open_about(now=0.0)
    state.close_about()
    assert not state.about_open


def test_the_prompt_warns_before_it_gives_up_and_one_touch_gives_more_time():
    # Given someone reading the prompt without typing
    state = idle_kiosk()
    state.tap(now=0.0)
    state.tick(now=20.0)
    assert state.reset_left == 0  # no warning while there is time
    # When the idle reset is 20 seconds away, the screen says so
    state.tick(now=25.0)
    assert state.reset_left == 20
    # And "Mere tid" (keep_alive) gives the full time again
    state.keep_alive(now=40.0)
    state.tick(now=41.0)
    assert state.reset_left == 0 and state.phase == THANKS
    state.tick(now=85.0)
    assert state.phase == IDLE and state.reset_left == 0
