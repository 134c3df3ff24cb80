"""The whole API in one place: the resolver of every route (`serve`) and its OpenAPI document,
whichever function serves each route."""

from __future__ import annotations

import json
from functools import cache

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.api_gateway import ApiGatewayResolver

from functions.api import admin, device, viewer_group
from functions.api.openapi_route import document_router
from functions.api.resolvers import resolver_for

# Every function's routes; the viewer function also serves the document itself.
ROUTERS = device.ROUTERS + viewer_group.ROUTERS + admin.ROUTERS

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
        }
    },
}


def all_routes_resolver(
    resolver_class: type[ApiGatewayResolver] = APIGatewayHttpResolver, **kw
) -> ApiGatewayResolver:
    """Every route in one resolver, the document's own route too: `serve` runs it."""
    return resolver_for([*ROUTERS, document_router(openapi_json)], resolver_class, **kw)


@cache
def openapi_json() -> str:
    """The whole API's OpenAPI 3 document as JSON (built once; it never changes at run time)."""
    document = json.loads(
        all_routes_resolver().get_openapi_json_schema(
            title="Tryghedspuls API", version="1", description="See docs/api.md."
        )
    )
    return json.dumps(with_our_errors(document), ensure_ascii=False)


def with_our_errors(document: dict) -> dict:
    """Say what the API really answers to bad input: 400 in its one error shape, not 422.

    Powertools documents validation failures as 422 with its own body; api/errors.py maps them
    to 400 {"error": {...}}. Servers are left relative: embedded the API sits under /api.
    """
    document.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"$ref": "#/components/schemas/Error"}
    for operation in (op for path in document["paths"].values() for op in path.values()):
        responses = operation.setdefault("responses", {})
        responses.pop("422", None)
        responses.pop("500", None)  # an answer that breaks its own schema: a bug, not a promise
        if "204" in responses:
            responses["204"].pop("content", None)  # a 204 has no body to describe
        responses["400"] = {
            "description": "The request is not of the documented shape or breaks a rule",
            "content": {"application/json": {"schema": error}},
        }
    for unused in ("HTTPValidationError", "ValidationError", "ResponseValidationError"):
        document["components"]["schemas"].pop(unused, None)
    document.pop("servers", None)
    return document
