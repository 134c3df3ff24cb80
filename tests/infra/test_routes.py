"""API Gateway sends each documented route to the function whose resolver serves it."""

from __future__ import annotations

import importlib
import re
from collections import Counter

import pytest

from tests.infra.stack import (
    API_FUNCTIONS,
    ROOT,
    cloudformation_template,
    handler_module,
    routes,
    sam_template,
)

DOCUMENTED_ROUTE = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) (/v1/\S+)")


def normalised(method: str, path: str) -> str:
    """`GET /v1/workplaces/{}/pulse` whatever the parameter names or their brackets."""
    return f"{method} {re.sub(r'[{<][^}>]*[}>]', '{}', path)}"


def resolver_routes(function: str) -> set[str]:
    """The routes the handler's resolver serves, in API Gateway's notation."""
    app = importlib.import_module(handler_module(sam_template(), function)).app
    return {
        route.method + " " + re.sub(r"<(\w+)>", r"{\1}", route.path)
        for route in app._static_routes + app._dynamic_routes
    }


def documented_routes() -> set[str]:
    """Every route in docs/api.md's tables."""
    lines = (ROOT / "docs" / "api.md").read_text(encoding="utf-8").splitlines()
    return {normalised(*m.groups()) for line in lines if (m := DOCUMENTED_ROUTE.match(line))}


@pytest.mark.parametrize("function", API_FUNCTIONS)
def test_function_gets_exactly_the_routes_its_resolver_serves(function):
    # Given the routes the template sends to this function
    sent = {r.route_key for r in routes(sam_template()) if r.function == function}
    # Then they are the resolver's routes, path parameters named alike
    assert sent == resolver_routes(function)


def test_every_documented_route_is_deployed_and_nothing_else():
    deployed = {normalised(r.method, r.path) for r in routes(sam_template())}
    assert deployed == documented_routes()


def test_no_route_goes_to_two_functions():
    counts = Counter(r.route_key for r in routes(sam_template()))
    assert [key for key, n in counts.items() if n > 1] == []


def test_functions_get_http_api_payload_version_2():
    # Given the API's generated OpenAPI body after the transform
    body = cloudformation_template()["Resources"]["HttpApi"]["Properties"]["Body"]
    integrations = [
        operation["x-amazon-apigateway-integration"]
        for path in body["paths"].values()
        for operation in path.values()
    ]
    # Then every integration is a Lambda proxy with the v2 payload APIGatewayHttpResolver reads
    assert len(integrations) == len(routes(sam_template()))
    assert {(i["type"], i["payloadFormatVersion"]) for i in integrations} == {("aws_proxy", "2.0")}
