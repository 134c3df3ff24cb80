"""The answers about sign-in and what a signed-in person reaches, as TypedDicts (checked
against the OpenAPI document like those in types.py)."""

from __future__ import annotations

from typing import Literal, TypedDict

from app.client.types import AreaAggregate, WorkplaceBrief


class SigninFacts(TypedDict):
    """GET /v1/signin: whether sign-in with a work account is on, and where."""

    enabled: bool
    issuer: str | None
    client_id: str | None


class Me(TypedDict):
    """GET /v1/me: what the caller may open (admin token: email None, everything), and the
    signed-in person's kept language (None when none is kept)."""

    email: str | None
    admin: bool
    workplaces: list[WorkplaceBrief]
    areas: list[str]
    language: Literal["da", "en"] | None


class AreaPulse(TypedDict):
    """GET /v1/area-pulse."""

    week: str
    threshold: int
    area: AreaAggregate


class SigninSettings(TypedDict):
    """GET/PUT /v1/signin-settings."""

    enabled: bool
    admin_emails: list[str]
    admin_groups: list[str]
    configured_admin_emails: list[str]
    viewer_links: bool
