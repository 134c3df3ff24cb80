"""The shapes of the API's answers, as TypedDicts: plain dicts at runtime.

They type the answers of the OpenAPI document (functions/api/answers_*.py); the app cannot import
those models (it runs under Pyodide), so tests/app/test_client_types.py checks each TypedDict
against its answer's schema: fields, required-ness, types and nulls."""

from __future__ import annotations

from typing import Literal, TypedDict


class Text(TypedDict):
    """A content text in both languages."""

    da: str
    en: str


class WorkplaceRef(TypedDict):
    """A workplace as a kiosk knows it."""

    id: str
    name: str


class WorkplaceBrief(TypedDict):
    """A workplace with its area."""

    id: str
    name: str
    area: str | None


class Workplace(TypedDict):
    """A workplace as an admin manages it."""

    id: str
    name: str
    area: str | None
    kiosk_shows_last_week: bool
    leaders: list[str]


class Prompt(TypedDict):
    """A sentence prompt in both languages."""

    id: str
    da: str
    en: str


class AdminPrompt(Prompt):
    """A prompt with its rotation flag."""

    active: bool


class PairResult(TypedDict):
    """POST /v1/pair."""

    device_id: str
    device_token: str
    workplace: WorkplaceRef


class KioskSettings(TypedDict):
    """The timing a kiosk follows."""

    cooldown_seconds: int
    idle_reset_seconds: int


class LastWeek(TypedDict):
    """Last week's result, only when shown and above the threshold."""

    week: str
    responses: int
    mean: float


class KioskConfig(TypedDict):
    """GET /v1/kiosk."""

    workplace: WorkplaceRef
    week: str
    prompt: Prompt | None
    question: Text
    behaviours_intro: Text
    behaviours: list[Text]
    settings: KioskSettings
    last_week: LastWeek | None
    server_time: str


class Rejection(TypedDict):
    """One item the server refused, and why."""

    id: str
    reason: str


class BatchResult(TypedDict):
    """POST /v1/checkins and /v1/completions."""

    accepted: list[str]
    duplicates: list[str]
    rejected: list[Rejection]
    server_time: str  # the server's clock, RFC 3339 UTC: the kiosk learns its own clock's error


class PulseWeek(TypedDict):
    """One week of a workplace's pulse."""

    week: str
    responses: int | None
    mean: float | None
    distribution: list[int] | None
    suppressed: bool


class OrganisationWeek(TypedDict):
    """The organisation's mean in one week."""

    week: str
    mean: float | None


class PulseCompletion(TypedDict):
    """A visible sentence completion."""

    id: str
    text: str


class Pulse(TypedDict):
    """GET /v1/workplaces/{id}/pulse."""

    workplace: WorkplaceBrief
    threshold: int
    week: str
    weeks: list[PulseWeek]
    organisation: list[OrganisationWeek]
    prompt: Prompt | None
    completions: list[PulseCompletion]


class PairingCode(TypedDict):
    """POST /v1/workplaces/{id}/pairing-codes."""

    code: str
    expires_at: str


class DeviceInfo(TypedDict):
    """A paired tablet as an admin sees it."""

    device_id: str
    name: str
    paired_on: str
    last_seen: str | None  # RFC 3339, UTC
    app_version: str | None
    queue_depth: int | None
    dropped: int | None  # items the server refused since pairing (last heartbeat)
    clock_offset_seconds: int | None  # tablet clock minus server clock (last heartbeat)
    silent: bool
    revoked: bool


class NewViewerToken(TypedDict):
    """A viewer token, shown once."""

    token_id: str
    token: str


class ViewerTokenInfo(TypedDict):
    """A viewer token without its secret."""

    token_id: str
    created_on: str
    revoked: bool


class ScheduledPrompt(TypedDict):
    """One week of the prompt rotation."""

    week: str
    prompt: AdminPrompt | None  # None when no prompt is active
    pinned: Literal["all", "workplace"] | None


class Rotation(TypedDict):
    """GET /v1/rotation."""

    order: list[str]
    schedule: list[ScheduledPrompt]


class Pin(TypedDict):
    """PUT /v1/rotation/pins."""

    week: str
    prompt_id: str
    workplace_id: str | None


class ReviewCompletion(TypedDict):
    """A completion held for review."""

    id: str
    workplace_id: str
    week: str
    prompt_id: str
    text: str


class WorkplaceCompletion(TypedDict):
    """A completion of one workplace, with its status."""

    id: str
    prompt_id: str
    text: str
    status: Literal["visible", "held", "hidden"]


class Aggregate(TypedDict):
    """Responses and mean, or suppressed."""

    responses: int | None
    mean: float | None
    suppressed: bool


class WorkplaceAggregate(Aggregate):
    """One workplace inside an area."""

    id: str
    name: str


class AreaAggregate(Aggregate):
    """One area of the organisation."""

    area: str | None
    workplaces: list[WorkplaceAggregate]


class OrganisationPulse(TypedDict):
    """GET /v1/organisation/pulse."""

    week: str
    threshold: int
    organisation: Aggregate
    areas: list[AreaAggregate]


class Settings(TypedDict):
    """GET/PUT /v1/settings."""

    anonymity_threshold: int
    cooldown_seconds: int
    idle_reset_seconds: int


class AdminSession(TypedDict):
    """POST /v1/admin/sessions."""

    token: str
    expires_at: str


class AuditEntry(TypedDict):
    """One admin change."""

    at: str
    admin: str
    action: str
    detail: str


class ConfigCheck(TypedDict):
    """POST /v1/heartbeat with config_version: the kiosk's new configuration, or None."""

    config_version: str
    kiosk: KioskConfig | None


class ReviewedCompletion(TypedDict):
    """PATCH /v1/completions/{id}."""

    id: str
    status: Literal["visible", "held", "hidden"]
