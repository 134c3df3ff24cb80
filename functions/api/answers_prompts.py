"""The answers of the admin routes for prompts, their rotation and the completions review
(admin_prompts.py)."""

from __future__ import annotations

from typing import Literal

from functions.api.answers_common import Answer


class PromptAnswer(Answer):
    """A sentence prompt with its rotation flag."""

    id: str
    da: str
    en: str
    active: bool


class PromptList(Answer):
    """GET /v1/prompts."""

    prompts: list[PromptAnswer]


class ScheduledWeek(Answer):
    """One week of the rotation: its prompt (null when none is active) and any pin on it."""

    week: str
    prompt: PromptAnswer | None
    pinned: Literal["all", "workplace"] | None


class RotationAnswer(Answer):
    """GET /v1/rotation."""

    order: list[str]
    schedule: list[ScheduledWeek]


class RotationOrderAnswer(Answer):
    """PUT /v1/rotation/order."""

    order: list[str]


class PinAnswer(Answer):
    """PUT /v1/rotation/pins."""

    week: str
    prompt_id: str
    workplace_id: str | None


class HeldCompletion(Answer):
    """A completion held for review."""

    id: str
    workplace_id: str
    week: str
    prompt_id: str
    text: str


class ReviewQueue(Answer):
    """GET /v1/completions/review."""

    completions: list[HeldCompletion]


CompletionStatusName = Literal["visible", "held", "hidden"]


class WorkplaceCompletion(Answer):
    """A completion of one workplace, with its status."""

    id: str
    prompt_id: str
    text: str
    status: CompletionStatusName


class WorkplaceCompletions(Answer):
    """GET /v1/workplaces/{id}/completions: a week's completions."""

    week: str
    completions: list[WorkplaceCompletion]


class ReviewedCompletion(Answer):
    """PATCH /v1/completions/{id}."""

    id: str
    status: CompletionStatusName
