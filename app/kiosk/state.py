"""The kiosk's screen state and its rules, with time passed in: testable with no page and no clock.

Phases: LOADING → SETUP (unpaired) or IDLE; a tap → THANKS (thank-you and this week's prompt);
send or skip → DONE (a short goodbye) → IDLE. THANKS and DONE fall back to IDLE on their own, and
every return to IDLE forgets the previous person: their language choice and their draft.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import flet as ft

from app.i18n import DEFAULT_LANGUAGE, other_language
from app.kiosk.week_config import NO_WEEK, WeekConfig


class Phase(StrEnum):
    """Which screen the kiosk shows."""

    LOADING = "loading"
    SETUP = "setup"
    IDLE = "idle"
    THANKS = "thanks"
    DONE = "done"


class GateStep(StrEnum):
    """Where the administrator's hidden gate is: closed, asking for the key, checking, confirm."""

    CLOSED = "closed"
    ASK = "ask"
    CHECKING = "checking"
    CONFIRM = "confirm"


# Short names for the screens and tests; StrEnum members still equal their strings.
LOADING, SETUP, IDLE, THANKS, DONE = Phase
GATE_CLOSED, GATE_ASK, GATE_CHECKING, GATE_CONFIRM = GateStep
DONE_SECONDS = 3.0
RESET_WARNING_SECONDS = 20  # WCAG 2.2.1: warned, with a simple way to get more time


@dataclass(frozen=True)
class Notice:
    """A message to show, as a locale key and its values (rendered in the current language)."""

    key: str
    values: dict = field(default_factory=dict)


@ft.observable
@dataclass
class KioskState:
    """What the kiosk screen shows; changing a public field re-renders the views that use it."""

    phase: Phase = LOADING
    lang: str = DEFAULT_LANGUAGE
    config: WeekConfig = NO_WEEK  # the last /v1/kiosk answer, parsed
    behaviours_intro: dict | None = None  # {da, en} from /v1/content
    about: dict | None = None  # title, definition, behaviours_intro from /v1/content
    about_open: bool = False  # "Hvad er psykologisk tryghed?" shown over the idle screen
    behaviour_index: int = 0
    cooldown_left: int = 0
    offline: bool = False
    queue_depth: int = 0
    setup_notice: Notice | None = None
    pairing: bool = False
    link_code: str = ""  # the code of the address the tablet was opened with, for the form
    gate: GateStep = GATE_CLOSED
    gate_notice: Notice | None = None
    checkins: int = 0  # taps this session: a key that gives each check-in fresh controls
    reduce_motion: bool = False  # the system asks for less motion: no rotation, no fades
    reset_left: int = 0  # seconds until the prompt gives up, once that is near (else 0)
    _cooldown_until: float = 0.0
    _phase_until: float = 0.0

    @property
    def cooldown_seconds(self) -> int:
        """Seconds the buttons rest after a check-in."""
        return self.config.cooldown_seconds

    @property
    def idle_reset_seconds(self) -> int:
        """Seconds without a touch before the screen returns to idle."""
        return self.config.idle_reset_seconds

    @property
    def prompt(self) -> Mapping[str, str] | None:
        """This week's sentence prompt {id, da, en}, if any."""
        return self.config.prompt

    def show_setup(self, notice: Notice | None = None) -> None:
        """Ask for an API address and a pairing code (unpaired, or the server forgot us)."""
        self.phase = SETUP
        self.setup_notice = notice
        self.pairing = False
        self.gate = GATE_CLOSED

    def show_idle(self, config: WeekConfig | None = None) -> None:
        """Paired: show the check-in, with a new configuration when given one."""
        if config is not None:
            self.config = config
        self.to_idle()

    def tap(self, now: float) -> bool:
        """A score was tapped: True when it counts (idle and not cooling down)."""
        if self.phase != IDLE or now < self._cooldown_until:
            return False
        self.about_open = False
        self._cooldown_until = now + self.cooldown_seconds
        self.cooldown_left = math.ceil(self.cooldown_seconds)
        self.checkins += 1
        self._phase_until = now + (self.idle_reset_seconds if self.prompt else DONE_SECONDS)
        self.phase = THANKS
        return True

    def finish(self, now: float) -> None:
        """The person sent or skipped the sentence: say goodbye, then idle."""
        if self.phase == THANKS:
            self._phase_until = now + DONE_SECONDS
            self.reset_left = 0
            self.phase = DONE

    def keep_alive(self, now: float) -> None:
        """Someone is typing: push the idle reset back."""
        if self.phase == THANKS:
            self._phase_until = max(self._phase_until, now + self.idle_reset_seconds)

    def tick(self, now: float) -> None:
        """Let time pass: end the cooldown and fall back to idle when a phase runs out."""
        self.cooldown_left = max(0, math.ceil(self._cooldown_until - now))
        if self.phase in (THANKS, DONE) and now >= self._phase_until:
            self.to_idle()
        elif self.phase == THANKS and self.prompt:
            left = max(1, math.ceil(self._phase_until - now))
            warning = left if left <= RESET_WARNING_SECONDS else 0
            if warning != self.reset_left:
                self.reset_left = warning
        elif self.phase == IDLE and now >= self._phase_until:
            # Someone switched language or opened the definition and walked away.
            if self.lang != DEFAULT_LANGUAGE:
                self.lang = DEFAULT_LANGUAGE
            if self.about_open:
                self.about_open = False

    def to_idle(self) -> None:
        """Back to the idle screen, forgetting everything of the previous person."""
        self.lang = DEFAULT_LANGUAGE
        self.gate = GATE_CLOSED
        self.gate_notice = None
        self.about_open = False
        self.reset_left = 0
        self.phase = IDLE

    def toggle_language(self, now: float) -> None:
        """Switch the texts between Danish and English for this check-in."""
        self.lang = other_language(self.lang)
        if self.phase == IDLE:
            self._phase_until = now + self.idle_reset_seconds
        self.keep_alive(now)

    def open_about(self, now: float) -> None:
        """Show the definition over the idle screen until a touch or the idle reset."""
        if self.phase == IDLE:
            self.about_open = True
            self._phase_until = now + self.idle_reset_seconds

    def close_about(self) -> None:
        """One touch closes the definition."""
        self.about_open = False

    def next_behaviour(self) -> None:
        """Show the next of the seven behaviours."""
        count = len(self.config.behaviours) or 1
        self.behaviour_index = (self.behaviour_index + 1) % count
