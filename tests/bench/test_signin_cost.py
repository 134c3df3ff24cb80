"""What signing in costs per request: checking an ID token (warm keys) and working out the
signed-in person's reach, measured against the same pulse read with a viewer token."""

from __future__ import annotations

import statistics
import time

import pytest

from functions.api.services import Services, use_services
from functions.api.signin import Signin
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.pairing import make_admin_token
from functions.store.sqlite import SqliteStore
from tests.api.conftest import ADMIN_TOKEN, Api
from tests.bench.figures import Figures
from tests.oidc_provider import running_provider

pytestmark = pytest.mark.slow

WORKPLACES = 100  # a municipality's worth: the reach reads every workplace's leaders


def timings(call, count: int) -> list[float]:
    """Milliseconds per call."""
    spent = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def test_cost_of_a_signed_in_request(tmp_path, bench_figures: Figures):
    with running_provider() as provider:
        provider.set_user("lea", email="lea@norddjurs.dk")
        store = SqliteStore(str(tmp_path / "bench.db"))
        content = load_content().as_document()
        seed_prompts(store, content["prompts"])
        services = Services(store=store, content=content)
        services.signin = Signin(provider.issuer, provider.client_id)
        make_admin_token(store, services.now(), ADMIN_TOKEN)
        use_services(services)
        try:
            api = Api(services)
            ids = [api.workplace(f"Sted {n}", f"Område {n % 10}") for n in range(WORKPLACES)]
            body = {"leaders": ["lea@norddjurs.dk"]}
            assert api.call("PATCH", f"/v1/workplaces/{ids[0]}", body, ADMIN_TOKEN).status == 200
            viewer, leader = api.viewer_token(ids[0]), provider.id_token("lea")
            path = f"/v1/workplaces/{ids[0]}/pulse"
            assert api.get(path, token=leader).status == 200  # warms the keys
            verify = services.signin.verifier.verify
            checks = timings(lambda: verify(leader), 2000)
            as_viewer = timings(lambda: api.get(path, token=viewer), 300)
            as_leader = timings(lambda: api.get(path, token=leader), 300)
        finally:
            use_services(None)
    added = statistics.median(as_leader) - statistics.median(as_viewer)
    bench_figures.add(
        "Sign-in (issue 15)",
        "ID token check alone (RS256, warm keys), 2,000 checks",
        f"p50 {statistics.median(checks):.2f} ms, p99 {p(checks, 99):.2f} ms",
    )
    bench_figures.add(
        "Sign-in (issue 15)",
        f"GET pulse in-process, {WORKPLACES} workplaces: viewer token vs leader's ID token",
        f"p50 {statistics.median(as_viewer):.2f} vs {statistics.median(as_leader):.2f} ms "
        f"(+{added:.2f} ms: the check plus reading leaders and sign-in settings)",
    )
    print(f"\nverify p50 {statistics.median(checks):.3f} ms; added per request {added:.3f} ms")
