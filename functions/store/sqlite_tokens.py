"""Tokens on SQLite: viewer links, admin tokens and sessions, sign-in links, the admin epoch."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import TokenKind, TokenRecord
from functions.store.sqlite_database import Database, raising_on_duplicate

SELECT_TOKENS = (
    "SELECT token_hash, token_id, kind, workplace_id, device_id, created_on, revoked, "
    "expires_at, epoch FROM tokens"
)
INSERT_TOKENS = (
    "INSERT INTO tokens (token_hash, token_id, kind, workplace_id, device_id, created_on, revoked, "
    "expires_at, epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _token(row: sqlite3.Row) -> TokenRecord:
    return TokenRecord(
        token_hash=row["token_hash"],
        token_id=row["token_id"],
        kind=TokenKind(row["kind"]),
        workplace_id=row["workplace_id"],
        device_id=row["device_id"],
        created_on=row["created_on"],
        revoked=bool(row["revoked"]),
        expires_at=row["expires_at"],
        epoch=row["epoch"],
    )


def token_row(token: TokenRecord) -> tuple:
    """The tokens row of a token, in INSERT_TOKENS' column order (pairing writes one too)."""
    return (
        token.token_hash,
        token.token_id,
        token.kind.value,
        token.workplace_id,
        token.device_id,
        token.created_on,
        int(token.revoked),
        token.expires_at,
        token.epoch,
    )


class SqliteTokens:
    """Tokens by hash and by workplace, and the admin epoch (the TokenStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put_token(self, token: TokenRecord) -> None:
        """Store a new token record; Conflict if its hash or id exists."""
        with self._db.transaction() as db, raising_on_duplicate(Conflict("The token exists.")):
            db.execute(INSERT_TOKENS, token_row(token))

    def find_token(self, token_hash: str) -> TokenRecord | None:
        """The token with this hash, or None."""
        rows = self._db.read(f"{SELECT_TOKENS} WHERE token_hash = ?", (token_hash,))
        return _token(rows[0]) if rows else None

    def list_viewer_tokens(self, workplace_id: str) -> list[TokenRecord]:
        """A workplace's viewer tokens, oldest first."""
        rows = self._db.read(
            f"{SELECT_TOKENS} WHERE workplace_id = ? AND kind = ? ORDER BY created_on, token_id",
            (workplace_id, TokenKind.VIEWER.value),
        )
        return [_token(row) for row in rows]

    def revoke_viewer_token(self, token_id: str) -> TokenRecord:
        """Revoke a viewer token by id; NotFound if there is none."""
        with self._db.transaction() as db:
            rows = db.execute(
                f"{SELECT_TOKENS} WHERE token_id = ? AND kind = ?",
                (token_id, TokenKind.VIEWER.value),
            ).fetchall()
            if not rows:
                raise NotFound(f"No viewer token with id {token_id!r}.")
            db.execute("UPDATE tokens SET revoked = 1 WHERE token_id = ?", (token_id,))
        return replace(_token(rows[0]), revoked=True)

    def admin_epoch(self) -> int:
        """The stored epoch, or 0."""
        rows = self._db.read("SELECT epoch FROM admin_epoch WHERE id = 1")
        return rows[0]["epoch"] if rows else 0

    def rotate_admin_tokens(self, token: TokenRecord) -> None:
        """One transaction: check and raise the epoch, add the token."""
        with self._db.transaction() as db:
            rows = db.execute("SELECT epoch FROM admin_epoch WHERE id = 1").fetchall()
            if (rows[0]["epoch"] if rows else 0) != token.epoch - 1:
                raise Conflict("The admin token was rotated meanwhile; try again.")
            db.execute(
                "INSERT INTO admin_epoch (id, epoch) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET epoch = excluded.epoch",
                (token.epoch,),
            )
            with raising_on_duplicate(Conflict("The token exists.")):
                db.execute(INSERT_TOKENS, token_row(token))

    def use_sign_in(self, token_hash: str, now: int) -> TokenRecord | None:
        """One transaction: revoke the live sign-in token, return it."""
        with self._db.transaction() as db:
            used = db.execute(
                "UPDATE tokens SET revoked = 1 WHERE token_hash = ? AND kind = ? AND revoked = 0 "
                "AND expires_at > ?",
                (token_hash, TokenKind.SIGN_IN.value, now),
            )
            if used.rowcount != 1:
                return None
            rows = db.execute(f"{SELECT_TOKENS} WHERE token_hash = ?", (token_hash,)).fetchall()
        return _token(rows[0])
