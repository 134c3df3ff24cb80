"""The administrator's hidden way to unpair a tablet: long press, admin key, confirm.

The key is checked against an admin-only endpoint (GET /v1/settings) and never stored. With
answers still waiting, the confirmation says how many would be lost and asks again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from app.client.errors import Offline
from app.kiosk.state import GATE_ASK, GATE_CHECKING, GATE_CLOSED, GATE_CONFIRM, KioskState, Notice

LAST_TRY_SECONDS = 5


class AdminGate:
    """Drives the gate part of KioskState for one kiosk, with the few things it needs to ask."""

    def __init__(
        self,
        state: KioskState,
        *,
        check_key: Callable[[str], Awaitable[object]],
        waiting: Callable[[], int],
        flush: Callable[[], Awaitable[None]],
        workplace_name: Callable[[], str],
        unpair: Callable[[], Awaitable[None]],
    ) -> None:
        self.state = state
        self._check_key = check_key  # raises unless the admin key is good (Offline: unreachable)
        self._waiting = waiting  # how many answers wait in the outbox
        self._flush = flush  # try to send them now
        self._workplace_name = workplace_name
        self._unpair = unpair  # forget the pairing and what waits

    def open(self) -> None:
        """The corner was long-pressed: ask for the administrator's key."""
        self.state.gate_notice = None
        self.state.gate = GATE_ASK

    def close(self) -> None:
        """Cancel: back to the check-in."""
        self.state.gate, self.state.gate_notice = GATE_CLOSED, None

    async def verify(self, admin_token: str) -> None:
        """Check the key; on success say what unpairing would do."""
        self.state.gate = GATE_CHECKING
        try:
            await self._check_key(admin_token.strip())
        except Offline:
            self.state.gate, self.state.gate_notice = GATE_ASK, Notice("gate.offline")
            return
        except Exception:  # ApiError (401/403) or anything unexpected: not verified
            self.state.gate, self.state.gate_notice = GATE_ASK, Notice("gate.wrong")
            return
        if self._waiting():  # one last try to deliver what waits
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._flush(), LAST_TRY_SECONDS)
        waiting = self._waiting()
        self.state.queue_depth = waiting
        self.state.gate_notice = (
            Notice("gate.pending", {"count": waiting})
            if waiting
            else Notice("gate.paired_to", {"workplace": self._workplace_name()})
        )
        self.state.gate = GATE_CONFIRM

    async def unpair(self) -> None:
        """Forget the pairing (and, as confirmed, anything still waiting)."""
        if self.state.gate == GATE_CONFIRM:
            await self._unpair()
