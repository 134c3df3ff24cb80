"""Least privilege as the roles are written: each function's DynamoDB statements name only the
stack's table and its index, no wildcards, and no action its caller group has no business with.

tests/infra/test_least_privilege.py checks the other direction: the actions the routes really use.
"""

from __future__ import annotations

import pytest

from tests.infra.stack import (
    FUNCTIONS,
    MANAGED_POLICIES,
    allowed_dynamodb_actions,
    allowed_dynamodb_grants,
    cloudformation_template,
    dynamodb_statements,
)

TABLE = {"Fn::GetAtt": ["Table", "Arn"]}
INDEX = {"Fn::Sub": "${Table.Arn}/index/gsi1"}
WRITES = {
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:TransactWriteItems",
    "dynamodb:PartiQLInsert",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
}


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_dynamodb_statements_name_no_wildcard_action_or_resource(function):
    # Given the DynamoDB statements of the function's role after the SAM transform
    statements = dynamodb_statements(cloudformation_template(), function)
    assert statements, "the function cannot reach its table at all"
    for statement in statements:
        # Then each allows named actions on the stack's table and index only
        assert statement["Effect"] == "Allow"
        assert "NotAction" not in statement and "NotResource" not in statement
        actions = as_list(statement["Action"])
        assert not [a for a in actions if "*" in a], actions
        resources = as_list(statement["Resource"])
        assert "*" not in resources
        assert all(r in (TABLE, INDEX) for r in resources), resources


@pytest.mark.parametrize("function", FUNCTIONS)
def test_the_index_may_only_be_queried(function):
    grants = allowed_dynamodb_grants(cloudformation_template(), function)
    assert {action for action, resource in grants if resource != "table"} <= {"dynamodb:Query"}


@pytest.mark.parametrize("function", FUNCTIONS)
def test_no_function_may_scan_the_table(function):
    # Listing is a Query on a known partition; a Scan would read every answer's aggregate
    assert "dynamodb:Scan" not in allowed_dynamodb_actions(cloudformation_template(), function)


def test_device_function_can_neither_scan_nor_delete():
    allowed = allowed_dynamodb_actions(cloudformation_template(), "DeviceFunction")
    assert not allowed & {"dynamodb:Scan", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"}


def test_viewer_function_cannot_write():
    allowed = allowed_dynamodb_actions(cloudformation_template(), "ViewerFunction")
    assert not allowed & WRITES
    assert "dynamodb:ConditionCheckItem" not in allowed


@pytest.mark.parametrize("function", FUNCTIONS)
def test_roles_carry_no_other_data_access(function):
    # Given the role SAM generates for the function
    role = cloudformation_template()["Resources"][f"{function}Role"]["Properties"]
    # Then its managed policies are logging and tracing only
    assert set(role["ManagedPolicyArns"]) <= set(MANAGED_POLICIES.values())
    # And its inline statements are the DynamoDB ones checked above (and the digest's SES one)
    statements = [s for p in role["Policies"] for s in as_list(p["PolicyDocument"]["Statement"])]
    others = [
        s for s in statements if s not in dynamodb_statements(cloudformation_template(), function)
    ]
    assert others == ([SES_SEND] if function == "DigestFunction" else [])


# The digest may send e-mail, from the configured sender on its domain's identity, and nothing else.
SES_SEND = {
    "Sid": "DigestSendsOnlyFromTheSenderAddress",
    "Effect": "Allow",
    "Action": "ses:SendEmail",
    "Resource": {
        "Fn::Sub": [
            "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}",
            {
                "Domain": {
                    "Fn::Select": [
                        1,
                        {
                            "Fn::Split": [
                                "@",
                                {
                                    "Fn::If": [
                                        "HasDigestSender",
                                        {"Ref": "DigestSender"},
                                        "none@example.invalid",
                                    ]
                                },
                            ]
                        },
                    ]
                }
            },
        ]
    },
    "Condition": {"StringEquals": {"ses:FromAddress": {"Ref": "DigestSender"}}},
}
