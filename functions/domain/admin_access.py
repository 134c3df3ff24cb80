"""The admin token's life: rotation that revokes every earlier one at once, one-time sign-in links
and 12-hour browser sessions.

A browser never keeps the long-lived admin token: the console trades it (or a sign-in link) for a
session token that ends after SESSION_LIFETIME. Rotation raises the store's admin epoch; admin
and sign-in tokens of an older epoch (sessions included) are refused from the next request on, on
SQLite and DynamoDB alike, with nothing to list.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from functions.domain.credentials import hash_token, new_token, new_token_id
from functions.domain.errors import Unauthorized
from functions.domain.models import TokenKind, TokenRecord
from functions.domain.ports import TokenStore

SESSION_LIFETIME = timedelta(hours=12)
SIGN_IN_LIFETIME = timedelta(minutes=15)


def _record(token: str, kind: TokenKind, now: datetime, epoch: int, lifetime=None) -> TokenRecord:
    return TokenRecord(
        token_hash=hash_token(token),
        token_id=new_token_id(),
        kind=kind,
        created_on=now.date().isoformat(),
        # To the minute, like the audit log: no finer trace of when an admin signed in.
        expires_at=int((now + lifetime).timestamp()) // 60 * 60 if lifetime else None,
        epoch=epoch,
    )


def rotate_admin_token(store: TokenStore, now: datetime) -> tuple[TokenRecord, str]:
    """A new admin token; every earlier admin token, session and sign-in link stops working."""
    token = new_token()
    record = _record(token, TokenKind.ADMIN, now, store.admin_epoch() + 1)
    store.rotate_admin_tokens(record)
    return record, token


def make_sign_in_link(store: TokenStore, now: datetime) -> str:
    """A token for a one-time sign-in link: it opens one session, within SIGN_IN_LIFETIME."""
    token = new_token()
    store.put_token(_record(token, TokenKind.SIGN_IN, now, store.admin_epoch(), SIGN_IN_LIFETIME))
    return token


def use_sign_in_link(store: TokenStore, token: str, now: datetime) -> TokenRecord:
    """The sign-in link's record, used up now; Unauthorized if unknown, used, expired or from
    before a rotation."""
    record = store.use_sign_in(hash_token(token), int(now.timestamp()))
    if record is None or record.epoch != store.admin_epoch():
        raise Unauthorized("This sign-in link was used, has expired or is unknown.")
    return record


def start_session(store: TokenStore, now: datetime) -> tuple[TokenRecord, str]:
    """A browser's admin session token, valid for SESSION_LIFETIME."""
    token = new_token()
    record = _record(token, TokenKind.ADMIN, now, store.admin_epoch(), SESSION_LIFETIME)
    store.put_token(record)
    return record, token


def still_valid(store: TokenStore, record: TokenRecord, now: datetime) -> bool:
    """False for an expired token, or an admin or sign-in token from before a rotation."""
    if record.expires_at is not None and record.expires_at <= now.timestamp():
        return False
    kinds = (TokenKind.ADMIN, TokenKind.SIGN_IN)
    return record.kind not in kinds or record.epoch == store.admin_epoch()
