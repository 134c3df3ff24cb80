"""Who may call a route: dependencies that authenticate the bearer token and check its reach.

Two kinds of bearer: our own tokens (admin, viewer link, tablet), looked up by hash; and, when
an OpenID provider is configured, its ID tokens (three dot-separated parts, which none of ours
has), checked by functions/api/id_tokens.py. A signed-in person's reach is worked out from the
data on every request (functions/domain/people.py).
"""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Request
from aws_lambda_powertools.event_handler.depends import Depends

from functions.api.services import Services, get_services
from functions.domain.access import authenticate, authorise, bearer_token
from functions.domain.errors import Forbidden
from functions.domain.models import SignedInPerson, TokenKind, TokenRecord
from functions.domain.people import Reach, leads


def _signed_in(request: Request, services: Services) -> SignedInPerson | None:
    """The person behind a provider's ID token, or None for one of our own tokens."""
    if services.signin is None:
        return None
    token = bearer_token(request.resolved_event.headers.get("authorization"))
    return services.signin.who(token) if token.count(".") == 2 else None


def signed_in_person(request: Request, services: Services) -> SignedInPerson | None:
    """For routes that read the header themselves: the person behind a valid ID token, or None
    for one of our tokens (Unauthorized for an ID token that is not valid)."""
    return _signed_in(request, services)


def _caller(request: Request, services: Services) -> TokenRecord | Reach:
    """Our token's record, or a signed-in person's whole reach (/v1/me, area roll-ups)."""
    person = _signed_in(request, services)
    if person is not None:
        return services.signin.reach(services.store, person)
    return _authenticated(request, services)


def _authenticated(request: Request, services: Services) -> TokenRecord:
    """One of our own tokens (admin, admin session, viewer link, tablet), live."""
    header = request.resolved_event.headers.get("authorization")
    return authenticate(services.store, header, services.now())


def _as_record(email: str, admin: bool, workplace_id: str | None = None) -> TokenRecord:
    """A signed-in person in the shape routes know; the audit log names them by address."""
    kind = TokenKind.ADMIN if admin else TokenKind.VIEWER
    return TokenRecord(token_hash="", token_id=email, kind=kind, workplace_id=workplace_id)


def device_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """A paired, unrevoked kiosk."""
    # A valid ID token is refused without looking up its reach: the tablets' function may read
    # only what tablets need (infra/template.yaml).
    if _signed_in(request, services) is not None:
        raise Forbidden("A signed-in person cannot do what a tablet does.")
    caller = _authenticated(request, services)
    return authorise(caller, [TokenKind.DEVICE])


def viewer_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """A viewer of the workplace in the path (unless links are off), its leader, or an admin."""
    workplace_id = request.path_parameters.get("workplace_id")
    person = _signed_in(request, services)
    if person is not None:
        # Two reads at most (settings, this workplace), whatever the size of the organisation.
        if services.signin.is_admin(services.store, person):
            return _as_record(person.email, True, workplace_id)
        if not workplace_id or not leads(person, services.store.get_workplace(workplace_id)):
            raise Forbidden("Your account does not lead this workplace.")
        return _as_record(person.email, False, workplace_id)
    caller = _authenticated(request, services)
    record = authorise(caller, [TokenKind.VIEWER, TokenKind.ADMIN], workplace_id)
    # "Only signed-in leaders" holds only while there is a sign-in: without a provider, turning
    # links off would leave the pulse to the admin token alone.
    links_off = services.signin is not None and record.kind == TokenKind.VIEWER
    if links_off and not services.store.get_signin_settings().viewer_links:
        raise Forbidden("Viewer links are turned off here: sign in with your work account.")
    return record


def admin_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """An administrator: the admin token, or a signed-in person who is one."""
    person = _signed_in(request, services)
    if person is not None:
        if not services.signin.is_admin(services.store, person):
            raise Forbidden("Only an administrator can do this.")
        return _as_record(person.email, True)
    caller = _authenticated(request, services)
    return authorise(caller, [TokenKind.ADMIN])


def person_caller(request: Request, services: Annotated[Services, Depends(get_services)]) -> Reach:
    """A signed-in leader or administrator, or the admin token (which reaches everything)."""
    caller = _caller(request, services)
    if isinstance(caller, Reach):
        if not caller.anything:
            raise Forbidden("Your account leads no workplace here and is no administrator.")
        return caller
    authorise(caller, [TokenKind.ADMIN])
    return Reach(email="", admin=True)


Device = Annotated[TokenRecord, Depends(device_caller)]
Viewer = Annotated[TokenRecord, Depends(viewer_caller)]
Admin = Annotated[TokenRecord, Depends(admin_caller)]
Person = Annotated[Reach, Depends(person_caller)]
Svc = Annotated[Services, Depends(get_services)]
