"""Routes for signed-in leaders (and administrators): who am I, an area's roll-up, and the
public facts the app needs to start a sign-in."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.api.answers_common import AreaFigures, WorkplaceBrief
from functions.api.answers_viewer import AreaPulseAnswer, MeAnswer, SigninFacts
from functions.api.callers import Person, Svc
from functions.domain.errors import Forbidden, NotFound
from functions.domain.languages import stored_language
from functions.domain.pulse import organisation_pulse
from functions.domain.weeks import current_week, parse_week

router = Router()


@router.get("/v1/signin", tags=["public"])
def signin_facts(services: Svc) -> SigninFacts:
    """Whether sign-in with a work account is on, and the provider's issuer and our client id."""
    signin = services.signin
    if signin is None:
        return SigninFacts(enabled=False, issuer=None, client_id=None)
    return SigninFacts(enabled=True, issuer=signin.issuer, client_id=signin.client_id)


@router.get("/v1/me", tags=["viewer"])
def me(caller: Person, services: Svc) -> MeAnswer:
    """The signed-in person: administrator or not, the workplaces and areas they may open, and
    the language they chose (the app opens in it after a sign-in)."""
    workplaces = services.store.list_workplaces()
    shown = [w for w in workplaces if caller.may_see_workplace(w.id)]
    areas = sorted({w.area for w in workplaces if w.area and caller.may_see_area(w.area)})
    return MeAnswer(
        email=caller.email or None,
        admin=caller.admin,
        workplaces=[WorkplaceBrief.model_validate(w) for w in shown],
        areas=areas,
        language=stored_language(services.store, caller.email) if caller.email else None,
    )


@router.get("/v1/area-pulse", tags=["viewer"])
def area_pulse(
    caller: Person,
    services: Svc,
    area: Annotated[str, Query(min_length=1, max_length=80)],
    week: Annotated[str | None, Query(max_length=8)] = None,
) -> AreaPulseAnswer:
    """One area's roll-up and its workplaces in one week, for its area leaders and admins."""
    if not caller.may_see_area(area):
        # The same answer whether or not the area exists: its name tells a leader nothing.
        raise Forbidden("Your account does not lead every workplace of this area.")
    chosen = parse_week(week) if week else current_week(services.now())
    whole = organisation_pulse(services.store, chosen, services.settings())
    found = [a for a in whole.areas if a.area == area]
    if not found:
        raise NotFound("No such area.")
    return AreaPulseAnswer(
        week=whole.week, threshold=whole.threshold, area=AreaFigures.model_validate(found[0])
    )
