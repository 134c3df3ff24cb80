"""Routes the kiosk calls: pairing, its weekly configuration, check-ins, completions, heartbeat."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_common import WorkplaceRef
from functions.api.answers_device import (
    BatchAnswer,
    HeartbeatAnswer,
    KioskAnswer,
    PairAnswer,
    config_version,
)
from functions.api.bodies import CheckinsBody, CompletionsBody, HeartbeatBody, PairBody
from functions.api.callers import Device, Svc
from functions.api.heartbeat_metrics import publish_heartbeat
from functions.api.services import Services
from functions.domain import pairing, recording
from functions.domain.kiosk import kiosk_week
from functions.domain.models import TokenRecord

router = Router()


@router.post("/v1/pair", status_code=201, tags=["device"])
def pair(body: PairBody, services: Svc) -> PairAnswer:
    """Pair a tablet with the workplace of a pairing code."""
    device, token, workplace = pairing.pair_device(
        services.store, body.code, body.device_name, services.now()
    )
    return PairAnswer(
        device_id=device.id, device_token=token, workplace=WorkplaceRef.model_validate(workplace)
    )


@router.get("/v1/kiosk", tags=["device"])
def kiosk(caller: Device, services: Svc) -> KioskAnswer:
    """This week's prompt, the texts and settings the kiosk shows."""
    return _kiosk_answer(caller, services)


def _kiosk_answer(caller: TokenRecord, services: Services) -> KioskAnswer:
    workplace = pairing.require_workplace(services.store, caller.workplace_id)
    week = kiosk_week(
        services.store, workplace, services.content, services.settings(), services.now()
    )
    return KioskAnswer.model_validate(week)


@router.post("/v1/checkins", tags=["device"])
def checkins(body: CheckinsBody, caller: Device, services: Svc) -> BatchAnswer:
    """Count each check-in of a batch once; one bad item never blocks the rest."""
    k = services.settings().anonymity_threshold
    outcome = recording.record_checkins(
        services.store, caller.workplace_id, body.checkins, services.now(), k, body.sent_at
    )
    return BatchAnswer.model_validate(outcome)


@router.post("/v1/completions", tags=["device"])
def completions(body: CompletionsBody, caller: Device, services: Svc) -> BatchAnswer:
    """Store each sentence completion of a batch once."""
    outcome = recording.record_completions(
        services.store,
        caller.workplace_id,
        body.completions,
        services.now(),
        services.names,
        body.sent_at,
    )
    return BatchAnswer.model_validate(outcome)


@router.post(
    "/v1/heartbeat",
    tags=["device"],
    responses={
        200: {
            "description": "With `config_version`: the current version, and the configuration "
            "when the kiosk's is not it",
            "content": {"application/json": {"model": HeartbeatAnswer}},
        },
        204: {"description": "Without `config_version` (a kiosk that fetches GET /v1/kiosk)"},
    },
)
def heartbeat(body: HeartbeatBody, caller: Device, services: Svc):  # a 204 or a HeartbeatAnswer
    """A kiosk's sign of life, how many answers wait in its outbox, how many the server refused
    since pairing and how far its clock is off."""
    pairing.record_heartbeat(
        services.store,
        caller.device_id,
        pairing.Heartbeat(
            body.app_version, body.queue_depth, body.dropped, body.clock_offset_seconds
        ),
        services.now(),
    )
    publish_heartbeat(body.dropped)
    if body.config_version is None:
        return Response(status_code=204)  # a kiosk that fetches GET /v1/kiosk itself
    # The kiosk's only regular call: it learns here whether its week changed (issue 14's cost).
    kiosk = _kiosk_answer(caller, services)
    version = config_version(kiosk)
    changed = kiosk if version != body.config_version else None
    return HeartbeatAnswer(config_version=version, kiosk=changed)
