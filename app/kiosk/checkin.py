"""One person's check-in at the kiosk: the score, the sentence, the language, the definition.

A tap changes the state first (the thank-you shows at once), then stores the check-in in the
outbox, and only then wakes the sync loop: no network call ever comes before the durable write,
and the thank-you never waits for the network.
"""

from __future__ import annotations

from collections.abc import Callable

from app.client.outbox import Outbox
from app.kiosk.state import DONE, THANKS, KioskState

MAX_TEXT = 280


class Checkin:
    """What the check-in screens' buttons do; `queued` wakes the sync loop after a write."""

    def __init__(
        self,
        state: KioskState,
        outbox: Outbox,
        clock: Callable[[], float],
        queued: Callable[[], None],
    ) -> None:
        self.state = state
        self.outbox = outbox
        self.clock = clock
        self.queued = queued

    async def tap(self, score: int) -> None:
        """A score button was pressed."""
        if not self.state.tap(self.clock()):
            return
        await self.outbox.add_checkin(score)
        self.queued()

    async def submit(self, text: str) -> None:
        """The person sent their sentence (an empty one counts as a skip)."""
        if self.state.phase != THANKS:
            return
        prompt = self.state.prompt
        self.state.finish(self.clock())
        text = " ".join(text.split())[:MAX_TEXT]
        if text and prompt:
            await self.outbox.add_completion(prompt["id"], text)
            self.queued()

    def skip(self) -> None:
        """The person skipped the sentence."""
        self.state.finish(self.clock())

    def done(self) -> None:
        """The goodbye was touched: back to idle now."""
        if self.state.phase == DONE:
            self.state.to_idle()

    def typing(self) -> None:
        """Someone is typing: the screen stays."""
        self.state.keep_alive(self.clock())

    def toggle_language(self) -> None:
        """Switch between Danish and English for this check-in."""
        self.state.toggle_language(self.clock())

    def open_about(self) -> None:
        """Show what psychological safety means here, until a touch or the idle reset."""
        self.state.open_about(self.clock())

    def close_about(self) -> None:
        """Close the definition."""
        self.state.close_about()
