"""The admin console's API: workplaces, prompts, rotation, review, organisation, settings, audit."""

from __future__ import annotations

from tests.api.conftest import ADMIN_TOKEN


def test_workplace_is_created_renamed_and_regrouped(api):
    created = api.post("/v1/workplaces", {"name": "  Solsikken ", "area": "Dagtilbud"})
    assert created.status == 201
    wp = created.json
    assert wp["name"] == "Solsikken" and wp["kiosk_shows_last_week"] is True
    changed = api.call(
        "PATCH",
        f"/v1/workplaces/{wp['id']}",
        {"name": "Mælkebøtten", "area": None, "kiosk_shows_last_week": False},
        ADMIN_TOKEN,
    )
    assert changed.json == {
        "id": wp["id"],
        "name": "Mælkebøtten",
        "area": None,
        "kiosk_shows_last_week": False,
        "leaders": [],
    }
    assert api.get("/v1/workplaces").json["workplaces"] == [changed.json]


def test_workplace_leaders_are_set_replaced_and_checked(api):
    # Given a workplace created with a leader typed carelessly
    created = api.post("/v1/workplaces", {"name": "Lager", "leaders": [" Mette@Norddjurs.DK "]})
    assert created.status == 201 and created.json["leaders"] == ["mette@norddjurs.dk"]
    path = f"/v1/workplaces/{created.json['id']}"
    # When the leaders are replaced, and then set to something that is no address
    replaced = api.call("PATCH", path, {"leaders": ["jens@norddjurs.dk"]}, ADMIN_TOKEN)
    refused = api.call("PATCH", path, {"leaders": ["jens@norddjurs.dk", "anna"]}, ADMIN_TOKEN)
    # Then the list is replaced whole, the bad one is refused by name, and nothing changed
    assert replaced.json["leaders"] == ["jens@norddjurs.dk"]
    assert refused.status == 400 and "'anna'" in refused.json["error"]["message"]
    assert api.get("/v1/workplaces").json["workplaces"][0]["leaders"] == ["jens@norddjurs.dk"]


def test_blank_workplace_name_is_refused(api):
    answer = api.post("/v1/workplaces", {"name": "   "})
    assert answer.status == 400
    assert api.get("/v1/workplaces").json["workplaces"] == []


def test_unknown_workplace_is_a_404(api):
    assert api.post("/v1/workplaces/nope/pairing-codes").status == 404
    assert api.get("/v1/workplaces/nope/devices").status == 404


def test_admin_routes_need_an_admin(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    viewer = api.viewer_token(wp)
    assert api.get("/v1/workplaces", token=None).status == 401
    assert api.get("/v1/workplaces", token="wrong" * 10).status == 401
    assert api.get("/v1/workplaces", token=viewer).status == 403
    assert api.get("/v1/workplaces", token=device).status == 403
    assert api.check_in(ADMIN_TOKEN, 5).status == 403


def test_new_prompt_joins_the_rotation_and_can_be_pinned(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    prompt = api.post(
        "/v1/prompts", {"da": "Vi griner sammen, når vi…", "en": "We laugh together when we…"}
    ).json
    assert prompt["active"] is True
    assert api.get("/v1/rotation").json["order"][-1] == prompt["id"]
    pinned = api.call(
        "PUT", "/v1/rotation/pins", {"week": "2026-W48", "prompt_id": prompt["id"]}, ADMIN_TOKEN
    )
    assert pinned.status == 200
    assert api.get("/v1/kiosk", token=device).json["prompt"]["id"] == prompt["id"]
    schedule = api.get("/v1/rotation", query="weeks=8").json["schedule"]
    assert len(schedule) == 8
    assert schedule[0] == {"week": "2026-W48", "prompt": prompt, "pinned": "all"}


def test_pin_for_one_workplace_leaves_the_others_alone(api):
    mine, other = api.workplace("A"), api.workplace("B")
    before = api.get("/v1/rotation").json["schedule"][0]["prompt"]["id"]
    target = next(p["id"] for p in api.get("/v1/prompts").json["prompts"] if p["id"] != before)
    api.call(
        "PUT",
        "/v1/rotation/pins",
        {"week": "2026-W48", "prompt_id": target, "workplace_id": mine},
        ADMIN_TOKEN,
    )
    assert api.get(f"/v1/workplaces/{mine}/pulse").json["prompt"]["id"] == target
    assert api.get(f"/v1/workplaces/{other}/pulse").json["prompt"]["id"] == before
    api.call(
        "DELETE", "/v1/rotation/pins", token=ADMIN_TOKEN, query=f"week=2026-W48&workplace_id={mine}"
    )
    assert api.get(f"/v1/workplaces/{mine}/pulse").json["prompt"]["id"] == before


def test_deactivated_prompt_leaves_the_rotation(api):
    first = api.get("/v1/rotation").json["order"][0]
    answer = api.call("PATCH", f"/v1/prompts/{first}", {"active": False}, ADMIN_TOKEN)
    assert answer.json["active"] is False
    assert first not in api.get("/v1/rotation").json["order"]


def test_rotation_order_must_name_active_prompts_once(api):
    order = api.get("/v1/rotation").json["order"]
    assert (
        api.call("PUT", "/v1/rotation/order", {"order": order[:1] * 2}, ADMIN_TOKEN).status == 400
    )
    assert api.call("PUT", "/v1/rotation/order", {"order": ["nope"]}, ADMIN_TOKEN).status == 400
    reversed_order = list(reversed(order))
    answer = api.call("PUT", "/v1/rotation/order", {"order": reversed_order}, ADMIN_TOKEN)
    assert answer.json == {"order": reversed_order}


def test_hidden_completion_disappears_and_approved_one_appears(api):
    wp = api.workplace()
    api.complete(api.paired_device(wp), "holder pauser sammen", "spørger Jens til råds")
    shown = api.get(f"/v1/workplaces/{wp}/completions").json["completions"]
    by_text = {c["text"]: c for c in shown}
    assert by_text["spørger Jens til råds"]["status"] == "held"
    api.call(
        "PATCH",
        f"/v1/completions/{by_text['holder pauser sammen']['id']}",
        {"status": "hidden"},
        ADMIN_TOKEN,
    )
    api.call(
        "PATCH",
        f"/v1/completions/{by_text['spørger Jens til råds']['id']}",
        {"status": "visible"},
        ADMIN_TOKEN,
    )
    texts = [c["text"] for c in api.get(f"/v1/workplaces/{wp}/pulse").json["completions"]]
    assert texts == ["spørger Jens til råds"]
    assert api.get("/v1/completions/review").json["completions"] == []


def test_organisation_pulse_never_reveals_a_small_workplace(api):
    big, small = api.workplace("Stor", "Ældre"), api.workplace("Lille", "Ældre")
    api.check_in(api.paired_device(big), 8, 8, 8, 8, 8)
    api.check_in(api.paired_device(small), 1, 1)
    org = api.get("/v1/organisation/pulse").json
    [area] = org["areas"]
    assert area["responses"] == 5 and area["mean"] == 8.0
    rows = {w["name"]: w for w in area["workplaces"]}
    assert rows["Lille"] == {
        "id": small,
        "name": "Lille",
        "responses": None,
        "mean": None,
        "suppressed": True,
    }
    assert org["organisation"]["mean"] == 8.0


def test_settings_refuse_a_threshold_below_three(api):
    assert api.call("PUT", "/v1/settings", {"anonymity_threshold": 2}, ADMIN_TOKEN).status == 400
    answer = api.call(
        "PUT", "/v1/settings", {"anonymity_threshold": 7, "cooldown_seconds": 10}, ADMIN_TOKEN
    )
    assert answer.json == {
        "anonymity_threshold": 7,
        "cooldown_seconds": 10,
        "idle_reset_seconds": 45,
    }
    assert api.get("/v1/settings").json["anonymity_threshold"] == 7


def test_every_admin_change_is_audited(api):
    wp = api.workplace()
    api.call("PUT", "/v1/settings", {"anonymity_threshold": 6}, ADMIN_TOKEN)
    entries = api.get("/v1/audit").json["entries"]
    assert [e["action"] for e in entries] == ["settings.update", "workplace.create"]
    assert entries[1]["detail"].startswith(wp)
    assert entries[0]["at"] == "2026-11-25T10:00:00Z"
    assert ADMIN_TOKEN not in str(entries)
