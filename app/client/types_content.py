"""GET /v1/content, the agreed texts in Danish and English, as TypedDicts (checked against the
OpenAPI document like those in types.py)."""

from __future__ import annotations

from typing import TypedDict

from app.client.types import Prompt, Text


class OlfaQuestion(TypedDict):
    """One of OLFA's conversation questions."""

    id: str
    heading: Text
    question: Text


class Olfa(TypedDict):
    """OLFA's introduction and questions."""

    intro: Text
    questions: list[OlfaQuestion]


class Content(TypedDict):
    """GET /v1/content."""

    title: Text
    definition: list[Text]
    behaviours_intro: Text
    behaviours: list[Text]
    question: Text
    follow_ups: list[Text]
    shared_intro: Text
    prompts: list[Prompt]
    next_step: Text
    olfa: Olfa
