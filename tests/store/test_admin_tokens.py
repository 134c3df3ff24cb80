"""Admin tokens can be rotated at once, and sign-in links work once: on SQLite and DynamoDB."""

from __future__ import annotations

import pytest

from functions.domain.errors import Conflict
from functions.domain.models import TokenKind, TokenRecord
from tests.store.examples import LATER, NOW


def admin(name: str, epoch: int = 0, expires_at: int | None = None) -> TokenRecord:
    """An admin token record of an epoch."""
    return TokenRecord(
        token_hash=f"hash-{name}",
        token_id=f"id-{name}",
        kind=TokenKind.ADMIN,
        created_on="2026-11-25",
        epoch=epoch,
        expires_at=expires_at,
    )


def sign_in(name: str, expires_at: int = LATER) -> TokenRecord:
    """A sign-in link's token record."""
    return TokenRecord(
        token_hash=f"hash-{name}",
        token_id=f"id-{name}",
        kind=TokenKind.SIGN_IN,
        created_on="2026-11-25",
        expires_at=expires_at,
    )


def test_expiry_and_epoch_are_kept_with_a_token(store):
    token = admin("session", epoch=0, expires_at=LATER)
    store.put_token(token)
    assert store.find_token(token.token_hash) == token


def test_rotation_raises_the_epoch_and_stores_the_new_token_at_once(store):
    # Given an admin token of the first epoch
    store.put_token(admin("first"))
    assert store.admin_epoch() == 0
    # When the admin token is rotated twice
    store.rotate_admin_tokens(admin("second", epoch=1))
    store.rotate_admin_tokens(admin("third", epoch=2))
    # Then the epoch is 2 and the newest token is stored with it
    assert store.admin_epoch() == 2
    assert store.find_token("hash-third").epoch == 2


def test_a_rotation_from_a_stale_epoch_conflicts_and_changes_nothing(store):
    store.rotate_admin_tokens(admin("second", epoch=1))
    with pytest.raises(Conflict):
        store.rotate_admin_tokens(admin("late", epoch=1))
    assert store.admin_epoch() == 1 and store.find_token("hash-late") is None


def test_a_sign_in_link_is_used_once_and_not_after_it_expires(store):
    # Given two sign-in links, one expiring at NOW
    store.put_token(sign_in("link"))
    store.put_token(sign_in("old", expires_at=NOW))
    # When the live one is used twice, and the expired one once
    first = store.use_sign_in("hash-link", NOW)
    second = store.use_sign_in("hash-link", NOW)
    # Then only the first use gets it, revoked from then on
    assert first is not None and first.kind is TokenKind.SIGN_IN and first.revoked
    assert second is None
    assert store.use_sign_in("hash-old", NOW) is None
    assert store.use_sign_in("hash-unknown", NOW) is None


def test_only_sign_in_tokens_can_be_used_as_a_link(store):
    store.put_token(admin("session", expires_at=LATER))
    assert store.use_sign_in("hash-session", NOW) is None
    assert not store.find_token("hash-session").revoked
