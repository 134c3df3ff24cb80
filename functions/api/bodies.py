"""Request bodies, validated at the edge. Strict: no silent coercion of "5" into 5.

Batch items stay loose dicts on purpose: each check-in is judged on its own in the domain, so one
bad item is rejected with a reason while the rest of a kiosk's queue goes through.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from functions.domain.leaders import MAX_ADDRESS_LENGTH, MAX_LEADERS

# The address's form is judged in the domain (domain/leaders.py); the edge only bounds its size.
LeaderAddress = Annotated[str, Field(min_length=1, max_length=MAX_ADDRESS_LENGTH)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SessionBody(_Body):
    """POST /v1/admin/sessions: a sign-in link's token, or {} with the admin token."""

    sign_in: str | None = Field(default=None, min_length=1, max_length=256)


class PairBody(_Body):
    """POST /v1/pair."""

    code: str = Field(min_length=1, max_length=32)
    device_name: str = Field(min_length=1, max_length=60)


class CheckinsBody(_Body):
    """POST /v1/checkins: 1-100 items of {id, score, at}, and the tablet's clock when it sent."""

    checkins: list[dict[str, Any]] = Field(min_length=1, max_length=100)
    sent_at: str | None = Field(default=None, max_length=64)


class CompletionsBody(_Body):
    """POST /v1/completions: 1-100 items of {id, prompt_id, text, at}, and `sent_at`."""

    completions: list[dict[str, Any]] = Field(min_length=1, max_length=100)
    sent_at: str | None = Field(default=None, max_length=64)


# A tablet clock may be off by decades (a reset to 2000-01-01, or 1970): allow about 300 years.
MAX_CLOCK_OFFSET_SECONDS = 10**10


class HeartbeatBody(_Body):
    """POST /v1/heartbeat: `dropped` and `clock_offset_seconds` are optional (older kiosks)."""

    app_version: str = Field(min_length=1, max_length=40)
    queue_depth: int = Field(ge=0, le=10_000_000)
    dropped: int | None = Field(default=None, ge=0, le=10_000_000)
    clock_offset_seconds: int | None = Field(
        default=None, ge=-MAX_CLOCK_OFFSET_SECONDS, le=MAX_CLOCK_OFFSET_SECONDS
    )
    # The version of the week configuration the kiosk holds ("" for none): sent, the answer is
    # 200 with the current version, and the configuration itself when it changed.
    config_version: str | None = Field(default=None, max_length=64)


class NewWorkplace(_Body):
    """POST /v1/workplaces."""

    name: str = Field(min_length=1, max_length=80)
    area: str | None = Field(default=None, max_length=80)
    leaders: list[LeaderAddress] | None = Field(default=None, max_length=MAX_LEADERS)


class WorkplaceChange(_Body):
    """PATCH /v1/workplaces/{id}: only the fields sent change; area "" or null removes it."""

    name: str | None = Field(default=None, min_length=1, max_length=80)
    area: str | None = Field(default=None, max_length=80)
    kiosk_shows_last_week: bool | None = None
    leaders: list[LeaderAddress] | None = Field(default=None, max_length=MAX_LEADERS)


class NewPrompt(_Body):
    """POST /v1/prompts."""

    da: str = Field(min_length=1, max_length=200)
    en: str = Field(min_length=1, max_length=200)


class PromptChange(_Body):
    """PATCH /v1/prompts/{id}."""

    da: str | None = Field(default=None, min_length=1, max_length=200)
    en: str | None = Field(default=None, min_length=1, max_length=200)
    active: bool | None = None


class RotationOrder(_Body):
    """PUT /v1/rotation/order."""

    order: list[str] = Field(min_length=1, max_length=200)


class PinBody(_Body):
    """PUT /v1/rotation/pins."""

    week: str = Field(min_length=8, max_length=8)
    prompt_id: str = Field(min_length=1, max_length=64)
    workplace_id: str | None = Field(default=None, max_length=64)


class CompletionReview(_Body):
    """PATCH /v1/completions/{id}: approve (visible) or hide."""

    status: Literal["visible", "hidden"]


class SettingsChange(_Body):
    """PUT /v1/settings: fields not sent keep their value."""

    anonymity_threshold: int | None = Field(default=None, ge=3, le=50)
    cooldown_seconds: int | None = Field(default=None, ge=0, le=600)
    idle_reset_seconds: int | None = Field(default=None, ge=10, le=600)


class OrgImportBody(_Body):
    """POST /v1/workplaces/import: the organisation file's text; dry_run only plans."""

    csv: str = Field(min_length=1, max_length=200_000)
    dry_run: bool = False


class PairingSheetsBody(_Body):
    """POST /v1/pairing-sheets: the kiosk's address, and optionally one area."""

    base_url: str = Field(min_length=1, max_length=300)
    area: str | None = Field(default=None, max_length=80)
