"""The table keeps the agreed key schema and protects the answers it holds."""

from __future__ import annotations

from tests.infra.stack import cloudformation_template, sam_template


def table() -> dict:
    return sam_template()["Resources"]["Table"]


def test_table_keeps_the_agreed_keys_index_and_ttl():
    # Given the table definition the store's contract tests build their moto table from
    props = table()["Properties"]
    # Then the keys are pk/sk, the one index gsi1 is on gsi1pk/gsi1sk, and TTL reads expires_at
    assert props["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    [index] = props["GlobalSecondaryIndexes"]
    assert index["IndexName"] == "gsi1"
    assert [k["AttributeName"] for k in index["KeySchema"]] == ["gsi1pk", "gsi1sk"]
    assert index["Projection"] == {"ProjectionType": "ALL"}
    assert props["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


def test_table_is_on_demand_recoverable_and_encrypted():
    props = table()["Properties"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert props["SSESpecification"]["SSEEnabled"] is True


def test_deletion_protection_follows_its_parameter_and_is_on_by_default():
    # Given the template's parameters and conditions
    template = sam_template()
    props = table()["Properties"]
    # Then the table's protection is the parameter's choice, defaulting to on
    assert props["DeletionProtectionEnabled"] == {"Fn::If": ["DeletionProtected", True, False]}
    assert template["Conditions"]["DeletionProtected"] == {
        "Fn::Equals": [{"Ref": "TableDeletionProtection"}, "true"]
    }
    assert template["Parameters"]["TableDeletionProtection"]["Default"] == "true"


def test_deleting_or_replacing_the_stack_keeps_the_table():
    resource = cloudformation_template()["Resources"]["Table"]
    assert resource["DeletionPolicy"] == "Retain"
    assert resource["UpdateReplacePolicy"] == "Retain"
