"""Admin routes for workplaces and what hangs on them: pairing codes, tablets, viewer links."""

from __future__ import annotations

from datetime import UTC, datetime

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.api.answers_common import NO_CONTENT
from functions.api.answers_workplaces import (
    DeviceAnswer,
    DeviceList,
    NewViewerToken,
    PairingCodeAnswer,
    ViewerTokenInfo,
    ViewerTokenList,
    WorkplaceAnswer,
    WorkplaceList,
)
from functions.api.bodies import NewWorkplace, WorkplaceChange
from functions.api.callers import Admin, Svc
from functions.domain import pairing, workplaces
from functions.domain.audit import audit
from functions.domain.credentials import shown_code

router = Router()


@router.get("/v1/workplaces", tags=["admin"])
def list_workplaces(caller: Admin, services: Svc) -> WorkplaceList:
    """Every workplace."""
    return WorkplaceList.model_validate({"workplaces": services.store.list_workplaces()})


@router.post("/v1/workplaces", status_code=201, tags=["admin"])
def create_workplace(body: NewWorkplace, caller: Admin, services: Svc) -> WorkplaceAnswer:
    """Add a workplace."""
    workplace = workplaces.create_workplace(services.store, body.name, body.area, body.leaders)
    audit(
        services.store,
        caller,
        "workplace.create",
        f"{workplace.id} {workplace.name!r}",
        services.now(),
    )
    return WorkplaceAnswer.model_validate(workplace)


@router.patch("/v1/workplaces/<workplace_id>", tags=["admin"])
def change_workplace(
    workplace_id: str, body: WorkplaceChange, caller: Admin, services: Svc
) -> WorkplaceAnswer:
    """Rename a workplace, change its area, its leaders or whether its kiosk shows last week."""
    sent = body.model_dump(exclude_unset=True)
    workplace = workplaces.update_workplace(services.store, workplace_id, **sent)
    audit(
        services.store, caller, "workplace.update", f"{workplace_id} {sorted(sent)}", services.now()
    )
    return WorkplaceAnswer.model_validate(workplace)


@router.post("/v1/workplaces/<workplace_id>/pairing-codes", status_code=201, tags=["admin"])
def make_pairing_code(workplace_id: str, caller: Admin, services: Svc) -> PairingCodeAnswer:
    """A single-use code, valid for 15 minutes, that pairs one tablet with this workplace."""
    code = pairing.make_pairing_code(services.store, workplace_id, services.now())
    audit(services.store, caller, "pairing_code.create", workplace_id, services.now())
    expires = datetime.fromtimestamp(code.expires_at, UTC).isoformat().replace("+00:00", "Z")
    return PairingCodeAnswer(code=shown_code(code.code), expires_at=expires)


@router.get("/v1/workplaces/<workplace_id>/devices", tags=["admin"])
def list_devices(workplace_id: str, caller: Admin, services: Svc) -> DeviceList:
    """The tablets of a workplace with last seen, app version and waiting answers."""
    pairing.require_workplace(services.store, workplace_id)
    now = services.now()
    devices = services.store.list_devices(workplace_id)
    return DeviceList(
        devices=[DeviceAnswer.model_validate(pairing.device_view(d, now)) for d in devices]
    )


@router.delete("/v1/devices/<device_id>", tags=["admin"], responses=NO_CONTENT)
def revoke_device(device_id: str, caller: Admin, services: Svc):
    """Unpair a tablet: its token stops working at once."""
    services.store.revoke_device(device_id)
    audit(services.store, caller, "device.revoke", device_id, services.now())
    return Response(status_code=204)


@router.post("/v1/workplaces/<workplace_id>/viewer-tokens", status_code=201, tags=["admin"])
def make_viewer_token(workplace_id: str, caller: Admin, services: Svc) -> NewViewerToken:
    """A viewer link's token for one workplace (shown once)."""
    record, token = pairing.make_viewer_token(services.store, workplace_id, services.now())
    audit(
        services.store,
        caller,
        "viewer_token.create",
        f"{workplace_id} {record.token_id}",
        services.now(),
    )
    return NewViewerToken(token_id=record.token_id, token=token)


@router.get("/v1/workplaces/<workplace_id>/viewer-tokens", tags=["admin"])
def list_viewer_tokens(workplace_id: str, caller: Admin, services: Svc) -> ViewerTokenList:
    """The viewer tokens of a workplace (never the tokens themselves)."""
    pairing.require_workplace(services.store, workplace_id)
    tokens = services.store.list_viewer_tokens(workplace_id)
    return ViewerTokenList(viewer_tokens=[ViewerTokenInfo.model_validate(t) for t in tokens])


@router.delete("/v1/viewer-tokens/<token_id>", tags=["admin"], responses=NO_CONTENT)
def revoke_viewer_token(token_id: str, caller: Admin, services: Svc):
    """Revoke a viewer link."""
    services.store.revoke_viewer_token(token_id)
    audit(services.store, caller, "viewer_token.revoke", token_id, services.now())
    return Response(status_code=204)
