"""The answers of the admin routes for the whole organisation, the settings and the audit log
(admin_organisation.py, admin_signin.py)."""

from __future__ import annotations

from functions.api.answers_common import Answer, AreaFigures, Figures


class OrganisationPulseAnswer(Answer):
    """GET /v1/organisation/pulse."""

    week: str
    threshold: int
    organisation: Figures
    areas: list[AreaFigures]


class SettingsAnswer(Answer):
    """GET and PUT /v1/settings."""

    anonymity_threshold: int
    cooldown_seconds: int
    idle_reset_seconds: int


class AuditEntryAnswer(Answer):
    """One admin change."""

    at: str
    admin: str
    action: str
    detail: str


class AuditLog(Answer):
    """GET /v1/audit: newest first."""

    entries: list[AuditEntryAnswer]


class SigninSettingsAnswer(Answer):
    """GET and PUT /v1/signin-settings."""

    enabled: bool
    admin_emails: list[str]
    admin_groups: list[str]
    configured_admin_emails: list[str]
    viewer_links: bool
