"""The console's rollout: the organisation file (dry run, then import), leaders, sheets, Tablets."""

from __future__ import annotations

from tests.app.screen_fakes import FakeApi, run
from tests.app.test_admin_state import WORKPLACE, signed_in

PLAN = {
    "dry_run": True,
    "created": [{"id": "n1", "name": "Åkanden", "area": "Børn", "leaders": []}],
    "updated": [],
    "unchanged": 1,
    "missing": [],
}


def test_a_chosen_file_is_a_dry_run_and_importing_it_reloads_the_workplaces():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on(
        "POST",
        "/v1/workplaces/import",
        lambda _t, body, _q: (200, PLAN | {"dry_run": body["dry_run"]}),
    )
    csv = "område;arbejdsplads;ledere\r\nBørn;Åkanden;\r\n"
    # When the admin chooses a file (as Excel saves it: with a byte order mark)
    run(state.org_import.choose("org.csv", ("\ufeff" + csv).encode("utf-8")))
    # Then the console asks for a dry run of its text and shows the plan, nothing imported yet
    assert api.called("POST", "/v1/workplaces/import") == [{"csv": csv, "dry_run": True}]
    assert state.org_import.plan["created"][0]["name"] == "Åkanden"
    # When the import is confirmed
    api.on("GET", "/v1/workplaces", (200, {"workplaces": [WORKPLACE, PLAN["created"][0]]}))
    assert run(state.org_import.apply())
    # Then the file is sent for real, the admin is told, and the list shows the new workplace
    assert api.called("POST", "/v1/workplaces/import")[-1] == {"csv": csv, "dry_run": False}
    assert notices[-1] == (False, "Importeret: 1 nye, 0 ændret.")
    assert [w["name"] for w in state.workplaces.items] == ["Solsikken", "Åkanden"]
    assert state.org_import.plan is None


def test_a_refused_file_shows_each_problem_by_line():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    details = [{"line": 3, "message": "'anna' is not an e-mail address."}]
    api.on(
        "POST",
        "/v1/workplaces/import",
        (400, {"error": {"code": "invalid_file", "message": "1 problem", "details": details}}),
    )
    run(state.org_import.choose("org.csv", b"x;y;anna\n"))
    assert state.org_import.problems == details and state.org_import.plan is None
    assert notices[-1][0] is True and "1 fejl" in notices[-1][1]


def test_a_file_that_is_not_utf8_is_refused_before_any_call():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    run(state.org_import.choose("org.csv", "Ærø".encode("cp1252")))
    assert api.called("POST", "/v1/workplaces/import") == []
    assert "CSV UTF-8" in notices[-1][1]


def test_leaders_are_saved_from_one_field():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on("PATCH", "/v1/workplaces/wp1", lambda _t, body, _q: (200, WORKPLACE | body))
    field = " mette@norddjurs.dk, jens@norddjurs.dk;ole@norddjurs.dk "
    assert run(state.workplaces.rename("wp1", "Solsikken", "Børn", field))
    [sent] = api.called("PATCH", "/v1/workplaces/wp1")
    assert sent["leaders"] == ["mette@norddjurs.dk", "jens@norddjurs.dk", "ole@norddjurs.dk"]


def test_pairing_sheets_are_asked_for_the_consoles_own_address_and_area():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    api.on("POST", "/v1/pairing-sheets", (200, {"pdf": "stand-in"}))
    state.sheets.area = "Børn"
    assert run(state.sheets.make("https://d1.cloudfront.net/#"))
    assert api.called("POST", "/v1/pairing-sheets") == [
        {"base_url": "https://d1.cloudfront.net/#", "area": "Børn"}
    ]


def test_tablets_tab_loads_the_fleet():
    api, notices = FakeApi(), []
    state = signed_in(api, notices)
    row = {"workplace_name": "Solsikken", "device_id": None, "attention": ["no_tablet"]}
    api.on("GET", "/v1/devices", (200, {"tablets": [row], "needing_attention": 1}))
    run(state.show("tablets"))
    assert state.tablets.rows == [row] and state.tablets.needing_attention == 1
