"""Admin routes for the whole organisation: its pulse, the settings and the audit log."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.api.answers_organisation import (
    AuditEntryAnswer,
    AuditLog,
    OrganisationPulseAnswer,
    SettingsAnswer,
)
from functions.api.bodies import SettingsChange
from functions.api.callers import Admin, Svc
from functions.domain.anonymity import validate_threshold
from functions.domain.audit import audit
from functions.domain.pulse import organisation_pulse
from functions.domain.weeks import current_week, parse_week

router = Router()


@router.get("/v1/organisation/pulse", tags=["admin"])
def organisation(
    caller: Admin,
    services: Svc,
    week: Annotated[str | None, Query(max_length=8)] = None,
) -> OrganisationPulseAnswer:
    """Every area and workplace in one week, suppressed where too few answered."""
    chosen = parse_week(week) if week else current_week(services.now())
    return OrganisationPulseAnswer.model_validate(
        organisation_pulse(services.store, chosen, services.settings())
    )


@router.get("/v1/settings", tags=["admin"])
def get_settings(caller: Admin, services: Svc) -> SettingsAnswer:
    """The anonymity threshold and kiosk timings."""
    return SettingsAnswer.model_validate(services.settings())


@router.put("/v1/settings", tags=["admin"])
def put_settings(body: SettingsChange, caller: Admin, services: Svc) -> SettingsAnswer:
    """Change settings; the threshold never goes below 3."""
    sent = body.model_dump(exclude_unset=True, exclude_none=True)
    settings = replace(services.settings(), **sent)
    validate_threshold(settings.anonymity_threshold)
    services.store.put_settings(settings)
    detail = " ".join(f"{k}={v}" for k, v in sorted(sent.items()))
    audit(services.store, caller, "settings.update", detail, services.now())
    return SettingsAnswer.model_validate(settings)


@router.get("/v1/audit", tags=["admin"])
def audit_log(
    caller: Admin, services: Svc, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> AuditLog:
    """The newest admin changes first."""
    entries = services.store.list_audit(limit)
    return AuditLog(entries=[AuditEntryAnswer.model_validate(e) for e in entries])
