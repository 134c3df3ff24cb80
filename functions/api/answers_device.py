"""The answers of the kiosk's routes (functions/api/device_routes.py)."""

from __future__ import annotations

import hashlib
import json

from functions.api.answers_common import Answer, PromptText, Text, WorkplaceRef


class PairAnswer(Answer):
    """POST /v1/pair: the tablet's id and token (shown once) and its workplace."""

    device_id: str
    device_token: str
    workplace: WorkplaceRef


class KioskSettings(Answer):
    """The timing a kiosk follows."""

    cooldown_seconds: int
    idle_reset_seconds: int


class LastWeek(Answer):
    """Last week's result, only when shown and above the threshold."""

    week: str
    responses: int
    mean: float


class KioskAnswer(Answer):
    """GET /v1/kiosk: what a paired kiosk needs to run its week."""

    workplace: WorkplaceRef
    week: str
    prompt: PromptText | None
    question: Text
    behaviours_intro: Text
    behaviours: list[Text]
    settings: KioskSettings
    last_week: LastWeek | None
    server_time: str


class Rejection(Answer):
    """One item the server refused, and why."""

    id: str
    reason: str


class BatchAnswer(Answer):
    """POST /v1/checkins and /v1/completions: what became of each item, and our clock."""

    accepted: list[str]
    duplicates: list[str]
    rejected: list[Rejection]
    server_time: str


class HeartbeatAnswer(Answer):
    """POST /v1/heartbeat with `config_version`: the current version, and the configuration
    when the kiosk's is not it (else null)."""

    config_version: str
    kiosk: KioskAnswer | None


def config_version(kiosk: KioskAnswer) -> str:
    """A short fingerprint of a kiosk configuration as sent: equal exactly when the configuration
    is (the server's clock reading is not configuration: it differs on every call)."""
    kept = kiosk.model_dump(mode="json", exclude={"server_time"})
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
