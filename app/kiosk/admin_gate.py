"""The administrator's hidden way to unpair a tablet: long press, admin key, confirm.

The key is checked against an admin-only endpoint (GET /v1/settings) and never stored. With
answers still waiting, the confirmation says how many would be lost and asks again.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from app.client.errors import Offline
from app.kiosk.state import GATE_ASK, GATE_CHECKING, GATE_CLOSED, GATE_CONFIRM, Notice

if TYPE_CHECKING:
    from app.kiosk.runtime import KioskRuntime

LAST_TRY_SECONDS = 5


class AdminGate:
    """Drives the gate part of KioskState for one kiosk."""

    def __init__(self, runtime: KioskRuntime) -> None:
        self.runtime = runtime
        self.state = runtime.state

    def open(self) -> None:
        """The corner was long-pressed: ask for the administrator's key."""
        self.state.gate_notice = None
        self.state.gate = GATE_ASK

    def close(self) -> None:
        """Cancel: back to the check-in."""
        self.state.gate, self.state.gate_notice = GATE_CLOSED, None

    async def verify(self, admin_token: str) -> None:
        """Check the key; on success say what unpairing would do."""
        runtime = self.runtime
        pairing = runtime.pairing
        base_url = pairing.api_url if pairing else runtime.session.api_url
        self.state.gate = GATE_CHECKING
        try:
            await runtime.session.api(admin_token.strip(), base_url=base_url).settings()
        except Offline:
            self.state.gate, self.state.gate_notice = GATE_ASK, Notice("gate.offline")
            return
        except Exception:  # ApiError (401/403) or anything unexpected: not verified
            self.state.gate, self.state.gate_notice = GATE_ASK, Notice("gate.wrong")
            return
        if runtime.outbox.depth() and runtime.syncer:  # one last try to deliver what waits
            with contextlib.suppress(Exception):
                await asyncio.wait_for(runtime.syncer.flush(), LAST_TRY_SECONDS)
        waiting = runtime.outbox.depth()
        self.state.queue_depth = waiting
        self.state.gate_notice = (
            Notice("gate.pending", {"count": waiting})
            if waiting
            else Notice("gate.paired_to", {"workplace": pairing.workplace_name if pairing else ""})
        )
        self.state.gate = GATE_CONFIRM

    async def unpair(self) -> None:
        """Forget the pairing (and, as confirmed, anything still waiting)."""
        if self.state.gate == GATE_CONFIRM:
            await self.runtime.forget_pairing()
