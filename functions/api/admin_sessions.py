"""POST /v1/admin/sessions: a browser's 12-hour admin session, for a one-time sign-in link or
the admin token. The console keeps only the session token, never the admin token."""

from __future__ import annotations

from datetime import UTC, datetime

from aws_lambda_powertools.event_handler import Request
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_workplaces import SessionAnswer
from functions.api.bodies import SessionBody
from functions.api.callers import Svc, signed_in_person
from functions.domain.access import authenticate, authorise
from functions.domain.admin_access import start_session, use_sign_in_link
from functions.domain.audit import audit
from functions.domain.errors import Forbidden
from functions.domain.models import TokenKind

router = Router()


@router.post("/v1/admin/sessions", status_code=201, tags=["admin"])
def open_session(body: SessionBody, request: Request, services: Svc) -> SessionAnswer:
    """Trade a sign-in link's token (body) or the admin token (Authorization) for a session."""
    now = services.now()
    if body.sign_in:
        caller = use_sign_in_link(services.store, body.sign_in, now)
    else:
        # A sign-in is not traded for a 12-hour session: it ends with its ID token (issue 15).
        if signed_in_person(request, services) is not None:
            raise Forbidden("Signed in with a work account, you need no admin session.")
        header = request.resolved_event.headers.get("authorization")
        caller = authorise(authenticate(services.store, header, now), [TokenKind.ADMIN])
    record, token = start_session(services.store, now)
    audit(services.store, caller, "admin.session", record.token_id, now)
    expires = datetime.fromtimestamp(record.expires_at, UTC).isoformat().replace("+00:00", "Z")
    return SessionAnswer(token=token, expires_at=expires)
