"""One DynamoDB table through a low-level boto3 client: paging, transactions, and reading errors.

Only the calls the adapter needs, so the set of DynamoDB actions stays small and visible.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.exceptions import ClientError

from functions.domain.errors import DomainError
from functions.store.dynamodb_items import Item, key
from functions.store.keys import Key

# Cancellation reasons that say "try again", not "no": two kiosks adding to one aggregate at the
# same moment conflict, and retrying the whole item is safe: its marker makes it count once.
_RETRYABLE = {"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"}
_TRANSACTION_ATTEMPTS = 5


class TransactionCancelled(Exception):
    """A transaction was refused; `reasons` holds one code per action ("None" where it passed)."""

    def __init__(self, reasons: list[str]):
        super().__init__(", ".join(reasons))
        self.reasons = reasons

    def failed(self, position: int) -> bool:
        """True if the action at `position` failed its condition."""
        return self.reasons[position] == "ConditionalCheckFailed"


def error_code(error: ClientError) -> str:
    """The error code DynamoDB answered with."""
    return error.response.get("Error", {}).get("Code", "")


@contextmanager
def raising_on_failed_condition(domain_error: DomainError) -> Iterator[None]:
    """Turn a failed ConditionExpression into `domain_error`; other errors pass through."""
    try:
        yield
    except ClientError as error:
        if error_code(error) == "ConditionalCheckFailedException":
            raise domain_error from error
        raise


class Table:
    """The table, reached through an injected client (or one made on first use)."""

    def __init__(self, name: str, client: Any = None):
        self.name = name
        self._client = client

    @property
    def client(self) -> Any:
        """The low-level DynamoDB client; region and credentials come from the environment."""
        if self._client is None:
            self._client = boto3.client("dynamodb")
        return self._client

    def get(self, k: Key) -> Item | None:
        """One item by key, read consistently (a revoked token must fail at once), or None."""
        answer = self.client.get_item(TableName=self.name, Key=key(k), ConsistentRead=True)
        return answer.get("Item")

    def put(
        self,
        item: Item,
        condition: str | None = None,
        values: Item | None = None,
        names: dict[str, str] | None = None,
    ) -> None:
        """Write a whole item, optionally on a condition."""
        action = self.put_action(item, condition, values)["Put"]
        if names:
            action["ExpressionAttributeNames"] = names
        self.client.put_item(**action)

    def update(
        self,
        k: Key,
        expression: str,
        values: Item | None = None,
        *,
        names: dict[str, str] | None = None,
        condition: str | None = None,
        returns: str = "NONE",
    ) -> Item:
        """Update one item; answers the attributes `returns` asks for."""
        action = self.update_action(k, expression, values, names=names, condition=condition)
        answer = self.client.update_item(**action["Update"], ReturnValues=returns)
        return answer.get("Attributes", {})

    def delete(self, k: Key) -> None:
        """Remove one item (admin paths and the digest's stale languages; tablets never delete)."""
        self.client.delete_item(TableName=self.name, Key=key(k))

    def query(
        self,
        pk: str,
        *,
        between: tuple[str, str] | None = None,
        prefix: str | None = None,
        on_index: bool = False,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> Iterator[Item]:
        """Items of one partition (of the table, or of gsi1 when `on_index`), page by page."""
        pk_name, sk_name = ("gsi1pk", "gsi1sk") if on_index else ("pk", "sk")
        condition, names, values = "#pk = :pk", {"#pk": pk_name}, {":pk": {"S": pk}}
        if between:
            condition += " AND #sk BETWEEN :low AND :high"
            names["#sk"] = sk_name
            values |= {":low": {"S": between[0]}, ":high": {"S": between[1]}}
        elif prefix:
            condition += " AND begins_with(#sk, :prefix)"
            names["#sk"] = sk_name
            values[":prefix"] = {"S": prefix}
        request: dict[str, Any] = {
            "TableName": self.name,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ScanIndexForward": not newest_first,
        }
        if on_index:
            request["IndexName"] = "gsi1"
        else:  # an index cannot be read consistently; the table can, and is
            request["ConsistentRead"] = True
        remaining = limit
        while remaining is None or remaining > 0:
            if remaining is not None:
                request["Limit"] = remaining
            page = self.client.query(**request)
            yield from page.get("Items", [])
            if remaining is not None:
                remaining -= len(page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return
            request["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def put_action(
        self, item: Item, condition: str | None = None, values: Item | None = None
    ) -> dict:
        """A Put, for put() or for a transaction."""
        action: dict[str, Any] = {"TableName": self.name, "Item": item}
        if condition:
            action["ConditionExpression"] = condition
        if values:
            action["ExpressionAttributeValues"] = values
        return {"Put": action}

    def update_action(
        self,
        k: Key,
        expression: str,
        values: Item | None = None,
        *,
        names: dict[str, str] | None = None,
        condition: str | None = None,
    ) -> dict:
        """An Update, for update() or for a transaction."""
        action: dict[str, Any] = {
            "TableName": self.name,
            "Key": key(k),
            "UpdateExpression": expression,
        }
        if values:
            action["ExpressionAttributeValues"] = values
        if names:
            action["ExpressionAttributeNames"] = names
        if condition:
            action["ConditionExpression"] = condition
        return {"Update": action}

    def delete_action(self, k: Key) -> dict:
        """A Delete, for a transaction."""
        return {"Delete": {"TableName": self.name, "Key": key(k)}}

    def transact(self, actions: list[dict]) -> None:
        """All actions or none; TransactionCancelled when a condition fails."""
        for attempt in range(_TRANSACTION_ATTEMPTS):
            try:
                self.client.transact_write_items(TransactItems=actions)
                return
            except ClientError as error:
                if error_code(error) != "TransactionCanceledException":
                    raise
                reasons = [
                    r.get("Code", "None") for r in error.response.get("CancellationReasons", [])
                ]
                retry = set(reasons) & _RETRYABLE and "ConditionalCheckFailed" not in reasons
                if not retry or attempt == _TRANSACTION_ATTEMPTS - 1:
                    raise TransactionCancelled(reasons) from error
            time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
