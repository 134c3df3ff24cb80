"""The signed-in person's own language for the Monday digest: PUT /v1/me/language.

Served by the admin function, not the viewers' one with the other /v1/me routes: the viewers'
function never writes (infra/template.yaml), and this is a write, if a small one.
"""

from __future__ import annotations

from typing import Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_common import NO_CONTENT
from functions.api.bodies import _Body
from functions.api.callers import Person, Svc
from functions.domain.errors import Forbidden
from functions.domain.languages import save_language

router = Router()


class LanguageBody(_Body):
    """PUT /v1/me/language: "da" or "en"."""

    language: Literal["da", "en"]


@router.put("/v1/me/language", tags=["viewer"], responses=NO_CONTENT)
def save_my_language(body: LanguageBody, caller: Person, services: Svc):
    """Keep the language the signed-in leader or administrator reads the Monday e-mail in."""
    if not caller.email:
        # The admin token stands for no one, so there is no one's language to keep.
        raise Forbidden("Only someone signed in with a work account has a language to save.")
    save_language(services.store, caller.email, body.language)
    return Response(status_code=204)
