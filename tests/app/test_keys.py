"""The page's keys go to the screen on top, from the moment it shows."""

from __future__ import annotations

from flet.components.hooks.use_ref import MutableRef

from app.components.keys import KeyRouter


def heard(log: list[str], name: str) -> MutableRef:
    return MutableRef(lambda e: log.append(f"{name}:{e}"))


def test_the_newest_screen_hears_the_key_and_the_one_below_hears_it_once_that_closes():
    log: list[str] = []
    keys = KeyRouter()
    kiosk, meeting = heard(log, "kiosk"), heard(log, "meeting")
    keys("Escape")  # nobody listens yet: the key is simply dropped
    keys.listen(kiosk)
    keys.listen(meeting)
    keys("Arrow Right")
    keys.forget(meeting)
    keys("Escape")
    keys.forget(meeting)  # forgetting twice (a double unmount) is harmless
    assert log == ["meeting:Arrow Right", "kiosk:Escape"]


def test_a_screen_that_rendered_again_is_heard_with_its_newest_handler():
    log: list[str] = []
    keys = KeyRouter()
    screen = heard(log, "step 1")
    keys.listen(screen)
    screen.current = lambda e: log.append(f"step 2:{e}")  # what use_keys does on every render
    keys("Arrow Right")
    assert log == ["step 2:Arrow Right"]
