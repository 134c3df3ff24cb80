"""Admin routes for the sentence prompts, their weekly rotation, and the completions review."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.api.answers_common import NO_CONTENT
from functions.api.answers_prompts import (
    HeldCompletion,
    PinAnswer,
    PromptAnswer,
    PromptList,
    ReviewedCompletion,
    ReviewQueue,
    RotationAnswer,
    RotationOrderAnswer,
    ScheduledWeek,
    WorkplaceCompletion,
    WorkplaceCompletions,
)
from functions.api.bodies import CompletionReview, NewPrompt, PinBody, PromptChange, RotationOrder
from functions.api.callers import Admin, Svc
from functions.domain import prompts
from functions.domain.audit import audit
from functions.domain.errors import NotFound
from functions.domain.models import CompletionStatus
from functions.domain.pairing import require_workplace
from functions.domain.weeks import current_week, parse_week

router = Router()

OptionalWeek = Annotated[str | None, Query(max_length=8, description="ISO week, e.g. 2026-W48")]
OptionalWorkplace = Annotated[str | None, Query(max_length=64)]


@router.get("/v1/prompts", tags=["admin"])
def list_prompts(caller: Admin, services: Svc) -> PromptList:
    """The prompt library, active and inactive."""
    return PromptList.model_validate({"prompts": services.store.list_prompts()})


@router.post("/v1/prompts", status_code=201, tags=["admin"])
def create_prompt(body: NewPrompt, caller: Admin, services: Svc) -> PromptAnswer:
    """Add a prompt; it joins the end of the rotation."""
    prompt = prompts.create_prompt(services.store, body.da, body.en)
    audit(services.store, caller, "prompt.create", prompt.id, services.now())
    return PromptAnswer.model_validate(prompt)


@router.patch("/v1/prompts/<prompt_id>", tags=["admin"])
def change_prompt(prompt_id: str, body: PromptChange, caller: Admin, services: Svc) -> PromptAnswer:
    """Edit a prompt's texts or (de)activate it."""
    prompt = prompts.edit_prompt(services.store, prompt_id, body.da, body.en, body.active)
    sent = sorted(body.model_dump(exclude_unset=True))
    audit(services.store, caller, "prompt.update", f"{prompt_id} {sent}", services.now())
    return PromptAnswer.model_validate(prompt)


@router.get("/v1/rotation", tags=["admin"])
def rotation(
    caller: Admin,
    services: Svc,
    weeks: Annotated[int, Query(ge=1, le=52)] = 8,
    workplace_id: OptionalWorkplace = None,
) -> RotationAnswer:
    """The rotation order and the prompt of each coming week (for all, or seen by one workplace)."""
    if workplace_id:
        require_workplace(services.store, workplace_id)
    first = current_week(services.now())
    schedule = prompts.weekly_schedule(services.store, first, weeks, workplace_id or None)
    return RotationAnswer(
        order=services.store.get_rotation(),
        schedule=[
            ScheduledWeek(
                week=week, prompt=PromptAnswer.model_validate(p) if p else None, pinned=pinned
            )
            for week, p, pinned in schedule
        ],
    )


@router.put("/v1/rotation/order", tags=["admin"])
def set_order(body: RotationOrder, caller: Admin, services: Svc) -> RotationOrderAnswer:
    """Replace the rotation order."""
    order = prompts.set_order(services.store, body.order)
    audit(services.store, caller, "rotation.order", " ".join(order), services.now())
    return RotationOrderAnswer(order=order)


@router.put("/v1/rotation/pins", tags=["admin"])
def pin(body: PinBody, caller: Admin, services: Svc) -> PinAnswer:
    """Pin a prompt to a week, for every workplace or for one."""
    if body.workplace_id:
        require_workplace(services.store, body.workplace_id)
    pinned = prompts.pin_prompt(
        services.store, parse_week(body.week), body.prompt_id, body.workplace_id or None
    )
    audit(
        services.store,
        caller,
        "rotation.pin",
        f"{pinned.week} {pinned.prompt_id} {pinned.workplace_id or 'all'}",
        services.now(),
    )
    return PinAnswer.model_validate(pinned)


@router.delete("/v1/rotation/pins", tags=["admin"], responses=NO_CONTENT)
def unpin(
    caller: Admin,
    services: Svc,
    week: Annotated[str, Query(min_length=8, max_length=8)],
    workplace_id: OptionalWorkplace = None,
):
    """Remove a pin; the week goes back to the rotation."""
    services.store.delete_pin(parse_week(week), workplace_id or None)
    audit(
        services.store, caller, "rotation.unpin", f"{week} {workplace_id or 'all'}", services.now()
    )
    return Response(status_code=204)


@router.get("/v1/completions/review", tags=["admin"])
def review_queue(caller: Admin, services: Svc) -> ReviewQueue:
    """Completions held because they seem to name a person."""
    held = services.store.list_held_completions()
    return ReviewQueue(completions=[HeldCompletion.model_validate(c) for c in held])


@router.get("/v1/workplaces/<workplace_id>/completions", tags=["admin"])
def workplace_completions(
    workplace_id: str, caller: Admin, services: Svc, week: OptionalWeek = None
) -> WorkplaceCompletions:
    """A workplace's completions of a week (default: this week), with their status."""
    require_workplace(services.store, workplace_id)
    chosen = parse_week(week) if week else current_week(services.now())
    every = tuple(CompletionStatus)
    found = services.store.list_completions(workplace_id, chosen, every)
    return WorkplaceCompletions(
        week=chosen, completions=[WorkplaceCompletion.model_validate(c) for c in found]
    )


@router.patch("/v1/completions/<completion_id>", tags=["admin"])
def review(
    completion_id: str, body: CompletionReview, caller: Admin, services: Svc
) -> ReviewedCompletion:
    """Approve (show) or hide a completion."""
    if services.store.get_completion(completion_id) is None:
        raise NotFound("No completion with that id.")
    done = services.store.set_completion_status(completion_id, CompletionStatus(body.status))
    audit(services.store, caller, f"completion.{body.status}", completion_id, services.now())
    return ReviewedCompletion.model_validate(done)
