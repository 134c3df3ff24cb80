"""The pulse page's state: finding the token and workplace, loading, and saying what went wrong."""

from __future__ import annotations

from app.client.storage import MemoryStore
from app.components.refresh_on_return import RefreshOnReturn
from app.pulse.access import ADMIN_TOKEN_KEY, TOKEN_KEY, WORKPLACE_KEY, LinkParts, parse_link
from app.pulse.meeting import step_count
from app.pulse.state import PulseState
from tests.app.screen_fakes import FakeApi, error, pulse_answer, run, week

PULSE = "/v1/workplaces/wp1/pulse"


def given_pulse_for(token: str) -> FakeApi:
    api = FakeApi()
    api.on("GET", "/v1/content", (200, {"question": {"da": "Hvor trygt?", "en": "How safe?"}}))
    answer = pulse_answer([week("2026-W47", 6, 6.0), week("2026-W48", 7, 6.5)])
    api.on("GET", PULSE, lambda tok, _b, _q: (200, answer) if tok == token else error(401, "x"))
    return api


def state_with(api: FakeApi, store: MemoryStore | None = None) -> PulseState:
    return PulseState(api_for=api.client, store=store or MemoryStore())


def test_viewer_link_opens_the_pulse_and_is_kept():
    api, store = given_pulse_for("view-1"), MemoryStore()
    state = state_with(api, store)
    run(state.open(LinkParts("view-1", "wp1")))
    assert state.phase == "ready"
    assert state.pulse["workplace"]["name"] == "Solsikken"
    assert store.data[TOKEN_KEY] == "view-1" and store.data[WORKPLACE_KEY] == "wp1"


def test_bare_pulse_address_uses_the_kept_link():
    api = given_pulse_for("view-1")
    store = MemoryStore({TOKEN_KEY: "view-1", WORKPLACE_KEY: "wp1"})
    state = state_with(api, store)
    run(state.open(LinkParts()))
    assert state.phase == "ready"


def test_without_any_token_it_asks_for_the_link():
    state = state_with(FakeApi())
    run(state.open(LinkParts()))
    assert state.phase == "need_token"


def test_revoked_link_says_so_and_is_forgotten():
    api = given_pulse_for("someone-else")
    store = MemoryStore()
    state = state_with(api, store)
    run(state.open(LinkParts("revoked", "wp1")))
    assert (state.phase, state.problem) == ("problem", "bad_token")
    assert TOKEN_KEY not in store.data


def test_link_to_another_workplace_is_forbidden():
    api = FakeApi()
    api.on("GET", PULSE, error(403, "forbidden"))
    state = state_with(api)
    run(state.open(LinkParts("view-2", "wp1")))
    assert state.problem == "forbidden"


def test_unreachable_server_offers_to_try_again():
    api = given_pulse_for("view-1")
    api.offline = True
    state = state_with(api)
    run(state.open(LinkParts("view-1", "wp1")))
    assert state.problem == "offline"
    api.offline = False
    run(state.open_again())
    assert state.phase == "ready"


def test_admin_token_chooses_among_workplaces():
    api = given_pulse_for("admin")
    api.on(
        "GET",
        "/v1/workplaces",
        (
            200,
            {
                "workplaces": [
                    {
                        "id": "wp2",
                        "name": "Åkanden",
                        "area": "Ældre",
                        "kiosk_shows_last_week": True,
                    },
                    {
                        "id": "wp1",
                        "name": "Solsikken",
                        "area": "Børn og unge",
                        "kiosk_shows_last_week": True,
                    },
                ]
            },
        ),
    )
    state = state_with(api, MemoryStore({ADMIN_TOKEN_KEY: "admin"}))
    run(state.open(LinkParts()))
    assert state.phase == "choose" and state.is_admin
    assert [w["id"] for w in state.workplaces] == ["wp1", "wp2"]  # by area, then name
    run(state.choose("wp1"))
    assert state.phase == "ready"


def test_viewer_link_without_workplace_asks_for_the_whole_link():
    api = FakeApi()
    api.on("GET", "/v1/workplaces", error(403, "forbidden"))
    state = state_with(api)
    run(state.open(LinkParts("view-1")))
    assert state.problem == "incomplete_link"


def test_pasted_link_opens_the_pulse():
    state = state_with(given_pulse_for("view-1"))
    opened = run(state.use_link("http://x/pulse?token=view-1&workplace=wp1"))
    assert opened and state.phase == "ready"
    assert run(state.use_link("   ")) is False


def test_meeting_mode_steps_stay_in_range():
    state = state_with(FakeApi())
    state.start_meeting()
    state.go(-1, step_count())
    assert state.step == 0
    for _ in range(10):
        state.go(1, step_count())
    assert state.step == step_count() - 1
    state.end_meeting()
    assert state.meeting is False


def test_csv_is_fetched_with_the_token():
    api = given_pulse_for("view-1")
    api.on("GET", "/v1/workplaces/wp1/pulse.csv", (200, "week;responses;mean\n"))
    state = state_with(api)
    run(state.open(LinkParts("view-1", "wp1")))
    assert run(state.csv()).startswith("week;")
    assert api.calls[-1][2] == "view-1"


def test_the_printable_page_is_fetched_with_the_token_in_the_pages_language():
    api = given_pulse_for("view-1")
    api.on(
        "GET",
        "/v1/workplaces/wp1/pulse.pdf",
        lambda _t, _b, query: (200, b"%PDF-" + str(query).encode()),
    )
    state = state_with(api)
    run(state.open(LinkParts("view-1", "wp1")))
    run(state.toggle_language())
    data = run(state.pdf())
    assert data.startswith(b"%PDF-") and b"'lang': ['en']" in data
    assert api.calls[-1][:3] == ("GET", "/v1/workplaces/wp1/pulse.pdf", "view-1")


def test_the_mondays_meeting_link_opens_meeting_mode():
    # Given the browser keeps the viewer's token, and the e-mail's link asks for meeting mode
    store = MemoryStore({TOKEN_KEY: "view-1", WORKPLACE_KEY: "wp1"})
    state = state_with(given_pulse_for("view-1"), store)
    run(state.open(parse_link("/pulse?workplace=wp1&meeting=1")))
    assert (state.phase, state.meeting, state.step) == ("ready", True, 0)
    # Without it the pulse opens as usual
    plain = state_with(given_pulse_for("view-1"), store)
    run(plain.open(parse_link("/pulse?workplace=wp1")))
    assert (plain.phase, plain.meeting) == ("ready", False)


def test_coming_back_to_the_tab_fetches_the_pulse_again():
    api = given_pulse_for("view-1")
    state = state_with(api)
    run(state.open(LinkParts("view-1", "wp1")))
    before = len(api.called("GET", PULSE))
    run(state.refresh())
    assert len(api.called("GET", PULSE)) == before + 1


def test_the_return_worker_refreshes_only_on_a_return():
    started = []

    class Session:
        def start(self, coro):
            started.append(coro)
            coro.close()

    async def refresh():
        return None

    worker = RefreshOnReturn(Session(), refresh)
    worker.start()  # added to the session: the screen has just loaded
    assert started == []
    worker.stop()
    worker.start()  # the browser came back
    assert len(started) == 1
