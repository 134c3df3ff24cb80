"""Who may call a route: dependencies that authenticate the bearer token and check its reach."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler import Request
from aws_lambda_powertools.event_handler.depends import Depends

from functions.api.services import Services, get_services
from functions.domain.access import authenticate, authorise
from functions.domain.models import TokenKind, TokenRecord


def _caller(request: Request, services: Services) -> TokenRecord:
    header = request.resolved_event.headers.get("authorization")
    return authenticate(services.store, header, services.now())


def device_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """A paired, unrevoked kiosk."""
    return authorise(_caller(request, services), [TokenKind.DEVICE])


def viewer_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """A viewer of the workplace in the path, or an admin."""
    workplace_id = request.path_parameters.get("workplace_id")
    return authorise(_caller(request, services), [TokenKind.VIEWER, TokenKind.ADMIN], workplace_id)


def admin_caller(
    request: Request, services: Annotated[Services, Depends(get_services)]
) -> TokenRecord:
    """An administrator."""
    return authorise(_caller(request, services), [TokenKind.ADMIN])


Device = Annotated[TokenRecord, Depends(device_caller)]
Viewer = Annotated[TokenRecord, Depends(viewer_caller)]
Admin = Annotated[TokenRecord, Depends(admin_caller)]
Svc = Annotated[Services, Depends(get_services)]
