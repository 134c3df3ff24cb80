"""ApiClient: one thin, typed method per endpoint of docs/api.md, over an injected Transport.

Every error answer becomes ApiError(status, code, message); no answer at all becomes Offline.
The client holds no state but its base URL and token, so a screen can make one per token.
"""

from __future__ import annotations

import json
from typing import Any, cast
from urllib.parse import quote, urlencode

from app.client import types as t
from app.client import types_content as tc
from app.client import types_rollout as tr
from app.client import types_signin as ts
from app.client.errors import ApiError
from app.client.transport import Transport


def _seg(value: str) -> str:
    return quote(value, safe="")


class ApiClient:
    """Calls the Tryghedspuls HTTP API at `base_url` (ending in /api) with an optional token."""

    def __init__(
        self, base_url: str, transport: Transport, token: str | None = None, timeout: float = 10.0
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.transport = transport
        self.token = token
        self.timeout = timeout

    def with_token(self, token: str | None) -> ApiClient:
        """The same API and transport, speaking with another token."""
        return ApiClient(self.base_url, self.transport, token, self.timeout)

    async def _call(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: dict | None = None,
        raw=False,
        timeout: float | None = None,
    ) -> Any:
        query = {k: v for k, v in (query or {}).items() if v is not None}
        url = self.base_url + path + (f"?{urlencode(query)}" if query else "")
        headers = {"Accept": "application/json"}
        if self.token:
            if not (self.token.isascii() and self.token.isprintable()):
                # Tokens are ASCII; anything else (a typed "gæt") cannot be one, and would not
                # even fit in an HTTP header.
                raise ApiError(401, "unauthorized", "not a token")
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        response = await self.transport.request(
            method, url, headers=headers, body=data, timeout=timeout or self.timeout
        )
        if response.status >= 400:
            raise _error_of(response.status, response.body)
        if raw == "bytes":
            return response.body
        if raw:
            return response.body.decode("utf-8")
        if response.status == 204 or not response.body:
            return None
        try:
            return json.loads(response.body)
        except ValueError as exc:
            raise ApiError(response.status, "invalid_response", "answer is not JSON") from exc

    # Public
    async def content(self) -> tc.Content:
        """GET /v1/content: the content document."""
        return await self._call("GET", "/v1/content")

    async def openapi(self) -> dict:
        """GET /v1/openapi.json."""
        return await self._call("GET", "/v1/openapi.json")

    # Sign-in with a work account (issue 15)
    async def signin_facts(self) -> ts.SigninFacts:
        """GET /v1/signin: {enabled, issuer, client_id}."""
        return await self._call("GET", "/v1/signin")

    async def me(self) -> ts.Me:
        """GET /v1/me: {email, admin, workplaces: [{id, name, area}], areas}."""
        return await self._call("GET", "/v1/me")

    async def save_my_language(self, language: str) -> None:
        """PUT /v1/me/language: the signed-in person's language for the Monday e-mail."""
        await self._call("PUT", "/v1/me/language", {"language": language})

    async def area_pulse(self, area: str, week: str | None = None) -> ts.AreaPulse:
        """GET /v1/area-pulse: one area's roll-up."""
        return await self._call("GET", "/v1/area-pulse", query={"area": area, "week": week})

    async def signin_settings(self) -> ts.SigninSettings:
        """GET /v1/signin-settings (admin)."""
        return await self._call("GET", "/v1/signin-settings")

    async def update_signin_settings(self, **changes: Any) -> ts.SigninSettings:
        """PUT /v1/signin-settings (admin)."""
        return await self._call("PUT", "/v1/signin-settings", changes)

    # Device (kiosk)
    async def pair(self, code: str, device_name: str) -> t.PairResult:
        """POST /v1/pair (no token needed)."""
        body = {"code": code, "device_name": device_name}
        return await self._call("POST", "/v1/pair", body)

    async def kiosk(self) -> t.KioskConfig:
        """GET /v1/kiosk: this week's prompt, texts and settings."""
        return await self._call("GET", "/v1/kiosk")

    async def send_checkins(
        self, checkins: list[dict], sent_at: str | None = None
    ) -> t.BatchResult:
        """POST /v1/checkins with 1-100 `{id, score, at}` and the tablet's clock (`sent_at`)."""
        body = {"checkins": checkins} | ({"sent_at": sent_at} if sent_at else {})
        return await self._call("POST", "/v1/checkins", body)

    async def send_completions(
        self, completions: list[dict], sent_at: str | None = None
    ) -> t.BatchResult:
        """POST /v1/completions with 1-100 `{id, prompt_id, text, at}` and `sent_at`."""
        body = {"completions": completions} | ({"sent_at": sent_at} if sent_at else {})
        return await self._call("POST", "/v1/completions", body)

    async def heartbeat(
        self,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None:
        """POST /v1/heartbeat; `dropped` and `clock_offset_seconds` only when known."""
        body: dict = {"app_version": app_version, "queue_depth": queue_depth}
        if dropped is not None:
            body["dropped"] = dropped
        if clock_offset_seconds is not None:
            body["clock_offset_seconds"] = clock_offset_seconds
        await self._call("POST", "/v1/heartbeat", body)

    async def heartbeat_with_config(
        self,
        config_version: str,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> t.ConfigCheck | None:
        """POST /v1/heartbeat with the kiosk's configuration version: {config_version, kiosk},
        where kiosk is the new configuration, or None when `config_version` is current."""
        body: dict = {
            "app_version": app_version,
            "queue_depth": queue_depth,
            "config_version": config_version,
        }
        if dropped is not None:
            body["dropped"] = dropped
        if clock_offset_seconds is not None:
            body["clock_offset_seconds"] = clock_offset_seconds
        return await self._call("POST", "/v1/heartbeat", body)

    # Viewer (and admin)
    async def pulse(self, workplace_id: str, weeks: int = 12) -> t.Pulse:
        """GET /v1/workplaces/{id}/pulse."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/pulse"
        return await self._call("GET", path, query={"weeks": weeks})

    async def pulse_csv(self, workplace_id: str, weeks: int = 12) -> str:
        """GET /v1/workplaces/{id}/pulse.csv, as text."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/pulse.csv"
        return await self._call("GET", path, query={"weeks": weeks}, raw=True)

    async def pulse_pdf(
        self, workplace_id: str, week: str | None = None, lang: str = "da"
    ) -> bytes:
        """GET /v1/workplaces/{id}/pulse.pdf: the week on one A4 page, as bytes."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/pulse.pdf"
        return await self._call("GET", path, query={"week": week, "lang": lang}, raw="bytes")

    # Admin: workplaces, devices, viewer tokens
    async def workplaces(self) -> list[t.Workplace]:
        """GET /v1/workplaces."""
        return (await self._call("GET", "/v1/workplaces"))["workplaces"]

    async def create_workplace(self, name: str, area: str | None = None) -> t.Workplace:
        """POST /v1/workplaces."""
        body = {"name": name} | ({"area": area} if area is not None else {})
        return await self._call("POST", "/v1/workplaces", body)

    async def update_workplace(self, workplace_id: str, **changes: Any) -> t.Workplace:
        """PATCH /v1/workplaces/{id} with any of name, area, kiosk_shows_last_week."""
        return await self._call("PATCH", f"/v1/workplaces/{_seg(workplace_id)}", changes)

    async def create_pairing_code(self, workplace_id: str) -> t.PairingCode:
        """POST /v1/workplaces/{id}/pairing-codes."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/pairing-codes"
        return await self._call("POST", path)

    async def devices(self, workplace_id: str) -> list[t.DeviceInfo]:
        """GET /v1/workplaces/{id}/devices."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/devices"
        return (await self._call("GET", path))["devices"]

    async def revoke_device(self, device_id: str) -> None:
        """DELETE /v1/devices/{device_id}."""
        await self._call("DELETE", f"/v1/devices/{_seg(device_id)}")

    async def create_viewer_token(self, workplace_id: str) -> t.NewViewerToken:
        """POST /v1/workplaces/{id}/viewer-tokens (the token is shown once)."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/viewer-tokens"
        return await self._call("POST", path)

    async def viewer_tokens(self, workplace_id: str) -> list[t.ViewerTokenInfo]:
        """GET /v1/workplaces/{id}/viewer-tokens."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/viewer-tokens"
        return (await self._call("GET", path))["viewer_tokens"]

    async def revoke_viewer_token(self, token_id: str) -> None:
        """DELETE /v1/viewer-tokens/{token_id}."""
        await self._call("DELETE", f"/v1/viewer-tokens/{_seg(token_id)}")

    # Admin: rollout (organisation file, pairing sheets, the fleet of tablets)
    async def import_organisation(self, csv_text: str, dry_run: bool) -> tr.ImportResult:
        """POST /v1/workplaces/import: what the file changes (applied unless a dry run)."""
        body = {"csv": csv_text, "dry_run": dry_run}
        return await self._call("POST", "/v1/workplaces/import", body)

    async def pairing_sheets(self, base_url: str, area: str | None = None) -> bytes:
        """POST /v1/pairing-sheets: the PDF, one page per workplace (of one area)."""
        body = {"base_url": base_url} | ({"area": area} if area else {})
        # 150 pages take seconds to draw (and a code each to store): more than the usual 10 s
        return await self._call("POST", "/v1/pairing-sheets", body, raw="bytes", timeout=60.0)

    async def tablets(self) -> tr.Fleet:
        """GET /v1/devices: every tablet, the ones needing attention first."""
        return await self._call("GET", "/v1/devices")

    # Admin: prompts and rotation
    async def prompts(self) -> list[t.AdminPrompt]:
        """GET /v1/prompts."""
        return (await self._call("GET", "/v1/prompts"))["prompts"]

    async def create_prompt(self, da: str, en: str) -> t.AdminPrompt:
        """POST /v1/prompts."""
        return await self._call("POST", "/v1/prompts", {"da": da, "en": en})

    async def update_prompt(self, prompt_id: str, **changes: Any) -> t.AdminPrompt:
        """PATCH /v1/prompts/{id} with any of da, en, active."""
        return await self._call("PATCH", f"/v1/prompts/{_seg(prompt_id)}", changes)

    async def rotation(self, weeks: int = 8, workplace_id: str | None = None) -> t.Rotation:
        """GET /v1/rotation."""
        query = {"weeks": weeks, "workplace_id": workplace_id}
        return await self._call("GET", "/v1/rotation", query=query)

    async def set_rotation_order(self, order: list[str]) -> list[str]:
        """PUT /v1/rotation/order."""
        return (await self._call("PUT", "/v1/rotation/order", {"order": order}))["order"]

    async def pin_prompt(self, week: str, prompt_id: str, workplace_id: str | None = None) -> t.Pin:
        """PUT /v1/rotation/pins: pin a prompt to a week, for all or for one workplace."""
        body = {"week": week, "prompt_id": prompt_id}
        if workplace_id is not None:
            body["workplace_id"] = workplace_id
        return await self._call("PUT", "/v1/rotation/pins", body)

    async def unpin_prompt(self, week: str, workplace_id: str | None = None) -> None:
        """DELETE /v1/rotation/pins."""
        query = {"week": week, "workplace_id": workplace_id}
        await self._call("DELETE", "/v1/rotation/pins", query=query)

    # Admin: completions, organisation, settings, audit
    async def completions_for_review(self) -> list[t.ReviewCompletion]:
        """GET /v1/completions/review: completions held for review."""
        return (await self._call("GET", "/v1/completions/review"))["completions"]

    async def workplace_completions(
        self, workplace_id: str, week: str | None = None
    ) -> list[t.WorkplaceCompletion]:
        """GET /v1/workplaces/{id}/completions (default: this week)."""
        path = f"/v1/workplaces/{_seg(workplace_id)}/completions"
        return (await self._call("GET", path, query={"week": week}))["completions"]

    async def review_completion(self, completion_id: str, status: str) -> t.ReviewedCompletion:
        """PATCH /v1/completions/{id} to "visible" or "hidden"."""
        path = f"/v1/completions/{_seg(completion_id)}"
        return await self._call("PATCH", path, {"status": status})

    async def organisation_pulse(self, week: str | None = None) -> t.OrganisationPulse:
        """GET /v1/organisation/pulse (default: this week)."""
        return await self._call("GET", "/v1/organisation/pulse", query={"week": week})

    async def settings(self) -> t.Settings:
        """GET /v1/settings."""
        return await self._call("GET", "/v1/settings")

    async def update_settings(self, **changes: int) -> t.Settings:
        """PUT /v1/settings: any of anonymity_threshold, cooldown_seconds, idle_reset_seconds."""
        return await self._call("PUT", "/v1/settings", changes)

    async def open_session(self, sign_in: str | None = None) -> t.AdminSession:
        """POST /v1/admin/sessions: a 12-hour session for a sign-in link, or for this client's
        admin token."""
        body = {"sign_in": sign_in} if sign_in else {}
        return await self._call("POST", "/v1/admin/sessions", body)

    async def audit(self, limit: int = 100) -> list[t.AuditEntry]:
        """GET /v1/audit, newest first."""
        return (await self._call("GET", "/v1/audit", query={"limit": limit}))["entries"]


def _error_of(status: int, body: bytes) -> ApiError:
    """The ApiError for an error answer; a body not in our error shape still keeps its status."""
    try:
        error = cast(dict, json.loads(body))["error"]
        details = error.get("details")
        return ApiError(status, str(error["code"]), str(error.get("message", "")), details)
    except (ValueError, KeyError, TypeError):
        text = body.decode("utf-8", "replace")[:200]
        return ApiError(status, "http_error", text)
