"""GET /v1/openapi.json: the OpenAPI document of the whole API, as a route any resolver can include.

The document is handed in (`document`), not imported: it is built from every function's routes
(functions/api/openapi.py), this route among them, so importing it here would close a circle.
"""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router


def document_router(document: Callable[[], str]) -> Router:
    """A Router serving `document()` (the OpenAPI document as JSON) at GET /v1/openapi.json."""
    router = Router()

    @router.get("/v1/openapi.json", tags=["public"], include_in_schema=False)
    def openapi():
        """The OpenAPI document of the whole API."""
        return Response(status_code=200, content_type="application/json", body=document())

    return router
