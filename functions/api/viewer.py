"""Lambda function for viewers' routes: the weekly pulse and its CSV, public content, OpenAPI."""

from functions.api import viewer_group
from functions.api.openapi_route import document_router
from functions.api.resolvers import lambda_entry, resolver_for


def whole_api_document() -> str:
    """The OpenAPI document of every function's routes, built on the first request for it."""
    # The other functions' routes: ~25-35 ms of a viewer cold start, paid only for this document.
    from functions.api.openapi import openapi_json  # noqa: PLC0415

    return openapi_json()


ROUTERS = [*viewer_group.ROUTERS, document_router(whole_api_document)]
app = resolver_for(ROUTERS)
lambda_handler = lambda_entry(app)
