"""What only the DynamoDB adapter promises: the actions it uses (the IAM policies come from them),
items that keep no score next to anything finer than a week, and retries of conflicting writes."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from functions.api import device, viewer
from functions.domain.models import Settings
from functions.domain.ports import Store, methods_of
from functions.store import keys
from functions.store.dynamodb import ACTIONS, DynamoStore, actions_for
from tests.store.conftest import TABLE, table_properties
from tests.store.examples import WEEK, WP, checkin
from tests.store.route_methods import methods_called_by

DEVICE_REQUESTS = {
    ("POST", "/v1/pair"),
    ("GET", "/v1/kiosk"),
    ("POST", "/v1/checkins"),
    ("POST", "/v1/completions"),
    ("POST", "/v1/heartbeat"),
}


@pytest.fixture(scope="module")
def kiosk_methods(tmp_path_factory) -> set[str]:
    """The store methods the kiosk's routes call, recorded while driving each of them."""
    called, requests = methods_called_by(device, tmp_path_factory.mktemp("kiosk"))
    assert requests == DEVICE_REQUESTS  # every route of the device function was driven
    return called


@pytest.fixture(scope="module")
def viewer_methods(tmp_path_factory) -> set[str]:
    """The store methods the viewer's routes call, recorded while driving them."""
    called, requests = methods_called_by(viewer, tmp_path_factory.mktemp("viewer"))
    assert {path.rsplit("/", 1)[-1] for _, path in requests} == {
        "pulse",
        "pulse.csv",
        "content",
        "openapi.json",
    }
    return called


def _raw_items(dynamodb_backend, pk: str) -> list[dict]:
    answer = dynamodb_backend.client.query(
        TableName=TABLE,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": pk}},
    )
    return answer["Items"]


def test_every_store_method_has_its_actions_listed():
    # Given the Store port and the adapter's action list
    methods = set(methods_of(Store))
    # When they are compared
    # Then each method of the port is listed, and nothing else
    assert set(ACTIONS) == methods


def test_kiosk_methods_neither_delete_nor_scan(kiosk_methods):
    # Given the methods the kiosk's routes call (releasing a week's figures among them)
    assert {"record_checkins", "release_aggregate", "pair_device"} <= kiosk_methods
    # When their actions are put together
    actions = actions_for(kiosk_methods)
    # Then a stolen tablet's role could add and read, never remove nor list the table
    assert actions == {"GetItem", "PutItem", "UpdateItem", "Query"}


def test_viewer_methods_only_read(viewer_methods):
    # Given the methods the viewer's routes call
    assert {"week_aggregates", "organisation_aggregates"} <= viewer_methods
    # When their actions are put together
    # Then they only read
    assert actions_for(viewer_methods) <= {"GetItem", "Query", "Query:gsi1"}


def test_template_table_has_the_keys_the_store_uses():
    # Given the template's table definition
    properties = table_properties()
    # When its keys, index and TTL are read
    index = {i["IndexName"]: i for i in properties["GlobalSecondaryIndexes"]}["gsi1"]
    # Then they are the ones store/keys.py writes
    assert [k["AttributeName"] for k in properties["KeySchema"]] == ["pk", "sk"]
    assert [k["AttributeName"] for k in index["KeySchema"]] == ["gsi1pk", "gsi1sk"]
    assert index["Projection"]["ProjectionType"] == "ALL"
    assert properties["TimeToLiveSpecification"]["AttributeName"] == "expires_at"


def test_marker_item_holds_only_event_id_and_expiry(dynamodb_backend):
    # Given a recorded check-in
    dynamodb_backend.store.record_checkins(WP, [checkin("e1", 9)])
    # When its marker item is read raw
    [marker] = _raw_items(dynamodb_backend, keys.marker("e1").pk)
    # Then it holds its key and its expiry: no score, no workplace, no time
    assert set(marker) == {"pk", "sk", "expires_at"}


def test_aggregate_item_holds_counts_and_nothing_finer_than_the_week(dynamodb_backend):
    # Given a recorded check-in
    dynamodb_backend.store.record_checkins(WP, [checkin("e1", 9)])
    # When the aggregate item is read raw
    [aggregate] = _raw_items(dynamodb_backend, keys.aggregate(WP, WEEK).pk)
    # Then it holds keys, week, workplace and counts only
    assert set(aggregate) == {
        "pk",
        "sk",
        "gsi1pk",
        "gsi1sk",
        "workplace_id",
        "week",
        "count",
        "total",
        "d9",
    }


class ConflictOnceClient:
    """A client whose first transaction meets another one on the same item, as two kiosks of a
    workplace can at the same moment."""

    def __init__(self, client: Any):
        self._client = client
        self.conflicts = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def transact_write_items(self, **request: Any) -> Any:
        if self.conflicts == 0:
            self.conflicts += 1
            reasons = [{"Code": "None"}, {"Code": "TransactionConflict"}]
            error = {
                "Error": {"Code": "TransactionCanceledException", "Message": "conflict"},
                "CancellationReasons": reasons,
            }
            raise ClientError(error, "TransactWriteItems")
        return self._client.transact_write_items(**request)


def test_conflicting_transaction_is_retried(dynamodb_backend):
    # Given a client whose first transaction conflicts with another kiosk's
    client = ConflictOnceClient(dynamodb_backend.client)
    store = DynamoStore(TABLE, client)
    # When a check-in is recorded
    counted = store.record_checkins(WP, [checkin("e1", 4)])
    # Then it was retried and counted once
    assert (client.conflicts, counted) == (1, [True])
    assert store.week_aggregates(WP, [WEEK])[WEEK].count == 1


def test_client_is_made_from_the_environment_on_first_use(dynamodb_backend):
    # Given a store given only its table's name (as on Lambda)
    store = DynamoStore(TABLE)
    # When it is used
    store.put_settings(Settings(anonymity_threshold=6))
    # Then it reaches the table with the environment's region and credentials
    assert dynamodb_backend.store.get_settings(Settings()).anonymity_threshold == 6
