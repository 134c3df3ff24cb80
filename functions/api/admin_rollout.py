"""Admin routes for a rollout: import the organisation, print pairing sheets, watch the tablets."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_common import file_answer
from functions.api.answers_rollout import FleetAnswer, ImportAnswer
from functions.api.bodies import OrgImportBody, PairingSheetsBody
from functions.api.callers import Admin, Svc
from functions.domain.audit import audit
from functions.domain.fleet import fleet_view
from functions.domain.org_import import import_organisation, plan_view
from functions.domain.pairing_sheets import make_sheet_pages

router = Router()


@router.post("/v1/workplaces/import", tags=["admin"])
def import_org(body: OrgImportBody, caller: Admin, services: Svc) -> ImportAnswer:
    """Create and update workplaces, areas and leaders from the organisation file (CSV text);
    a dry run only says what would change, and a file with problems changes nothing."""
    plan = import_organisation(services.store, body.csv, body.dry_run)
    if not body.dry_run:
        detail = f"{len(plan.create)} created, {len(plan.update)} updated"
        audit(services.store, caller, "organisation.import", detail, services.now())
    return ImportAnswer.model_validate(plan_view(plan, body.dry_run))


@router.post(
    "/v1/pairing-sheets",
    tags=["admin"],
    responses=file_answer("application/pdf", "A page with a pairing code per workplace"),
)
def pairing_sheets(body: PairingSheetsBody, caller: Admin, services: Svc):
    """A PDF with one page per workplace (or those of one area): a new single-use pairing code,
    valid for 14 days, as a QR code of the kiosk address and in large text."""
    # fpdf2 and segno: ~0.25 s of every admin cold start, paid only for the sheets.
    from functions.documents.pairing_sheet_pdf import pairing_sheets_pdf  # noqa: PLC0415

    pages = make_sheet_pages(services.store, body.base_url, services.now(), body.area)
    audit(
        services.store,
        caller,
        "pairing_sheet.create",
        f"{len(pages)} codes, area {body.area or 'all'!r}",
        services.now(),
    )
    return Response(
        status_code=200,
        content_type="application/pdf",
        body=pairing_sheets_pdf(pages),
        headers={"Content-Disposition": 'attachment; filename="tryghedspuls-parring.pdf"'},
    )


@router.get("/v1/devices", tags=["admin"])
def tablets(caller: Admin, services: Svc) -> FleetAnswer:
    """Every tablet across workplaces, the ones that need attention first, and workplaces
    without a tablet."""
    return FleetAnswer.model_validate(fleet_view(services.store, services.now()))
