"""The stack as API Gateway runs it, in moto: the template's table and the functions' environment,
each request sent to the function and handler the template names as a payload v2 event on the
deployed stage, and every DynamoDB call recorded as the IAM grants it needs."""

from __future__ import annotations

import contextlib
import importlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import boto3
import pytest
from moto import mock_aws

from functions.api.services import use_services
from functions.config import load_config
from tests.infra.stack import (
    FUNCTIONS,
    REGION,
    Route,
    cloudformation_template,
    create_table,
    handler_module,
    parameter_defaults,
    route_for,
    sam_template,
)

TABLE_NAME = "tryghedspuls-Table-TEST"
OPERATOR = "operator"  # the admin-token command, run with the operator's own credentials
# Inside a transaction IAM checks each action as if it were called alone.
TRANSACTION_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
}


def grants_of(operation: str, params: dict) -> set[tuple[str, str]]:
    """The (IAM action, resource) pairs one DynamoDB call needs; resource `table` or `index/x`."""
    if operation == "TransactWriteItems":
        return {
            (TRANSACTION_ACTIONS[kind], "table")
            for item in params["TransactItems"]
            for kind in item
        }
    if operation == "TransactGetItems":
        return {("dynamodb:GetItem", "table")}
    index = params.get("IndexName")
    return {(f"dynamodb:{operation}", f"index/{index}" if index else "table")}


def table_names_of(operation: str, params: dict) -> set[str]:
    """The tables one call touches."""
    if operation.startswith("Transact"):
        return {action["TableName"] for item in params["TransactItems"] for action in item.values()}
    if operation.startswith("Batch"):
        return set(params["RequestItems"])
    return {params["TableName"]} if "TableName" in params else set()


@dataclass
class Recorder:
    """Collects the grants each function's DynamoDB calls need, by the function running."""

    running: str = OPERATOR
    grants: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    tables: set[str] = field(default_factory=set)
    # SES v2 calls by function: (operation, FromEmailAddress), for the digest's role
    mail: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))

    def __call__(self, params: dict, model: Any, **_: Any) -> None:
        self.grants[self.running] |= grants_of(model.name, params)
        self.tables |= table_names_of(model.name, params)

    def ses(self, params: dict, model: Any, **_: Any) -> None:
        """Record one SES v2 call."""
        self.mail[self.running].add((model.name, params.get("FromEmailAddress", "")))


@dataclass
class LambdaContext:
    """The attributes Powertools' logger reads from a Lambda context."""

    function_name: str
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = f"arn:aws:lambda:{REGION}:123456789012:function:test"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))


def http_api_event(route: Route, stage: str, path: str, path_parameters: dict, request: dict):
    """The payload v2 event API Gateway sends for one request on a route of the deployed stage."""
    raw_path = path if stage == "$default" else f"/{stage}{path}"
    headers = {"content-type": "application/json", "host": "abc123.execute-api.example"}
    if request.get("token"):
        headers["authorization"] = f"Bearer {request['token']}"
    query = request.get("query", "")
    now = datetime.now(UTC)
    event = {
        "version": "2.0",
        "routeKey": route.route_key,
        "rawPath": raw_path,
        "rawQueryString": query,
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.example",
            "domainPrefix": "abc123",
            "http": {
                "method": route.method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": "192.0.2.10",
                "userAgent": "tryghedspuls-kiosk",
            },
            "requestId": uuid.uuid4().hex,
            "routeKey": route.route_key,
            "stage": stage,
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = dict(parse_qsl(query))
    if path_parameters:
        event["pathParameters"] = path_parameters
    if "body" in request:
        event["body"] = json.dumps(request["body"])
    return event


class DeployedStack:
    """The stack's API as API Gateway runs it: the template's routes to the template's handlers."""

    def __init__(self, recorder: Recorder):
        self.template = sam_template()
        self.stage = parameter_defaults(self.template)["StageName"]
        self.recorder = recorder
        self.driven: set[str] = set()
        self.admin_token = ""

    def call(self, method: str, path: str, expect: int, **request: Any) -> Any:
        """Send one request; check its status; its JSON body (or text)."""
        route, path_parameters = route_for(self.template, method, path)
        handler = importlib.import_module(handler_module(self.template, route.function))
        event = http_api_event(route, self.stage, path, path_parameters, request)
        self.recorder.running = route.function
        try:
            answer = handler.lambda_handler(event, LambdaContext(route.function))
        finally:
            self.recorder.running = OPERATOR
        self.driven.add(route.route_key)
        body = answer.get("body") or ""
        assert answer["statusCode"] == expect, f"{method} {path}: {answer['statusCode']} {body}"
        is_json = answer.get("headers", {}).get("Content-Type", "").startswith("application/json")
        return json.loads(body) if body and is_json else body

    def invoke(self, function: str, event: dict) -> Any:
        """Invoke a function the way EventBridge Scheduler does: its handler with the input."""
        handler = importlib.import_module(handler_module(self.template, function))
        self.recorder.running = function
        try:
            return handler.lambda_handler(event, LambdaContext(function))
        finally:
            self.recorder.running = OPERATOR

    def admin(self, method: str, path: str, expect: int = 200, **request: Any) -> Any:
        """A request with the admin token."""
        return self.call(method, path, expect, token=self.admin_token, **request)


def function_environment() -> dict[str, str]:
    """The functions' environment from the template, on the test table, default parameters."""
    template = cloudformation_template()
    defaults = parameter_defaults(template)
    env = {}
    for function in FUNCTIONS:
        variables = template["Resources"][function]["Properties"]["Environment"]["Variables"]
        for name, value in variables.items():
            if isinstance(value, str):
                env[name] = value
            elif value == {"Ref": "Table"}:
                env[name] = TABLE_NAME
            elif isinstance(value, dict) and value.get("Ref") in defaults:
                env[name] = defaults[value["Ref"]]
    env.pop("POWERTOOLS_SERVICE_NAME", None)  # per function; the handlers name their service
    return env


@contextlib.contextmanager
def deployed_stack(parameters: dict[str, str] | None = None) -> Iterator[DeployedStack]:
    """The stack in moto: the template's table, the functions' environment, calls recorded.
    `parameters`: environment values a deployment's own parameters would give (e.g. a sender)."""
    with pytest.MonkeyPatch.context() as patch, mock_aws():
        for name, value in {
            "AWS_DEFAULT_REGION": REGION,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SESSION_TOKEN": "testing",
            **function_environment(),
            **(parameters or {}),
        }.items():
            patch.setenv(name, value)
        # The store makes its client from boto3's default session: record on that session
        session = boto3.session.Session(region_name=REGION)
        patch.setattr(boto3, "DEFAULT_SESSION", session)
        recorder = Recorder()
        create_table(session.client("dynamodb"), TABLE_NAME, sam_template())
        session.events.register("before-parameter-build.dynamodb", recorder)
        session.events.register("before-parameter-build.sesv2", recorder.ses)
        load_config.cache_clear()
        use_services(None)  # built from the environment on the first request, as on a cold start
        try:
            yield DeployedStack(recorder)
        finally:
            use_services(None)
            load_config.cache_clear()
