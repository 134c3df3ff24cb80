"""The admin console's state: signing in, workplaces, prompts, settings, and their feedback."""

from __future__ import annotations

from app.admin.organisation_state import attention, ranked
from app.admin.prompts_state import moved
from app.admin.state import AdminState
from app.client.storage import MemoryStore
from app.pulse.access import ADMIN_TOKEN_KEY
from tests.app.screen_fakes import FakeApi, error, run

SETTINGS = {"anonymity_threshold": 5, "cooldown_seconds": 30, "idle_reset_seconds": 20}
WORKPLACE = {"id": "wp1", "name": "Solsikken", "area": "Børn", "kiosk_shows_last_week": True}


def sessions(tok, body, _q):
    """The server's side of POST /v1/admin/sessions: the admin token or link "once" opens one."""
    if tok == "admin" or body == {"sign_in": "once"}:
        return 201, {"token": "session", "expires_at": "2026-11-28T18:00:00Z"}
    return error(401, "unauthorized")


def signed_in(api: FakeApi, notices: list) -> AdminState:
    api.on("POST", "/v1/admin/sessions", sessions)
    api.on(
        "GET",
        "/v1/settings",
        lambda tok, _b, _q: (200, SETTINGS) if tok == "session" else error(401, "unauthorized"),
    )
    api.on("GET", "/v1/workplaces", (200, {"workplaces": [WORKPLACE]}))
    state = AdminState(api_for=api.client, store=MemoryStore())
    state.connect(lambda text, is_error: notices.append((is_error, text)))
    assert run(state.sign_in("admin"))
    return state


def test_the_admin_token_is_traded_for_a_session_which_alone_is_kept():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    assert state.phase == "ready"
    assert run(state.store.get(ADMIN_TOKEN_KEY)) == "session"
    assert state.workplaces.items[0]["name"] == "Solsikken"


def test_a_sign_in_link_opens_the_console_once():
    # Given the link's code
    api, notices = FakeApi(), []
    signed_in(api, notices)
    state = AdminState(api_for=api.client, store=MemoryStore())
    # When the console opens with it, it holds a session
    run(state.open(None, sign_in="once"))
    assert state.phase == "ready" and run(state.store.get(ADMIN_TOKEN_KEY)) == "session"
    # And a used or unknown link says so and asks for the key
    again = AdminState(api_for=api.client, store=MemoryStore())
    run(again.open(None, sign_in="used"))
    assert (again.phase, again.problem) == ("need_token", "link_used")


def test_an_ended_session_is_forgotten_and_the_admin_asked_again():
    # Given a kept session the server no longer accepts (12 hours passed, or a rotation)
    api = FakeApi()
    api.on("GET", "/v1/settings", error(401, "unauthorized"))
    store = MemoryStore()
    run(store.set(ADMIN_TOKEN_KEY, "old-session"))
    state = AdminState(api_for=api.client, store=store)
    # When the console opens, it asks again, says why, and keeps nothing
    run(state.open(None))
    assert (state.phase, state.problem) == ("need_token", "expired")
    assert run(store.get(ADMIN_TOKEN_KEY)) is None


def test_unknown_token_says_why():
    api = FakeApi()
    api.on("POST", "/v1/admin/sessions", error(401, "unauthorized"))
    state = AdminState(api_for=api.client, store=MemoryStore())
    assert run(state.sign_in("nope")) is False
    assert (state.phase, state.problem) == ("need_token", "unknown")


def test_creating_a_workplace_confirms_and_selects_it():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on("POST", "/v1/workplaces", (201, {**WORKPLACE, "id": "wp2", "name": "Åkanden"}))
    api.on("GET", "/v1/workplaces/wp2/devices", (200, {"devices": []}))
    api.on("GET", "/v1/workplaces/wp2/viewer-tokens", (200, {"viewer_tokens": []}))
    assert run(state.workplaces.create(" Åkanden ", ""))
    assert api.called("POST", "/v1/workplaces") == [{"name": "Åkanden"}]
    assert state.workplaces.selected_id == "wp2"
    assert notices[-1] == (False, "Åkanden er oprettet.")


def test_failed_action_tells_what_to_do():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on("POST", "/v1/workplaces", error(409, "conflict"))
    assert run(state.workplaces.create("Solsikken", "")) is False
    is_error, text = notices[-1]
    assert is_error and "prøv igen" in text


def test_empty_name_is_refused_before_asking_the_api():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    assert run(state.workplaces.create("  ", "x")) is False
    assert api.called("POST", "/v1/workplaces") == []
    assert notices[-1][0] is True


def test_viewer_link_carries_origin_token_and_workplace():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on("GET", "/v1/workplaces/wp1/devices", (200, {"devices": []}))
    api.on("GET", "/v1/workplaces/wp1/viewer-tokens", (200, {"viewer_tokens": []}))
    api.on("POST", "/v1/workplaces/wp1/viewer-tokens", (201, {"token_id": "t1", "token": "abc"}))
    run(state.workplaces.select("wp1"))
    run(state.workplaces.make_viewer_link("https://puls.example"))
    assert state.workplaces.new_link == "https://puls.example/pulse?token=abc&workplace=wp1"


def test_threshold_under_three_is_refused():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    assert run(state.settings.set_threshold("2")) is False
    assert run(state.settings.set_threshold("fem")) is False
    assert api.called("PUT", "/v1/settings") == []


def test_reordering_moves_one_prompt():
    assert moved(["a", "b", "c"], "c", -1) == ["a", "c", "b"]
    assert moved(["a", "b", "c"], "a", -1) == ["a", "b", "c"]


def test_overview_puts_those_needing_attention_first():
    overview = {
        "areas": [
            {
                "area": "Ældre",
                "workplaces": [
                    {"id": "1", "name": "Fint", "responses": 9, "mean": 7.5, "suppressed": False}
                ],
            },
            {
                "area": "Børn",
                "workplaces": [
                    {"id": "2", "name": "Stille", "responses": 0, "mean": None, "suppressed": True},
                    {"id": "3", "name": "Lavt", "responses": 8, "mean": 4.2, "suppressed": False},
                    {"id": "4", "name": "Få", "responses": None, "mean": None, "suppressed": True},
                ],
            },
        ]
    }
    areas = ranked(overview)
    assert [a["area"] for a in areas] == ["Børn", "Ældre"]
    assert [w["name"] for w in areas[0]["workplaces"]] == ["Lavt", "Stille", "Få"]
    assert [attention(w) for w in areas[0]["workplaces"]] == ["low", "silent", None]


def test_the_review_tab_counts_waiting_sentences_from_any_section_and_says_so_aloud():
    # Given two sentences held for review, and an admin who signs in to the workplaces section
    from app.admin.view import _tab_label, _waiting_badge

    api, notices = FakeApi(), []
    held = [
        {"id": f"c{n}", "workplace_id": "wp1", "week": "2026-W48", "prompt_id": "modet"}
        for n in range(2)
    ]
    api.on("GET", "/v1/completions/review", (200, {"completions": held}))
    state = signed_in(api, notices)
    # Then the review tab shows a badge of 2, and its name says it for screen readers
    assert state.section == "workplaces" and state.completions.waiting == 2
    assert _waiting_badge(state).label.value == "2"
    label = _tab_label(state, "completions")
    assert label.value == "Gennemsyn"
    assert label.semantics_label == "Gennemsyn, 2 sætninger venter på godkendelse"
    # And once none wait, the badge goes and the name is plain again
    api.on("GET", "/v1/completions/review", (200, {"completions": []}))
    run(state.reload())
    assert _waiting_badge(state) is None
    assert _tab_label(state, "completions").semantics_label is None
