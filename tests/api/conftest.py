"""In-process API tests: each request goes through the Lambda handler of the function owning its
route, as an API Gateway HTTP API (v2) event, on a real SQLite file, with a clock the test sets."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from functions.api import admin, device, viewer
from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.pairing import make_admin_token
from functions.local.gateway import to_http_api_event
from functions.store.sqlite import SqliteStore

ADMIN_TOKEN = "test-admin-token-" + "x" * 40
DEVICE_PATHS = ("/v1/pair", "/v1/kiosk", "/v1/checkins", "/v1/heartbeat")


@dataclass
class LambdaContext:
    """The attributes Powertools' logger reads from a Lambda context."""

    function_name: str = "tryghedspuls-test"
    memory_limit_in_mb: int = 256
    invoked_function_arn: str = "arn:aws:lambda:eu-north-1:000000000000:function:test"
    aws_request_id: str = "test-request"


def function_for(method: str, path: str):
    """The Lambda function API Gateway would route this request to (as in infra/template.yaml)."""
    if path in DEVICE_PATHS or (method == "POST" and path == "/v1/completions"):
        return device
    workplace_pulse = path.startswith("/v1/workplaces/") and path.endswith(
        ("/pulse", "/pulse.csv", "/pulse.pdf")
    )
    signed_in = path in ("/v1/signin", "/v1/me", "/v1/area-pulse")
    if workplace_pulse or signed_in or path in ("/v1/content", "/v1/openapi.json"):
        return viewer
    return admin


@dataclass
class Answer:
    """A handler's answer, decoded."""

    status: int
    headers: dict
    text: str

    @property
    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.text)


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 25, 10, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.now += timedelta(**delta)


class Api:
    """Calls the Lambda handlers in-process."""

    def __init__(self, services: Services):
        self.services = services

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        token: str | None = None,
        raw: bytes | None = None,
        headers: dict | None = None,
        query: str = "",
    ) -> Answer:
        """Send one request; `raw` sends bytes as they are, `body` as JSON."""
        all_headers = {"content-type": "application/json", **(headers or {})}
        if token:
            all_headers["authorization"] = f"Bearer {token}"
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        event = to_http_api_event(
            method,
            path,
            query.encode(),
            [(k.encode(), v.encode()) for k, v in all_headers.items()],
            data,
        )
        result = function_for(method, path).lambda_handler(event, LambdaContext())
        return Answer(result["statusCode"], result.get("headers") or {}, result.get("body") or "")

    def get(self, path: str, token: str | None = ADMIN_TOKEN, query: str = "") -> Answer:
        """GET with the admin token unless told otherwise."""
        return self.call("GET", path, token=token, query=query)

    def post(self, path: str, body: Any = None, token: str | None = ADMIN_TOKEN) -> Answer:
        """POST JSON with the admin token unless told otherwise."""
        return self.call("POST", path, body, token)

    # --- a few steps most tests need ---------------------------------------------------------
    def workplace(self, name: str = "Solsikken", area: str | None = "Børn og unge") -> str:
        """Create a workplace; its id."""
        return self.post("/v1/workplaces", {"name": name, "area": area}).json["id"]

    def paired_device(self, workplace_id: str, name: str = "Pauserum") -> str:
        """Pair a tablet with a workplace; its device token."""
        code = self.post(f"/v1/workplaces/{workplace_id}/pairing-codes").json["code"]
        answer = self.post("/v1/pair", {"code": code, "device_name": name}, token=None)
        assert answer.status == 201, answer.text
        return answer.json["device_token"]

    def viewer_token(self, workplace_id: str) -> str:
        """A viewer token for a workplace."""
        return self.post(f"/v1/workplaces/{workplace_id}/viewer-tokens").json["token"]

    def complete(self, device_token: str, *texts: str) -> Answer:
        """Send sentence completions for this week's prompt, with fresh ids."""
        prompt = self.get("/v1/kiosk", token=device_token).json["prompt"]["id"]
        moment = self.services.now().isoformat()
        items = [
            {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": t, "at": moment} for t in texts
        ]
        return self.post("/v1/completions", {"completions": items}, token=device_token)

    def check_in(self, device_token: str, *scores: int, at: datetime | None = None) -> Answer:
        """Send one batch of check-ins with fresh ids."""
        moment = (at or self.services.now()).isoformat()
        items = [{"id": str(uuid.uuid4()), "score": s, "at": moment} for s in scores]
        return self.post("/v1/checkins", {"checkins": items}, token=device_token)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(tmp_path, clock) -> Services:
    store = SqliteStore(str(tmp_path / "api.db"))
    content = load_content().as_document()
    seed_prompts(store, content["prompts"])
    built = Services(store=store, content=content, clock=clock)
    make_admin_token(store, clock(), ADMIN_TOKEN)
    use_services(built)
    yield built
    use_services(None)


@pytest.fixture
def api(services) -> Api:
    return Api(services)
