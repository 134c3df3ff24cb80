"""Fakes for the outbox and sync tests: a server that counts each event id once, and a flaky one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.client.errors import ApiError, Offline


@dataclass
class FakeDeviceServer:
    """The device endpoints as the real API behaves: each id is counted once, ever.

    `script` holds what happens to the next calls, one entry per call: "ok", "offline" (never
    reached the server), "lost" (the server stored the batch but the answer never came back),
    "500", or "400" (the whole batch refused). After the script runs out, every call is "ok".
    `reject` maps an event id to a reason the server gives for that item.
    """

    script: list[str] = field(default_factory=list)
    reject: dict[str, str] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)  # ids that make the whole batch a 400
    checkins: dict[str, dict] = field(default_factory=dict)
    completions: dict[str, dict] = field(default_factory=dict)
    batch_sizes: list[int] = field(default_factory=list)
    heartbeats: list[tuple[str, int]] = field(default_factory=list)
    on_call: Callable[[], None] = lambda: None

    def _next(self) -> str:
        self.on_call()
        return self.script.pop(0) if self.script else "ok"

    def _record(self, items: list[dict], into: dict[str, dict]) -> dict:
        outcome = self._next()
        if outcome == "offline":
            raise Offline("connection refused")
        if outcome == "500":
            raise ApiError(500, "http_error", "boom")
        if outcome == "400" or any(item["id"] in self.bad for item in items):
            raise ApiError(400, "invalid_request", "batch refused")
        self.batch_sizes.append(len(items))
        result: dict = {"accepted": [], "duplicates": [], "rejected": []}
        for item in items:
            if item["id"] in self.reject:
                result["rejected"].append({"id": item["id"], "reason": self.reject[item["id"]]})
            elif item["id"] in into:
                result["duplicates"].append(item["id"])
            else:
                into[item["id"]] = item
                result["accepted"].append(item["id"])
        if outcome == "lost":
            raise Offline("read timeout")
        return result

    async def send_checkins(self, checkins: list[dict]) -> dict:
        """POST /v1/checkins."""
        return self._record(checkins, self.checkins)

    async def send_completions(self, completions: list[dict]) -> dict:
        """POST /v1/completions."""
        return self._record(completions, self.completions)

    async def heartbeat(self, app_version: str, queue_depth: int) -> None:
        """POST /v1/heartbeat."""
        if self._next() == "offline":
            raise Offline("connection refused")
        self.heartbeats.append((app_version, queue_depth))


class NoSleep:
    """An injected sleep that records the waits and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
