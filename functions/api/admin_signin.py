"""Admin routes for sign-in: who is an administrator, and whether viewer links still work."""

from __future__ import annotations

from dataclasses import replace

from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_organisation import SigninSettingsAnswer
from functions.api.bodies_signin import SigninSettingsChange
from functions.api.callers import Admin, Svc
from functions.domain.audit import audit
from functions.domain.leaders import normalise_address
from functions.domain.models import SigninSettings

router = Router()


def _view(settings: SigninSettings, services) -> SigninSettingsAnswer:
    configured = services.signin.configured_admins if services.signin else ()
    return SigninSettingsAnswer(
        enabled=services.signin is not None,
        admin_emails=list(settings.admin_emails),
        admin_groups=list(settings.admin_groups),
        configured_admin_emails=list(configured),
        viewer_links=settings.viewer_links,
    )


@router.get("/v1/signin-settings", tags=["admin"])
def get_signin_settings(caller: Admin, services: Svc) -> SigninSettingsAnswer:
    """Administrators by address and by group, and whether viewer links work."""
    return _view(services.store.get_signin_settings(), services)


@router.put("/v1/signin-settings", tags=["admin"])
def put_signin_settings(
    body: SigninSettingsChange, caller: Admin, services: Svc
) -> SigninSettingsAnswer:
    """Change who is an administrator, or turn viewer links off ("only signed-in leaders")."""
    sent = body.model_dump(exclude_unset=True, exclude_none=True)
    if "admin_emails" in sent:
        sent["admin_emails"] = tuple(sorted({normalise_address(a) for a in sent["admin_emails"]}))
    if "admin_groups" in sent:
        sent["admin_groups"] = tuple(sorted({g.strip() for g in sent["admin_groups"]}))
    settings = replace(services.store.get_signin_settings(), **sent)
    services.store.put_signin_settings(settings)
    # The audit says what changed, not the addresses: the log outlives the list.
    detail = " ".join(
        f"{k}={v if k == 'viewer_links' else len(v)}" for k, v in sorted(sent.items())
    )
    audit(services.store, caller, "signin_settings.update", detail, services.now())
    return _view(settings, services)
