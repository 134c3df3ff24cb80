"""The OpenAPI document of every route, whichever function serves it."""

from __future__ import annotations

from functools import cache


@cache
def openapi_json() -> str:
    """The whole API's OpenAPI 3 document as JSON (built once; it never changes at run time)."""
    from functions.api.resolvers import all_routes_resolver

    return all_routes_resolver().get_openapi_json_schema(
        title="Tryghedspuls API", version="1", description="See docs/api.md."
    )
