"""The store contract suite runs each test on both adapters: SQLite on a temporary file, and
DynamoDB under moto on a table built from infra/template.yaml's own `Table` definition.

A test asks for `store`, or for `backend` when it needs more than the Store: the call counter,
a reopened store, or a store that crashes while writing one week's aggregate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from botocore.exceptions import ClientError
from moto import mock_aws

from functions.domain.ports import Store
from functions.store import keys
from functions.store.dynamodb import ACTIONS, DynamoStore
from functions.store.sqlite import SqliteStore

TEMPLATE = Path(__file__).parents[2] / "infra" / "template.yaml"
TABLE = "tryghedspuls-test"
# The Properties of AWS::DynamoDB::Table that CreateTable takes as they are; TTL is its own call.
_CREATE_TABLE_PROPERTIES = (
    "AttributeDefinitions",
    "KeySchema",
    "BillingMode",
    "ProvisionedThroughput",
    "LocalSecondaryIndexes",
)
_INDEX_PROPERTIES = ("IndexName", "KeySchema", "Projection", "ProvisionedThroughput")
_TRANSACTION_ACTIONS = {
    "Put": "PutItem",
    "Update": "UpdateItem",
    "Delete": "DeleteItem",
    "ConditionCheck": "ConditionCheckItem",
}


class CloudFormationLoader(yaml.SafeLoader):
    """Reads CloudFormation YAML: short tags (!Ref, !Sub, !GetAtt …) become their plain values."""


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


CloudFormationLoader.add_multi_constructor("!", _tagged)


@cache
def table_properties() -> dict:
    """The Properties of the template's `Table` resource."""
    # A SafeLoader subclass: the S506 warning is about yaml.Loader, which this is not.
    template = yaml.load(TEMPLATE.read_text(), Loader=CloudFormationLoader)  # noqa: S506
    return template["Resources"]["Table"]["Properties"]


def create_table_from_template(client: Any, name: str) -> None:
    """Create the table the template defines (resource `Table`), with its TTL setting."""
    properties = table_properties()
    request = {k: properties[k] for k in _CREATE_TABLE_PROPERTIES if k in properties}
    if "GlobalSecondaryIndexes" in properties:
        request["GlobalSecondaryIndexes"] = [
            {k: index[k] for k in _INDEX_PROPERTIES if k in index}
            for index in properties["GlobalSecondaryIndexes"]
        ]
    client.create_table(TableName=name, **request)
    if "TimeToLiveSpecification" in properties:
        client.update_time_to_live(
            TableName=name, TimeToLiveSpecification=properties["TimeToLiveSpecification"]
        )


class CallCounter:
    """Counts what a store asks of its storage: SQL statements, or DynamoDB API calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: Any, **_kwargs: Any) -> None:
        self.count += 1

    def during(self, action: Callable[[], object]) -> int:
        """How many calls `action` makes."""
        before = self.count
        action()
        return self.count - before


class ActionRecorder:
    """Notes the IAM actions behind each DynamoDB call (for a transaction: those inside it)."""

    def __init__(self) -> None:
        self.actions: set[str] = set()

    def __call__(self, params: dict, model: Any, **_kwargs: Any) -> None:
        if model.name == "TransactWriteItems":
            for item in params["TransactItems"]:
                self.actions |= {_TRANSACTION_ACTIONS[kind] for kind in item}
        elif model.name == "Query" and params.get("IndexName"):
            self.actions.add(f"Query:{params['IndexName']}")
        else:
            self.actions.add(model.name)


class CheckedStore:
    """A DynamoStore whose every method call fails the test if it uses an action that ACTIONS
    (the source of the IAM policies) does not list for it."""

    def __init__(self, store: DynamoStore, recorder: ActionRecorder):
        self._store, self._recorder = store, recorder

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._store, name)

        def checked(*args: Any, **kwargs: Any) -> Any:
            self._recorder.actions.clear()
            result = method(*args, **kwargs)
            stray = self._recorder.actions - ACTIONS[name]
            assert not stray, f"{name} used {sorted(stray)}, which ACTIONS does not list"
            return result

        return checked


class CrashingClient:
    """A DynamoDB client that fails the transaction touching one week's aggregate, as a lost
    connection would; every other call goes to the real client."""

    def __init__(self, client: Any, workplace_id: str, week: str):
        self._client = client
        self._sk = keys.aggregate(workplace_id, week).sk

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def transact_write_items(self, **request: Any) -> Any:
        for action in request["TransactItems"]:
            if action.get("Update", {}).get("Key", {}).get("sk") == {"S": self._sk}:
                error = {"Error": {"Code": "InternalServerError", "Message": "injected crash"}}
                raise ClientError(error, "TransactWriteItems")
        return self._client.transact_write_items(**request)


@dataclass
class Backend:
    """One adapter under test, and what some tests need besides the store."""

    kind: str
    store: Store
    calls: CallCounter
    reopen: Callable[[], Store]
    crashing_on_week: Callable[[str, str], AbstractContextManager[tuple[Store, type[Exception]]]]
    close: Callable[[], None] = lambda: None
    client: Any = None  # DynamoDB only: the boto3 client, for tests that read raw items


def _sqlite_backend(path: Path) -> Backend:
    calls = CallCounter()
    opened = [SqliteStore(str(path), trace=calls)]

    def reopen() -> Store:
        opened[-1].close()
        opened.append(SqliteStore(str(path), trace=calls))
        return opened[-1]

    @contextmanager
    def crashing_on_week(workplace_id: str, week: str) -> Iterator[tuple[Store, type]]:
        # A trigger makes the aggregate write fail after the marker was written, mid-transaction.
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE crash (workplace_id TEXT, week TEXT)")
            db.execute("INSERT INTO crash VALUES (?, ?)", (workplace_id, week))
            db.execute(
                "CREATE TRIGGER crash BEFORE INSERT ON week_aggregates WHEN EXISTS "
                "(SELECT 1 FROM crash WHERE workplace_id = NEW.workplace_id "
                "AND week = NEW.week) BEGIN SELECT RAISE(ABORT, 'injected crash'); END"
            )
        try:
            yield opened[-1], sqlite3.IntegrityError
        finally:
            with sqlite3.connect(path) as db:
                db.execute("DROP TRIGGER crash")
                db.execute("DROP TABLE crash")

    return Backend(
        "sqlite", opened[0], calls, reopen, crashing_on_week, close=lambda: opened[-1].close()
    )


def _dynamodb_backend(session: boto3.session.Session) -> Backend:
    calls, recorder = CallCounter(), ActionRecorder()

    def client() -> Any:
        made = session.client("dynamodb")
        made.meta.events.register("provide-client-params.dynamodb", calls)
        made.meta.events.register("provide-client-params.dynamodb", recorder)
        return made

    first = client()
    create_table_from_template(first, TABLE)

    @contextmanager
    def crashing_on_week(workplace_id: str, week: str) -> Iterator[tuple[Store, type]]:
        crashing = CrashingClient(first, workplace_id, week)
        yield CheckedStore(DynamoStore(TABLE, crashing), recorder), ClientError

    return Backend(
        "dynamodb",
        CheckedStore(DynamoStore(TABLE, first), recorder),
        calls,
        lambda: CheckedStore(DynamoStore(TABLE, client()), recorder),
        crashing_on_week,
        client=first,
    )


@pytest.fixture(scope="session")
def aws_session() -> Iterator[boto3.session.Session]:
    """Fake credentials and region, and one boto3 session (it caches the service models, which
    makes each test's client ~20x quicker to create)."""
    with pytest.MonkeyPatch.context() as env:
        for name, value in {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SESSION_TOKEN": "testing",
            "AWS_DEFAULT_REGION": "eu-north-1",
        }.items():
            env.setenv(name, value)
        env.delenv("AWS_PROFILE", raising=False)
        yield boto3.session.Session()


@pytest.fixture
def dynamodb_backend(aws_session: boto3.session.Session) -> Iterator[Backend]:
    """DynamoDB under moto, on a new table built from the template."""
    with mock_aws():
        yield _dynamodb_backend(aws_session)


@pytest.fixture(params=["sqlite", "dynamodb"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """Each adapter in turn: SQLite on a temporary file, DynamoDB under moto."""
    if request.param == "dynamodb":
        yield request.getfixturevalue("dynamodb_backend")
        return
    built = _sqlite_backend(tmp_path / "store.db")
    yield built
    built.close()


@pytest.fixture
def store(backend: Backend) -> Store:
    """The Store under test."""
    return backend.store
