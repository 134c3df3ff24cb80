"""The port for tokens: viewer links, admin tokens and sessions, sign-in links, the admin epoch.

Device tokens are stored with their device (ports/devices.py: pair_device, revoke_device) and
found here by hash like every other token.
"""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import TokenRecord


class TokenStore(Protocol):
    """Tokens by hash, viewer tokens by workplace, and the epoch that retires old admin tokens."""

    def put_token(self, token: TokenRecord) -> None:
        """Store a new token record (admin or viewer; device tokens come with pair_device)."""

    def find_token(self, token_hash: str) -> TokenRecord | None:
        """The token with this hash, revoked or not, or None."""

    def list_viewer_tokens(self, workplace_id: str) -> list[TokenRecord]:
        """The viewer tokens made for a workplace, revoked ones included."""

    def revoke_viewer_token(self, token_id: str) -> TokenRecord:
        """Revoke a viewer token by its id; NotFound if there is none. Returns the record."""

    def admin_epoch(self) -> int:
        """The current admin epoch (0 before the first rotation): admin and sign-in tokens of
        any other epoch are revoked."""

    def rotate_admin_tokens(self, token: TokenRecord) -> None:
        """At once: raise the admin epoch to token.epoch and store `token`, revoking every admin
        and sign-in token of earlier epochs. Conflict if the epoch is not token.epoch - 1 (a
        rotation happened meanwhile)."""

    def use_sign_in(self, token_hash: str, now: int) -> TokenRecord | None:
        """Atomically revoke the unrevoked, unexpired sign-in token with this hash and return it;
        None when there is no such token (unknown, used or expired)."""
