"""The answers of the viewers' and the public routes (viewer_routes.py, people_routes.py)."""

from __future__ import annotations

from typing import Literal

from functions.api.answers_common import (
    Answer,
    AreaFigures,
    PromptText,
    Text,
    WorkplaceBrief,
)


class PulseWeek(Answer):
    """One week of a workplace: figures as last released, or suppressed."""

    week: str
    responses: int | None
    mean: float | None
    distribution: list[int] | None
    suppressed: bool


class TrendWeek(Answer):
    """The organisation's mean in one week, over the workplaces that are not suppressed."""

    week: str
    mean: float | None


class ShownCompletion(Answer):
    """A visible sentence completion."""

    id: str
    text: str


class PulseAnswer(Answer):
    """GET /v1/workplaces/{id}/pulse."""

    workplace: WorkplaceBrief
    threshold: int
    week: str
    weeks: list[PulseWeek]
    organisation: list[TrendWeek]
    prompt: PromptText | None
    completions: list[ShownCompletion]


class OlfaQuestion(Answer):
    """One of OLFA's conversation questions."""

    id: str
    heading: Text
    question: Text


class Olfa(Answer):
    """OLFA's introduction and questions."""

    intro: Text
    questions: list[OlfaQuestion]


class ContentAnswer(Answer):
    """GET /v1/content: the agreed texts, each in Danish and English."""

    title: Text
    definition: list[Text]
    behaviours_intro: Text
    behaviours: list[Text]
    question: Text
    follow_ups: list[Text]
    shared_intro: Text
    prompts: list[PromptText]
    next_step: Text
    olfa: Olfa


class SigninFacts(Answer):
    """GET /v1/signin: whether sign-in with a work account is on, and where (nulls when off)."""

    enabled: bool
    issuer: str | None
    client_id: str | None


class MeAnswer(Answer):
    """GET /v1/me: what the caller may open, and the signed-in person's stored language."""

    email: str | None
    admin: bool
    workplaces: list[WorkplaceBrief]
    areas: list[str]
    # None when none is stored, and for the admin token (it stands for no one)
    language: Literal["da", "en"] | None


class AreaPulseAnswer(Answer):
    """GET /v1/area-pulse: one area's week, as in the organisation pulse."""

    week: str
    threshold: int
    area: AreaFigures
