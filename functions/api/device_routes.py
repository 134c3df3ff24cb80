"""Routes the kiosk calls: pairing, its weekly configuration, check-ins, completions, heartbeat."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.bodies import CheckinsBody, CompletionsBody, HeartbeatBody, PairBody
from functions.api.callers import Device, Svc
from functions.api.heartbeat_metrics import publish_heartbeat
from functions.domain import pairing, recording
from functions.domain.kiosk import config_version, kiosk_view

router = Router()


@router.post("/v1/pair", status_code=201, tags=["device"])
def pair(body: PairBody, services: Svc) -> dict:
    """Pair a tablet with the workplace of a pairing code."""
    device, token, workplace = pairing.pair_device(
        services.store, body.code, body.device_name, services.now()
    )
    return {
        "device_id": device.id,
        "device_token": token,
        "workplace": {"id": workplace.id, "name": workplace.name},
    }


@router.get("/v1/kiosk", tags=["device"])
def kiosk(caller: Device, services: Svc) -> dict:
    """This week's prompt, the texts and settings the kiosk shows."""
    workplace = pairing.require_workplace(services.store, caller.workplace_id)
    return kiosk_view(
        services.store, workplace, services.content, services.settings(), services.now()
    )


@router.post("/v1/checkins", tags=["device"])
def checkins(body: CheckinsBody, caller: Device, services: Svc) -> dict:
    """Count each check-in of a batch once; one bad item never blocks the rest."""
    k = services.settings().anonymity_threshold
    return recording.record_checkins(
        services.store, caller.workplace_id, body.checkins, services.now(), k, body.sent_at
    )


@router.post("/v1/completions", tags=["device"])
def completions(body: CompletionsBody, caller: Device, services: Svc) -> dict:
    """Store each sentence completion of a batch once."""
    return recording.record_completions(
        services.store,
        caller.workplace_id,
        body.completions,
        services.now(),
        services.names,
        body.sent_at,
    )


@router.post("/v1/heartbeat", tags=["device"])
def heartbeat(body: HeartbeatBody, caller: Device, services: Svc):
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
    workplace = pairing.require_workplace(services.store, caller.workplace_id)
    view = kiosk_view(
        services.store, workplace, services.content, services.settings(), services.now()
    )
    version = config_version(view)
    changed = view if version != body.config_version else None
    return {"config_version": version, "kiosk": changed}
