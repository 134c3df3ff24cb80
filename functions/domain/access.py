"""Who is calling: bearer tokens are looked up by hash and checked against what they may reach."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from functions.domain.admin_access import still_valid
from functions.domain.credentials import hash_token
from functions.domain.errors import Forbidden, Unauthorized
from functions.domain.models import TokenKind, TokenRecord
from functions.domain.ports import TokenStore


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer …` header; Unauthorized if there is none."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Send 'Authorization: Bearer <token>'.")
    # Ours are 43 characters; a provider's ID token (three parts) can carry many group ids.
    limit = 16_384 if token.count(".") == 2 else 256
    if len(token) > limit or not token.isascii():
        raise Unauthorized("The token is not one of ours.")
    return token


def authenticate(store: TokenStore, authorization: str | None, now: datetime) -> TokenRecord:
    """The live token record behind an Authorization header; Unauthorized if unknown, revoked,
    expired (an admin session) or from before the admin token was rotated."""
    record = store.find_token(hash_token(bearer_token(authorization)))
    if record is None or record.revoked or not still_valid(store, record, now):
        raise Unauthorized("The token is not valid (unknown, revoked or expired).")
    return record


def authorise(
    caller: TokenRecord, kinds: Iterable[TokenKind], workplace_id: str | None = None
) -> TokenRecord:
    """Check the caller's kind, and that a viewer or device stays within its own workplace."""
    if caller.kind not in set(kinds):
        raise Forbidden(f"A {caller.kind} token cannot do this.")
    outside = caller.kind != TokenKind.ADMIN and caller.workplace_id != workplace_id
    if workplace_id is not None and outside:
        raise Forbidden("This token belongs to another workplace.")
    return caller
