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
    # (dropped, clock_offset_seconds) of each heartbeat, and each batch's sent_at
    reports: list[tuple[int | None, int | None]] = field(default_factory=list)
    sent_ats: list[str | None] = field(default_factory=list)
    server_time: str = "2026-11-25T10:00:00Z"  # what answers say the server's clock shows
    on_call: Callable[[], None] = lambda: None

    def _next(self) -> str:
        self.on_call()
        return self.script.pop(0) if self.script else "ok"

    def _record(self, items: list[dict], into: dict[str, dict], sent_at: str | None) -> dict:
        self.sent_ats.append(sent_at)
        outcome = self._next()
        if outcome == "offline":
            raise Offline("connection refused")
        if outcome == "500":
            raise ApiError(500, "http_error", "boom")
        if outcome == "400" or any(item["id"] in self.bad for item in items):
            raise ApiError(400, "invalid_request", "batch refused")
        self.batch_sizes.append(len(items))
        result: dict = {
            "accepted": [],
            "duplicates": [],
            "rejected": [],
            "server_time": self.server_time,
        }
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

    async def send_checkins(self, checkins: list[dict], sent_at: str | None = None) -> dict:
        """POST /v1/checkins."""
        return self._record(checkins, self.checkins, sent_at)

    async def send_completions(self, completions: list[dict], sent_at: str | None = None) -> dict:
        """POST /v1/completions."""
        return self._record(completions, self.completions, sent_at)

    async def heartbeat(
        self,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None:
        """POST /v1/heartbeat."""
        if self._next() == "offline":
            raise Offline("connection refused")
        self.heartbeats.append((app_version, queue_depth))
        self.reports.append((dropped, clock_offset_seconds))


class NoSleep:
    """An injected sleep that records the waits and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
