"""Routes for a workplace's viewers (and admins): the weekly pulse and its CSV; public content."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.api.answers_common import file_answer
from functions.api.answers_viewer import ContentAnswer, PulseAnswer
from functions.api.callers import Svc, Viewer
from functions.domain.pairing import require_workplace
from functions.domain.pulse import pulse_csv, workplace_pulse
from functions.domain.weeks import current_week

router = Router()

Weeks = Annotated[int, Query(ge=1, le=52, description="How many weeks, ending with this one")]


@router.get("/v1/workplaces/<workplace_id>/pulse", tags=["viewer"])
def pulse(workplace_id: str, caller: Viewer, services: Svc, weeks: Weeks = 12) -> PulseAnswer:
    """The weekly pulse: figures under anonymity, organisation trend, prompt and sentences."""
    workplace = require_workplace(services.store, workplace_id)
    found = workplace_pulse(services.store, workplace, weeks, services.settings(), services.now())
    return PulseAnswer.model_validate(found)


@router.get(
    "/v1/workplaces/<workplace_id>/pulse.csv",
    tags=["viewer"],
    responses=file_answer("text/csv", "The weekly figures, semicolon-separated"),
)
def pulse_as_csv(workplace_id: str, caller: Viewer, services: Svc, weeks: Weeks = 12):
    """The weekly figures as CSV for a spreadsheet."""
    workplace = require_workplace(services.store, workplace_id)
    body = pulse_csv(services.store, workplace, weeks, services.settings(), services.now())
    return Response(
        status_code=200,
        content_type="text/csv; charset=utf-8",
        body=body,
        headers={"Content-Disposition": f'attachment; filename="tryghedspuls-{workplace.id}.csv"'},
    )


@router.get(
    "/v1/workplaces/<workplace_id>/pulse.pdf",
    tags=["viewer"],
    responses=file_answer("application/pdf", "The week on one A4 page"),
)
def pulse_as_pdf(
    workplace_id: str,
    caller: Viewer,
    services: Svc,
    week: Annotated[
        str | None, Query(description="ISO week, e.g. 2026-W48; default: this week")
    ] = None,
    lang: Annotated[Literal["da", "en"], Query(description="Language of the page")] = "da",
):
    """One week on one A4 page for the noticeboard: figures, charts, sentences, questions."""
    # fpdf2: ~0.2 s of every viewer cold start, paid only for the printed page.
    from functions.report.printout import pdf_file_name, pulse_pdf  # noqa: PLC0415

    workplace = require_workplace(services.store, workplace_id)
    now = services.now()
    body = pulse_pdf(
        services.store, workplace, week, services.settings(), services.content, lang, now
    )
    shown = week or current_week(now)
    return Response(
        status_code=200,
        content_type="application/pdf",
        body=body,
        headers={"Content-Disposition": f'inline; filename="{pdf_file_name(workplace, shown)}"'},
    )


@router.get("/v1/content", tags=["public"])
def content(services: Svc) -> ContentAnswer:
    """The agreed texts: definition, behaviours, question, prompts, next step, OLFA (da and en)."""
    return ContentAnswer.model_validate(services.content)
