"""Resolvers and Lambda entry points, built from the route groups the same way for each function.

The resolver of every route at once (serve, the OpenAPI document) is functions/api/openapi.py's.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.api_gateway import ApiGatewayResolver, Router
from aws_lambda_powertools.logging import correlation_paths

from functions.api.errors import error_response, install_error_handlers
from functions.api.services import build_services_with
from functions.config import load_config
from functions.wiring import services_from_environment


def resolver_for(
    routers: list[Router], resolver_class: type[ApiGatewayResolver] = APIGatewayHttpResolver, **kw
) -> ApiGatewayResolver:
    """A validating resolver with the given route groups and the one error mapping.

    An answer that does not fit its own model (functions/api/answers_*.py) is our bug, not the
    caller's: a 500 (in the one error shape, logged), never Powertools' default of a 4xx.
    """
    app = resolver_class(
        enable_validation=True,
        json_body_deserializer=json_body,
        response_validation_error_http_code=HTTPStatus.INTERNAL_SERVER_ERROR,
        **kw,
    )
    app.use([json_bodies_only])
    for router in routers:
        app.include_router(router)
    install_error_handlers(app)
    return app


def json_body(text: str):
    """The request body parsed as JSON; JSON we will not parse is a decode error (a 400).

    json.loads raises RecursionError for deep nesting ("[" * 100_000) and ValueError for a number
    too long to convert; Powertools maps only JSONDecodeError to a validation error, so without
    this both would be a 500, before any token is even looked at.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (RecursionError, ValueError) as error:
        raise json.JSONDecodeError(f"unreadable JSON ({type(error).__name__})", text, 0) from None


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def json_bodies_only(app: ApiGatewayResolver, next_middleware: Callable) -> Any:
    """A form or multipart body is a 415, like any body that is not JSON (docs/api.md).

    Powertools' validation reads those too, so without this a multipart POST would create a
    workplace. Runs after validation: a form that does not fit the model is a 400 already.
    """
    content_type = app.current_event.headers.get("content-type") or ""
    if app.current_event.body and content_type.split(";")[0].strip().lower() in _FORM_TYPES:
        return error_response(415, "unsupported_media_type", "Send the body as application/json.")
    return next_middleware(app)


def lambda_entry(app: ApiGatewayResolver) -> Callable[[dict, Any], dict]:
    """The Lambda handler of one function: structured logs without the event, a cold-start metric,
    and the services the composition root builds from the environment on the first request.

    The X-Ray tracer costs ~200 ms to import, so it is loaded on the first call and only when
    tracing is switched on (TRYGHEDSPULS_TRACING), keeping the import of a handler lean.
    """
    build_services_with(services_from_environment)
    # Requests that add no business metric are normal here. No cold-start metric: each custom
    # metric costs $3.60 a year (infra/README.md, cost model); REPORT log lines show Init Duration.
    warnings.filterwarnings("ignore", message="No application metrics to publish")
    logger = Logger()  # service and level from POWERTOOLS_* (infra/template.yaml sets them)
    metrics = Metrics(namespace="Tryghedspuls")
    resolve = app.resolve

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
    @metrics.log_metrics(capture_cold_start_metric=False, raise_on_empty_metrics=False)
    def lambda_handler(event: dict, context: Any) -> dict:
        nonlocal resolve
        if load_config().tracing and resolve is app.resolve:
            # X-Ray: ~200 ms of every cold start, paid only with tracing on.
            from aws_lambda_powertools import Tracer  # noqa: PLC0415

            resolve = Tracer().capture_method(app.resolve)
        return resolve(event, context)

    return lambda_handler
