"""Which Store methods each Lambda function's routes call, found by driving every route of it
in-process (through its real lambda_handler, on SQLite) and recording the calls, so the list the
DynamoDB policy tests check cannot fall behind the code."""

from __future__ import annotations

import uuid
from pathlib import Path

from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.pairing import make_admin_token
from functions.domain.ports import Store, methods_of
from functions.store.sqlite import SqliteStore
from tests.api.conftest import ADMIN_TOKEN, Api, Clock, function_for


class RecordingStore:
    """Passes every call to the real store and notes the port methods called while `on`."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self.on = False
        self.called: set[str] = set()

    def __getattr__(self, name: str):
        method = getattr(self._store, name)
        if not callable(method) or name not in methods_of(Store):
            return method

        def recorded(*args, **kwargs):
            if self.on:
                self.called.add(name)
            return method(*args, **kwargs)

        return recorded


class RecordingApi(Api):
    """Records store calls only while a request goes to the chosen function."""

    def __init__(self, services: Services, store: RecordingStore, function) -> None:
        super().__init__(services)
        self.store, self.function, self.paths = store, function, set()

    def call(self, method: str, path: str, *args, **kwargs):
        """Send one request, recording if it belongs to the function."""
        mine = function_for(method, path) is self.function
        self.store.on = mine
        if mine:
            self.paths.add((method, path))
        try:
            return super().call(method, path, *args, **kwargs)
        finally:
            self.store.on = False


def methods_called_by(function, folder: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """(store methods, requests) of a function's routes over a working week, on SQLite."""
    store = RecordingStore(SqliteStore(str(folder / "routes.db")))
    content = load_content().as_document()
    seed_prompts(store._store, content["prompts"])
    clock = Clock()
    make_admin_token(store._store, clock(), ADMIN_TOKEN)
    services = Services(store=store, content=content, clock=clock)
    use_services(services)
    try:
        api = RecordingApi(services, store, function)
        a_week_of_kiosk_and_viewer_use(api)
        return store.called, api.paths
    finally:
        use_services(None)
        store._store.close()


def a_week_of_kiosk_and_viewer_use(api: Api) -> None:
    """A tablet pairs (after a wrong code), reads its week, sends answers twice, sentences and a
    heartbeat; a viewer reads the pulse and its CSV, the content and the API document."""
    workplace = api.workplace()
    code = api.post(f"/v1/workplaces/{workplace}/pairing-codes").json["code"]
    assert api.post("/v1/pair", {"code": "WRONG-CODE", "device_name": "x"}, token=None).status
    answer = api.post("/v1/pair", {"code": code, "device_name": "Pauserum"}, token=None)
    assert answer.status == 201, answer.text
    device = answer.json["device_token"]
    assert api.get("/v1/kiosk", token=device).status == 200
    moment = api.services.now().isoformat()
    batch = {"checkins": [{"id": str(uuid.uuid4()), "score": s, "at": moment} for s in range(1, 7)]}
    assert len(api.post("/v1/checkins", batch, token=device).json["accepted"]) == 6
    assert len(api.post("/v1/checkins", batch, token=device).json["duplicates"]) == 6
    assert len(api.complete(device, "vi hjælper hinanden").json["accepted"]) == 1
    beat = {"app_version": "1", "queue_depth": 0}
    assert api.post("/v1/heartbeat", beat, token=device).status == 204
    viewer = api.viewer_token(workplace)
    for path in (f"/v1/workplaces/{workplace}/pulse", f"/v1/workplaces/{workplace}/pulse.csv"):
        assert api.get(path, token=viewer).status == 200
    assert api.get("/v1/content", token=None).status == 200
    assert api.get("/v1/openapi.json", token=None).status == 200
