"""Every failure becomes one JSON error shape with a 4xx status (503 when the store is full),
mapped here and nowhere else."""

from __future__ import annotations

import json
from dataclasses import asdict
from http import HTTPStatus

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)

from functions.domain import errors
from functions.domain.pairing import ATTEMPT_WINDOW_SECONDS

logger = Logger()  # service name from POWERTOOLS_SERVICE_NAME (set per function)

STATUS = {
    errors.InvalidInput: HTTPStatus.BAD_REQUEST,
    errors.PairingCodeInvalid: HTTPStatus.BAD_REQUEST,
    errors.Unauthorized: HTTPStatus.UNAUTHORIZED,
    errors.Forbidden: HTTPStatus.FORBIDDEN,
    errors.NotFound: HTTPStatus.NOT_FOUND,
    errors.Conflict: HTTPStatus.CONFLICT,
    errors.TooManyAttempts: HTTPStatus.TOO_MANY_REQUESTS,
    errors.StorageFull: HTTPStatus.SERVICE_UNAVAILABLE,
    errors.SigninUnavailable: HTTPStatus.SERVICE_UNAVAILABLE,
}
STORAGE_RETRY_SECONDS = 60


def error_response(status: int, code: str, message: str, details: list | None = None) -> Response:
    """The one error shape: {"error": {"code", "message"[, "details"]}}."""
    # Messages may quote what the caller sent (an id); a hostile caller must not get pages back.
    error: dict = {"code": code, "message": message if len(message) <= 200 else message[:199] + "…"}
    if details:
        error["details"] = details
    headers = {
        HTTPStatus.UNAUTHORIZED: {"WWW-Authenticate": "Bearer"},
        HTTPStatus.TOO_MANY_REQUESTS: {"Retry-After": str(ATTEMPT_WINDOW_SECONDS)},
        HTTPStatus.SERVICE_UNAVAILABLE: {"Retry-After": str(STORAGE_RETRY_SECONDS)},
    }.get(status)
    return Response(
        status_code=status,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps({"error": error}, ensure_ascii=False),
        headers=headers,
    )


def _validation_details(exc: RequestValidationError) -> list[dict]:
    # Location and kind of each problem; never the input itself (it may be large or hostile).
    return [
        {"loc": [str(p) for p in e.get("loc", ())][:6], "type": str(e.get("type", ""))[:60]}
        for e in exc.errors()[:10]
    ]


def install_error_handlers(app) -> None:
    """Map domain errors, validation failures, unknown routes and surprises on `app`."""

    @app.exception_handler(errors.DomainError)
    def domain_error(exc: errors.DomainError) -> Response:
        status = next((s for kind, s in STATUS.items() if isinstance(exc, kind)), 400)
        # A refused file's problems are domain dataclasses; here they become the wire's objects.
        details = [asdict(p) for p in exc.details] if isinstance(exc, errors.FileRefused) else None
        answer = error_response(status, exc.code, exc.message, details)
        if isinstance(exc, errors.PairingCodeInvalid) and exc.hold_seconds:
            # The embedded gateway holds this answer back so long; it tells clients too.
            answer.headers["Retry-After"] = str(exc.hold_seconds)
        return answer

    @app.exception_handler(RequestValidationError)
    def invalid_request(exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        return error_response(
            400,
            "invalid_request",
            "The request is not of the documented shape; see details and GET /v1/openapi.json.",
            details,
        )

    @app.exception_handler(RequestUnsupportedContentType)
    def unsupported_media(_exc: RequestUnsupportedContentType) -> Response:
        return error_response(415, "unsupported_media_type", "Send the body as application/json.")

    @app.exception_handler(UnicodeDecodeError)
    def not_utf8(_exc: UnicodeDecodeError) -> Response:
        return error_response(400, "invalid_request", "The body is not valid UTF-8 JSON.")

    @app.not_found
    def no_route(_exc: NotFoundError) -> Response:
        return error_response(404, "not_found", "No such route.")

    @app.exception_handler(Exception)
    def unexpected(exc: Exception) -> Response:
        logger.exception("unexpected error")  # the stack trace goes to the log, not the caller
        return error_response(500, "internal_error", "Something went wrong on our side.")
