"""The hidden gate on its own: a key check, the count of waiting answers, a last try, unpairing."""

from __future__ import annotations

import asyncio

from app.client.errors import ApiError, Offline
from app.kiosk.admin_gate import AdminGate
from app.kiosk.state import GATE_ASK, GATE_CONFIRM, KioskState


class Tablet:
    """What the gate may ask of a kiosk, recorded: answers waiting, a server that may be away."""

    def __init__(self, waiting: int, delivers: bool) -> None:
        self.waiting, self.delivers, self.unpaired = waiting, delivers, False

    async def check_key(self, token: str) -> None:
        if token == "offline":
            raise Offline("no network")
        if token != "admin-key":
            raise ApiError(401, "unauthorized", "wrong key")

    async def flush(self) -> None:
        if self.delivers:
            self.waiting = 0

    async def unpair(self) -> None:
        self.unpaired = True


def gate_of(tablet: Tablet) -> tuple[AdminGate, KioskState]:
    state = KioskState()
    gate = AdminGate(
        state,
        check_key=tablet.check_key,
        waiting=lambda: tablet.waiting,
        flush=tablet.flush,
        workplace_name=lambda: "Køkkenet",
        unpair=tablet.unpair,
    )
    return gate, state


def test_answers_delivered_at_the_last_try_leave_a_plain_confirmation():
    # Given a tablet with 3 answers waiting and a server that takes them now
    tablet = Tablet(waiting=3, delivers=True)
    gate, state = gate_of(tablet)
    gate.open()
    # When the administrator's key is right
    asyncio.run(gate.verify(" admin-key "))
    # Then nothing would be lost: the confirmation names the workplace
    assert (state.gate, state.gate_notice.key) == (GATE_CONFIRM, "gate.paired_to")
    assert state.gate_notice.values == {"workplace": "Køkkenet"} and state.queue_depth == 0


def test_answers_still_waiting_are_counted_in_the_warning():
    tablet = Tablet(waiting=3, delivers=False)
    gate, state = gate_of(tablet)
    asyncio.run(gate.verify("admin-key"))
    assert (state.gate_notice.key, state.gate_notice.values) == ("gate.pending", {"count": 3})


def test_a_wrong_or_unchecked_key_never_unpairs():
    tablet = Tablet(waiting=0, delivers=True)
    gate, state = gate_of(tablet)
    asyncio.run(gate.verify("guess"))
    wrong = (state.gate, state.gate_notice.key)
    asyncio.run(gate.verify("offline"))
    offline = (state.gate, state.gate_notice.key)
    asyncio.run(gate.unpair())
    assert wrong == (GATE_ASK, "gate.wrong") and offline == (GATE_ASK, "gate.offline")
    assert not tablet.unpaired
