"""The answers of the admin routes for workplaces, tablets and viewer links
(admin_workplaces.py), and of the admin session (admin_sessions.py)."""

from __future__ import annotations

from functions.api.answers_common import Answer


class WorkplaceAnswer(Answer):
    """A workplace as an admin manages it (`leaders`: lower-case addresses, sorted)."""

    id: str
    name: str
    area: str | None
    kiosk_shows_last_week: bool
    leaders: list[str]


class WorkplaceList(Answer):
    """GET /v1/workplaces."""

    workplaces: list[WorkplaceAnswer]


class PairingCodeAnswer(Answer):
    """POST /v1/workplaces/{id}/pairing-codes: the code as shown, and when it ends (RFC 3339)."""

    code: str
    expires_at: str


class DeviceAnswer(Answer):
    """A paired tablet as an admin sees it (heartbeat fields null when it had none)."""

    device_id: str
    name: str
    paired_on: str
    last_seen: str | None
    app_version: str | None
    queue_depth: int | None
    dropped: int | None
    clock_offset_seconds: int | None
    silent: bool
    revoked: bool


class DeviceList(Answer):
    """GET /v1/workplaces/{id}/devices."""

    devices: list[DeviceAnswer]


class NewViewerToken(Answer):
    """POST /v1/workplaces/{id}/viewer-tokens: the token, shown once."""

    token_id: str
    token: str


class ViewerTokenInfo(Answer):
    """A viewer token without its secret."""

    token_id: str
    created_on: str
    revoked: bool


class ViewerTokenList(Answer):
    """GET /v1/workplaces/{id}/viewer-tokens."""

    viewer_tokens: list[ViewerTokenInfo]


class SessionAnswer(Answer):
    """POST /v1/admin/sessions: an admin session's token and when it ends (RFC 3339)."""

    token: str
    expires_at: str
