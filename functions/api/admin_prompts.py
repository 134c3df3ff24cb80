"""Admin routes for the sentence prompts, their weekly rotation, and the completions review."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

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
def list_prompts(caller: Admin, services: Svc) -> dict:
    """The prompt library, active and inactive."""
    return {"prompts": [prompts.prompt_view(p) for p in services.store.list_prompts()]}


@router.post("/v1/prompts", status_code=201, tags=["admin"])
def create_prompt(body: NewPrompt, caller: Admin, services: Svc) -> dict:
    """Add a prompt; it joins the end of the rotation."""
    prompt = prompts.create_prompt(services.store, body.da, body.en)
    audit(services.store, caller, "prompt.create", prompt.id, services.now())
    return prompts.prompt_view(prompt)


@router.patch("/v1/prompts/<prompt_id>", tags=["admin"])
def change_prompt(prompt_id: str, body: PromptChange, caller: Admin, services: Svc) -> dict:
    """Edit a prompt's texts or (de)activate it."""
    prompt = prompts.edit_prompt(services.store, prompt_id, body.da, body.en, body.active)
    sent = sorted(body.model_dump(exclude_unset=True))
    audit(services.store, caller, "prompt.update", f"{prompt_id} {sent}", services.now())
    return prompts.prompt_view(prompt)


@router.get("/v1/rotation", tags=["admin"])
def rotation(
    caller: Admin,
    services: Svc,
    weeks: Annotated[int, Query(ge=1, le=52)] = 8,
    workplace_id: OptionalWorkplace = None,
) -> dict:
    """The rotation order and the prompt of each coming week (for all, or seen by one workplace)."""
    if workplace_id:
        require_workplace(services.store, workplace_id)
    first = current_week(services.now())
    schedule = prompts.weekly_schedule(services.store, first, weeks, workplace_id or None)
    return {
        "order": services.store.get_rotation(),
        "schedule": [
            {"week": week, "prompt": prompts.prompt_view(p) if p else None, "pinned": pinned}
            for week, p, pinned in schedule
        ],
    }


@router.put("/v1/rotation/order", tags=["admin"])
def set_order(body: RotationOrder, caller: Admin, services: Svc) -> dict:
    """Replace the rotation order."""
    order = prompts.set_order(services.store, body.order)
    audit(services.store, caller, "rotation.order", " ".join(order), services.now())
    return {"order": order}


@router.put("/v1/rotation/pins", tags=["admin"])
def pin(body: PinBody, caller: Admin, services: Svc) -> dict:
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
    return {"week": pinned.week, "prompt_id": pinned.prompt_id, "workplace_id": pinned.workplace_id}


@router.delete("/v1/rotation/pins", tags=["admin"])
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
def review_queue(caller: Admin, services: Svc) -> dict:
    """Completions held because they seem to name a person."""
    return {
        "completions": [
            {
                "id": c.id,
                "workplace_id": c.workplace_id,
                "week": c.week,
                "prompt_id": c.prompt_id,
                "text": c.text,
            }
            for c in services.store.list_held_completions()
        ]
    }


@router.get("/v1/workplaces/<workplace_id>/completions", tags=["admin"])
def workplace_completions(
    workplace_id: str, caller: Admin, services: Svc, week: OptionalWeek = None
) -> dict:
    """A workplace's completions of a week (default: this week), with their status."""
    require_workplace(services.store, workplace_id)
    chosen = parse_week(week) if week else current_week(services.now())
    every = tuple(CompletionStatus)
    return {
        "week": chosen,
        "completions": [
            {"id": c.id, "prompt_id": c.prompt_id, "text": c.text, "status": c.status.value}
            for c in services.store.list_completions(workplace_id, chosen, every)
        ],
    }


@router.patch("/v1/completions/<completion_id>", tags=["admin"])
def review(completion_id: str, body: CompletionReview, caller: Admin, services: Svc) -> dict:
    """Approve (show) or hide a completion."""
    if services.store.get_completion(completion_id) is None:
        raise NotFound("No completion with that id.")
    done = services.store.set_completion_status(completion_id, CompletionStatus(body.status))
    audit(services.store, caller, f"completion.{body.status}", completion_id, services.now())
    return {"id": done.id, "status": done.status.value}
