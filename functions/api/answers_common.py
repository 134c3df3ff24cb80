"""The pieces several answers share, and the base of every answer model.

Each route's return type is one of the answer models in functions/api/answers_*.py, so
Powertools validates it, serialises it and describes it in the OpenAPI document: the wire format
lives here, at the edge, and nowhere in the domain. Models read domain dataclasses by attribute
(`Model.model_validate(domain_object)`), so a route maps what the domain returns in one call.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Answer(BaseModel):
    """An answer (or a part of one): read from domain objects' attributes or from dicts."""

    model_config = ConfigDict(from_attributes=True)


class Text(Answer):
    """A content text in both languages."""

    da: str
    en: str


class PromptText(Answer):
    """A sentence prompt in both languages."""

    id: str
    da: str
    en: str


class WorkplaceRef(Answer):
    """A workplace as a kiosk knows it."""

    id: str
    name: str


class WorkplaceBrief(Answer):
    """A workplace with its area."""

    id: str
    name: str
    area: str | None


class Figures(Answer):
    """Responses and mean of a roll-up, or suppressed (responses null above zero)."""

    responses: int | None
    mean: float | None
    suppressed: bool


class WorkplaceFigures(Figures):
    """One workplace's week inside an area."""

    id: str
    name: str


class AreaFigures(Figures):
    """One area's week: rolled up only from its workplaces that reach the threshold."""

    area: str | None
    workplaces: list[WorkplaceFigures]


# For a route that answers 204 with no body: the OpenAPI document says so instead of "200".
NO_CONTENT = {204: {"description": "Done; no body"}}


def file_answer(media_type: str, what: str) -> dict:
    """The OpenAPI `responses` of a route that answers a file (CSV, PDF) rather than JSON."""
    schema = {"type": "string", "format": "binary"}
    return {200: {"description": what, "content": {media_type: {"schema": schema}}}}
