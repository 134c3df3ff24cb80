"""The table in the template and the store in functions/store agree: the store's items, index
queries and expiring records fit the key schema, index and TTL attribute the template deploys.

(The store's own contract suite runs on this table too; here the question is only the fit.)
"""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from functions.domain.models import (
    CheckinToRecord,
    PairingCode,
    TokenKind,
    TokenRecord,
    Workplace,
)
from functions.store import keys
from functions.store.dynamodb import DynamoStore
from functions.store.dynamodb_items import key
from tests.infra.stack import REGION, create_table, sam_template

TABLE_NAME = "tryghedspuls-agreement"
EXPIRES = 1_900_000_000
WEEK = "2026-W48"


@pytest.fixture
def client(monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        create_table(dynamodb, TABLE_NAME, sam_template())
        yield dynamodb


@pytest.fixture
def store(client) -> DynamoStore:
    store = DynamoStore(TABLE_NAME, client)
    store.create_workplace(Workplace(id="wp1", name="Solsikken"))
    return store


def ttl_attribute() -> str:
    return sam_template()["Resources"]["Table"]["Properties"]["TimeToLiveSpecification"][
        "AttributeName"
    ]


def test_store_lists_through_the_templates_index(store):
    # Given a viewer token and a counted check-in, both listed on the index
    store.put_token(TokenRecord("hash1", "tok1", TokenKind.VIEWER, "wp1", created_on="2026-11-27"))
    store.record_checkins("wp1", [CheckinToRecord("evt1", WEEK, 7, EXPIRES)])
    # When the store lists them (Queries on the template's gsi1)
    # Then it finds them, so its index name and key attributes are the template's
    assert [t.token_id for t in store.list_viewer_tokens("wp1")] == ["tok1"]
    assert set(store.organisation_aggregates([WEEK])[WEEK]) == {"wp1"}


@pytest.mark.parametrize("record", ["pairing code", "event marker"])
def test_short_lived_records_expire_by_the_templates_ttl_attribute(store, client, record):
    # Given each kind of record that must go away by itself, written by the store
    if record == "pairing code":
        store.put_pairing_code(PairingCode("ABCD-EFGH", "wp1", EXPIRES))
        where = keys.pairing_code("ABCD-EFGH")
    else:
        store.record_checkins("wp1", [CheckinToRecord("evt2", WEEK, 3, EXPIRES)])
        where = keys.marker("evt2")
    # When the item is read at its key from store/keys.py
    item = client.get_item(TableName=TABLE_NAME, Key=key(where))["Item"]
    # Then its expiry is in the attribute the table's TTL reads, as epoch seconds
    assert item[ttl_attribute()] == {"N": str(EXPIRES)}
