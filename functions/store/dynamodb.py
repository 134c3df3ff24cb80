"""The Store on one DynamoDB table (keys in store/keys.py), through a low-level boto3 client.

`ACTIONS` says which DynamoDB IAM actions each method may use: the source for each function's
least-privilege policy in infra/template.yaml; the contract suite fails a method that strays.
A transaction needs the actions inside it (Put → PutItem, Update → UpdateItem); "Query:gsi1" is
a Query on the index's ARN (table/<name>/index/gsi1). No method Scans; no kiosk method deletes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from functions.domain import ports
from functions.store.composed import compose
from functions.store.dynamodb_audit import DynamoAudit
from functions.store.dynamodb_devices import DynamoDevices
from functions.store.dynamodb_digests import DynamoDigests
from functions.store.dynamodb_languages import DynamoLanguages
from functions.store.dynamodb_prompts import DynamoPrompts
from functions.store.dynamodb_records import DynamoCheckins, DynamoCompletions
from functions.store.dynamodb_settings import DynamoSettings
from functions.store.dynamodb_table import Table
from functions.store.dynamodb_tokens import DynamoTokens
from functions.store.dynamodb_workplaces import DynamoWorkplaces

_READ, _WRITE, _CHANGE, _DELETE = "GetItem", "PutItem", "UpdateItem", "DeleteItem"
_QUERY, _QUERY_INDEX = "Query", "Query:gsi1"

ACTIONS: dict[str, frozenset[str]] = {
    name: frozenset(actions)
    for name, actions in {
        # SettingsStore
        "get_settings": {_READ},
        "put_settings": {_WRITE},
        "get_signin_settings": {_READ},
        "put_signin_settings": {_WRITE},
        # WorkplaceStore
        "create_workplace": {_WRITE},
        "get_workplace": {_READ},
        "list_workplaces": {_QUERY},
        "update_workplace": {_WRITE},
        # TokenStore
        "put_token": {_WRITE},
        "find_token": {_READ},
        "list_viewer_tokens": {_QUERY_INDEX},
        "revoke_viewer_token": {_READ, _CHANGE},
        "admin_epoch": {_READ},
        "rotate_admin_tokens": {_CHANGE, _WRITE},
        "use_sign_in": {_CHANGE},
        # DeviceStore
        "put_pairing_code": {_WRITE},
        "pair_device": {_CHANGE, _WRITE},
        "get_pairing_code": {_READ},
        "get_device": {_READ},
        "list_devices": {_QUERY_INDEX},
        "record_heartbeat": {_CHANGE},
        "revoke_device": {_READ, _CHANGE},
        # CheckinStore
        "record_checkins": {_WRITE, _CHANGE},
        "week_aggregates": {_QUERY},
        "organisation_aggregates": {_QUERY_INDEX},
        "release_aggregate": {_WRITE},
        # CompletionStore
        "record_completions": {_WRITE},
        "list_completions": {_QUERY_INDEX},
        "list_held_completions": {_QUERY},
        "get_completion": {_READ},
        "set_completion_status": {_READ, _CHANGE, _WRITE, _DELETE},
        # PromptStore
        "list_prompts": {_QUERY},
        "get_prompt": {_READ},
        "put_prompt": {_CHANGE},
        "get_rotation": {_READ},
        "set_rotation": {_WRITE},
        "list_pins": {_QUERY},
        "put_pin": {_WRITE},
        "delete_pin": {_DELETE},
        # AuditLog
        "append_audit": {_WRITE},
        "list_audit": {_QUERY},
        # DigestLog
        "claim_digest": {_CHANGE},
        "finish_digest": {_WRITE},
        "list_digests": {_QUERY},
        # LanguageStore (the digest deletes the languages nobody needs any more)
        "put_language": {_WRITE},
        "list_languages": {_QUERY},
        "delete_languages": {_DELETE},
    }.items()
}


def actions_for(methods: Iterable[str]) -> set[str]:
    """The IAM actions (`dynamodb:<name>`, or `dynamodb:Query` on gsi1) a set of methods needs."""
    return {action for method in methods for action in ACTIONS[method]}


class DynamoStore:
    """The Store on DynamoDB. `client` is a boto3 DynamoDB client; made on first use if None."""

    def __init__(self, table_name: str, client: Any = None):
        self.table = Table(table_name, client)
        compose(
            self,
            {
                ports.SettingsStore: DynamoSettings(self.table),
                ports.WorkplaceStore: DynamoWorkplaces(self.table),
                ports.DeviceStore: DynamoDevices(self.table),
                ports.TokenStore: DynamoTokens(self.table),
                ports.CheckinStore: DynamoCheckins(self.table),
                ports.CompletionStore: DynamoCompletions(self.table),
                ports.PromptStore: DynamoPrompts(self.table),
                ports.AuditLog: DynamoAudit(self.table),
                ports.DigestLog: DynamoDigests(self.table),
                ports.LanguageStore: DynamoLanguages(self.table),
            },
        )
