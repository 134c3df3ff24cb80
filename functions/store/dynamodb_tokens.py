"""Tokens on DynamoDB: viewer links, admin tokens and sessions, sign-in links, the admin epoch."""

from __future__ import annotations

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import TokenKind, TokenRecord
from functions.store import keys
from functions.store.dynamodb_items import flag, key, n, s, token_from, token_item
from functions.store.dynamodb_table import Table, TransactionCancelled, raising_on_failed_condition

_NEW = "attribute_not_exists(pk)"


class DynamoTokens:
    """Tokens by hash and by workplace, and the admin epoch (the TokenStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def put_token(self, token: TokenRecord) -> None:
        """The token and its id lookup (so revoking by id needs no scan), in one transaction."""
        lookup = key(keys.token_id(token.token_id)) | {"token_hash": s(token.token_hash)}
        try:
            self._table.transact(
                [
                    self._table.put_action(token_item(token), _NEW),
                    self._table.put_action(lookup, _NEW),
                ]
            )
        except TransactionCancelled as cancelled:
            if cancelled.failed(0) or cancelled.failed(1):
                raise Conflict("A token with this hash or id exists.") from cancelled
            raise

    def find_token(self, token_hash: str) -> TokenRecord | None:
        """One consistent GetItem: a revocation counts from the next request on."""
        item = self._table.get(keys.token(token_hash))
        return token_from(item) if item else None

    def list_viewer_tokens(self, workplace_id: str) -> list[TokenRecord]:
        """One gsi1 Query of the workplace's viewer tokens, oldest first."""
        items = self._table.query(keys.viewer_tokens_of(workplace_id), on_index=True)
        return [token_from(item) for item in items]

    def revoke_viewer_token(self, token_id: str) -> TokenRecord:
        """GetItem the id lookup, then a conditional UpdateItem of the token."""
        missing = NotFound(f"No viewer token with id {token_id!r}.")
        lookup = self._table.get(keys.token_id(token_id))
        if lookup is None:
            raise missing
        with raising_on_failed_condition(missing):
            attributes = self._table.update(
                keys.token(lookup["token_hash"]["S"]),
                "SET revoked = :true",
                {":true": flag(True), ":viewer": s(TokenKind.VIEWER.value)},
                names={"#kind": "kind"},
                condition="attribute_exists(pk) AND #kind = :viewer",
                returns="ALL_NEW",
            )
        return token_from(attributes)

    def admin_epoch(self) -> int:
        """One GetItem of the epoch item (absent: 0)."""
        item = self._table.get(keys.ADMIN_EPOCH)
        return int(item["epoch"]["N"]) if item else 0

    def rotate_admin_tokens(self, token: TokenRecord) -> None:
        """One transaction: raise the epoch on condition that it is the one before, add the
        token and its id lookup."""
        lookup = key(keys.token_id(token.token_id)) | {"token_hash": s(token.token_hash)}
        before = "attribute_not_exists(pk)" if token.epoch == 1 else "epoch = :before"
        values = {":epoch": n(token.epoch)} | (
            {":before": n(token.epoch - 1)} if token.epoch > 1 else {}
        )
        raise_epoch = self._table.update_action(
            keys.ADMIN_EPOCH, "SET epoch = :epoch", values, condition=before
        )
        try:
            self._table.transact(
                [
                    raise_epoch,
                    self._table.put_action(token_item(token), _NEW),
                    self._table.put_action(lookup, _NEW),
                ]
            )
        except TransactionCancelled as cancelled:
            raise Conflict("The admin token was rotated meanwhile; try again.") from cancelled

    def use_sign_in(self, token_hash: str, now: int) -> TokenRecord | None:
        """One conditional UpdateItem revoking the live sign-in token."""
        try:
            with raising_on_failed_condition(NotFound("no live sign-in")):
                attributes = self._table.update(
                    keys.token(token_hash),
                    "SET revoked = :true",
                    {
                        ":true": flag(True),
                        ":false": flag(False),
                        ":kind": s(TokenKind.SIGN_IN.value),
                        ":now": n(now),
                    },
                    names={"#kind": "kind"},
                    condition=(
                        "attribute_exists(pk) AND #kind = :kind AND revoked = :false "
                        "AND expires_at > :now"
                    ),
                    returns="ALL_NEW",
                )
        except NotFound:
            return None
        return token_from(attributes)
