"""The Store on one DynamoDB table (keys in store/keys.py), through a low-level boto3 client.

`ACTIONS` says which DynamoDB IAM actions each method may use: the source for each function's
least-privilege policy in infra/template.yaml; the contract suite fails a method that strays.
A transaction needs the actions inside it (Put → PutItem, Update → UpdateItem); "Query:gsi1" is
a Query on the index's ARN (table/<name>/index/gsi1). No method Scans; no kiosk method deletes.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from typing import Any

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import AuditEntry, Pin, Prompt, Settings, SigninSettings, Workplace
from functions.store import keys
from functions.store.dynamodb_access import DynamoAccess
from functions.store.dynamodb_digests import ACTIONS as DIGEST_ACTIONS
from functions.store.dynamodb_digests import DynamoDigests
from functions.store.dynamodb_items import (
    audit_from,
    audit_item,
    flag,
    key,
    n,
    pin_from,
    pin_item,
    prompt_from,
    s,
    settings_from,
    settings_item,
    signin_settings_from,
    signin_settings_item,
    workplace_from,
    workplace_item,
)
from functions.store.dynamodb_languages import ACTIONS as LANGUAGE_ACTIONS
from functions.store.dynamodb_languages import DynamoLanguages
from functions.store.dynamodb_records import DynamoRecords
from functions.store.dynamodb_table import Table, raising_on_failed_condition

_READ, _WRITE, _CHANGE, _DELETE = "GetItem", "PutItem", "UpdateItem", "DeleteItem"
_QUERY, _QUERY_INDEX = "Query", "Query:gsi1"

ACTIONS: dict[str, frozenset[str]] = {
    name: frozenset(actions)
    for name, actions in {
        "get_settings": {_READ},
        "put_settings": {_WRITE},
        "get_signin_settings": {_READ},
        "put_signin_settings": {_WRITE},
        "create_workplace": {_WRITE},
        "get_workplace": {_READ},
        "list_workplaces": {_QUERY},
        "update_workplace": {_WRITE},
        "put_token": {_WRITE},
        "find_token": {_READ},
        "list_viewer_tokens": {_QUERY_INDEX},
        "revoke_viewer_token": {_READ, _CHANGE},
        "admin_epoch": {_READ},
        "rotate_admin_tokens": {_CHANGE, _WRITE},
        "use_sign_in": {_CHANGE},
        "put_pairing_code": {_WRITE},
        "pair_device": {_CHANGE, _WRITE},
        "get_pairing_code": {_READ},
        "get_device": {_READ},
        "list_devices": {_QUERY_INDEX},
        "record_heartbeat": {_CHANGE},
        "revoke_device": {_READ, _CHANGE},
        "record_checkins": {_WRITE, _CHANGE},
        "week_aggregates": {_QUERY},
        "organisation_aggregates": {_QUERY_INDEX},
        "release_aggregate": {_WRITE},
        "record_completions": {_WRITE},
        "list_completions": {_QUERY_INDEX},
        "list_held_completions": {_QUERY},
        "get_completion": {_READ},
        "set_completion_status": {_READ, _CHANGE, _WRITE, _DELETE},
        "list_prompts": {_QUERY},
        "get_prompt": {_READ},
        "put_prompt": {_CHANGE},
        "get_rotation": {_READ},
        "set_rotation": {_WRITE},
        "list_pins": {_QUERY},
        "put_pin": {_WRITE},
        "delete_pin": {_DELETE},
        "append_audit": {_WRITE},
        "list_audit": {_QUERY},
        "count_attempt": {_CHANGE},
        "get_attempts": {_READ},
        "is_empty": {_QUERY, _READ},
        **DIGEST_ACTIONS,
        **LANGUAGE_ACTIONS,
    }.items()
}


def actions_for(methods: Iterable[str]) -> set[str]:
    """The IAM actions (`dynamodb:<name>`, or `dynamodb:Query` on gsi1) a set of methods needs."""
    return {action for method in methods for action in ACTIONS[method]}


class DynamoStore(DynamoRecords, DynamoAccess, DynamoDigests, DynamoLanguages):
    """The Store on DynamoDB. `client` is a boto3 DynamoDB client; made on first use if None."""

    def __init__(self, table_name: str, client: Any = None):
        self._table = Table(table_name, client)

    def get_settings(self, default: Settings) -> Settings:
        """One GetItem."""
        item = self._table.get(keys.SETTINGS)
        return settings_from(item, default) if item else default

    def put_settings(self, settings: Settings) -> None:
        """One PutItem."""
        self._table.put(settings_item(settings))

    def get_signin_settings(self) -> SigninSettings:
        """One GetItem."""
        item = self._table.get(keys.SIGNIN_SETTINGS)
        return signin_settings_from(item) if item else SigninSettings()

    def put_signin_settings(self, settings: SigninSettings) -> None:
        """One PutItem."""
        self._table.put(signin_settings_item(settings))

    def create_workplace(self, workplace: Workplace) -> None:
        """A PutItem on condition that the id is new."""
        with raising_on_failed_condition(Conflict(f"Workplace {workplace.id!r} exists.")):
            self._table.put(workplace_item(workplace), "attribute_not_exists(pk)")

    def get_workplace(self, workplace_id: str) -> Workplace | None:
        """One GetItem."""
        item = self._table.get(keys.workplace(workplace_id))
        return workplace_from(item) if item else None

    def list_workplaces(self) -> list[Workplace]:
        """One Query of the organisation's partition, sorted by name."""
        items = self._table.query(keys.WORKPLACES_PK, prefix=keys.WORKPLACE_PREFIX)
        return sorted(map(workplace_from, items), key=lambda w: (w.name.casefold(), w.id))

    def update_workplace(self, workplace: Workplace) -> None:
        """A PutItem on condition that the workplace exists."""
        with raising_on_failed_condition(NotFound(f"No workplace with id {workplace.id!r}.")):
            self._table.put(workplace_item(workplace), "attribute_exists(pk)")

    def list_prompts(self) -> list[Prompt]:
        """One Query of the prompts' partition, in creation order (attribute `seq`)."""
        items = sorted(
            self._table.query(keys.PROMPTS_PK, prefix=keys.PROMPT_PREFIX),
            key=lambda item: (int(item["seq"]["N"]), item["id"]["S"]),
        )
        return [prompt_from(item) for item in items]

    def get_prompt(self, prompt_id: str) -> Prompt | None:
        """One GetItem."""
        item = self._table.get(keys.prompt(prompt_id))
        return prompt_from(item) if item else None

    def put_prompt(self, prompt: Prompt) -> None:
        """One UpdateItem; the first write stamps `seq`, which later ones keep."""
        self._table.update(
            keys.prompt(prompt.id),
            "SET id = :id, da = :da, en = :en, active = :active, seq = if_not_exists(seq, :seq)",
            {
                ":id": s(prompt.id),
                ":da": s(prompt.da),
                ":en": s(prompt.en),
                ":active": flag(prompt.active),
                # Prompts are made one at a time by an admin or a seed loop: the clock orders them.
                ":seq": n(time.time_ns()),
            },
        )

    def get_rotation(self) -> list[str]:
        """One GetItem."""
        item = self._table.get(keys.ROTATION)
        return [value["S"] for value in item["prompt_ids"]["L"]] if item else []

    def set_rotation(self, prompt_ids: list[str]) -> None:
        """One PutItem."""
        self._table.put(key(keys.ROTATION) | {"prompt_ids": {"L": [s(i) for i in prompt_ids]}})

    def list_pins(self, first_week: str, last_week: str) -> list[Pin]:
        """One Query over the weeks' range of the pins' partition."""
        items = self._table.query(keys.PINS_PK, between=keys.pin_range(first_week, last_week))
        return [pin_from(item) for item in items]

    def put_pin(self, pin: Pin) -> None:
        """One PutItem (replaces the pin of the same week and scope)."""
        self._table.put(pin_item(pin))

    def delete_pin(self, week: str, workplace_id: str | None) -> None:
        """One DeleteItem (admin only)."""
        self._table.delete(keys.pin(week, workplace_id))

    def append_audit(self, entry: AuditEntry) -> None:
        """One PutItem."""
        self._table.put(audit_item(entry, secrets.token_hex(4)))

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """A Query of the audit partition, newest first, `limit` items."""
        if limit <= 0:
            return []
        items = self._table.query(keys.AUDIT_PK, newest_first=True, limit=limit)
        return [audit_from(item) for item in items]

    def count_attempt(self, bucket: str, window: int, expires_at: int) -> int:
        """One UpdateItem ADD, answering the new count; TTL removes the counter later."""
        attributes = self._table.update(
            keys.attempt(bucket, window),
            "ADD attempts :one SET expires_at = :expires",
            {":one": n(1), ":expires": n(expires_at)},
            returns="UPDATED_NEW",
        )
        return int(attributes["attempts"]["N"])

    def get_attempts(self, bucket: str, window: int) -> int:
        """One GetItem."""
        item = self._table.get(keys.attempt(bucket, window))
        return int(item["attempts"]["N"]) if item else 0

    def is_empty(self) -> bool:
        """No workplace, prompt or settings yet: at most two Queries (Limit 1) and a GetItem.
        Tokens do not count, so an admin token made at start-up does not stop the seeding."""
        for pk, prefix in (
            (keys.WORKPLACES_PK, keys.WORKPLACE_PREFIX),
            (keys.PROMPTS_PK, keys.PROMPT_PREFIX),
        ):
            if next(self._table.query(pk, prefix=prefix, limit=1), None) is not None:
                return False
        return self._table.get(keys.SETTINGS) is None
