"""Answers leave through their models (functions/api/answers_*.py): an answer that does not fit
its own model is our bug, so it is a 500 in the one error shape, never a 4xx that blames the
caller's request."""

from __future__ import annotations

import json

from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_organisation import SettingsAnswer
from functions.api.resolvers import resolver_for
from functions.local.gateway import to_http_api_event
from tests.api.conftest import LambdaContext


def test_an_answer_that_breaks_its_model_is_a_500_not_the_callers_fault():
    # Given a route whose answer lacks two of its model's fields
    router = Router()

    @router.get("/v1/broken")
    def broken() -> SettingsAnswer:
        return {"anonymity_threshold": 5}  # type: ignore[return-value]

    app = resolver_for([router])
    # When it is called
    event = to_http_api_event("GET", "/v1/broken", b"", [], b"")
    answer = app.resolve(event, LambdaContext())
    # Then the caller learns it is on our side, in the one error shape
    assert answer["statusCode"] == 500
    assert json.loads(answer["body"])["error"]["code"] == "internal_error"


def test_an_answer_that_fits_its_model_leaves_as_json():
    router = Router()

    @router.get("/v1/fine")
    def fine() -> SettingsAnswer:
        return SettingsAnswer(anonymity_threshold=5, cooldown_seconds=20, idle_reset_seconds=45)

    answer = resolver_for([router]).resolve(
        to_http_api_event("GET", "/v1/fine", b"", [], b""), LambdaContext()
    )
    assert answer["statusCode"] == 200
    assert json.loads(answer["body"]) == {
        "anonymity_threshold": 5,
        "cooldown_seconds": 20,
        "idle_reset_seconds": 45,
    }
