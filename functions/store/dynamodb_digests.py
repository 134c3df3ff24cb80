"""The Monday digests' sent-once records on DynamoDB (keys.digest; one partition per week)."""

from __future__ import annotations

from botocore.exceptions import ClientError

from functions.domain.models import DigestRecord
from functions.store import keys
from functions.store.dynamodb_items import Item, key, n, s
from functions.store.dynamodb_table import Table, error_code

KEEP_SECONDS = 400 * 24 * 3600  # a year and a bit: no week's digest is due again after that

# Every attribute through a placeholder: several (status, at, week) are DynamoDB reserved words.
_NAMES = {
    f"#{alias}": name
    for alias, name in {
        "status": "status",
        "at": "at",
        "week": "week",
        "scope": "scope",
        "hash": "recipient_hash",
        "retry": "retry_at",
        "error": "error",
        "expires": "expires_at",
        "attempts": "attempts",
    }.items()
}


def _item(record: DigestRecord) -> Item:
    return {
        **key(keys.digest(record.week, record.scope, record.recipient_hash)),
        "week": s(record.week),
        "scope": s(record.scope),
        "recipient_hash": s(record.recipient_hash),
        "status": s(record.status),
        "attempts": n(record.attempts),
        "at": n(record.at),
        "retry_at": n(record.retry_at),
        "error": s(record.error),
        "expires_at": n(record.at + KEEP_SECONDS),
    }


def _record(item: Item) -> DigestRecord:
    return DigestRecord(
        week=item["week"]["S"],
        scope=item["scope"]["S"],
        recipient_hash=item["recipient_hash"]["S"],
        status=item["status"]["S"],
        attempts=int(item["attempts"]["N"]),
        at=int(item["at"]["N"]),
        retry_at=int(item["retry_at"]["N"]),
        error=item["error"]["S"],
    )


class DynamoDigests:
    """Claim, finish and list digest records (the DigestLog part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def claim_digest(self, week: str, scope: str, recipient_hash: str, now: int) -> bool:
        """One conditional UpdateItem: creates the claim, or takes over a failed one that is due."""
        try:
            self._table.update(
                keys.digest(week, scope, recipient_hash),
                "SET #status = :claimed, #at = :now, #week = :week, #scope = :scope, "
                "#hash = :hash, #retry = if_not_exists(#retry, :zero), "
                "#error = if_not_exists(#error, :empty), #expires = :expires ADD #attempts :one",
                {
                    ":claimed": s("claimed"),
                    ":failed": s("failed"),
                    ":now": n(now),
                    ":week": s(week),
                    ":scope": s(scope),
                    ":hash": s(recipient_hash),
                    ":zero": n(0),
                    ":empty": s(""),
                    ":one": n(1),
                    ":expires": n(now + KEEP_SECONDS),
                },
                names=_NAMES,
                condition="attribute_not_exists(pk) OR (#status = :failed AND #retry <= :now)",
            )
        except ClientError as error:
            if error_code(error) == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def finish_digest(self, record: DigestRecord) -> None:
        """One PutItem with the outcome."""
        self._table.put(_item(record))

    def list_digests(self, week: str) -> list[DigestRecord]:
        """One Query of the week's partition."""
        return [_record(item) for item in self._table.query(keys.digests_of_week(week))]
