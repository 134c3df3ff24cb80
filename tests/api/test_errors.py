"""Bad input gets a clear JSON error with a 4xx status, and changes nothing."""

from __future__ import annotations

from tests.api.conftest import ADMIN_TOKEN


def post_raw(api, body: bytes, content_type: str = "application/json"):
    """POST bytes as they are to the admin's workplace route."""
    headers = {"authorization": f"Bearer {ADMIN_TOKEN}", "content-type": content_type}
    return api.call("POST", "/v1/workplaces", raw=body, headers=headers)


def test_unknown_route_is_a_json_404(api):
    answer = api.get("/v1/nothing-here")
    assert answer.status == 404
    assert answer.json["error"]["code"] == "not_found"


def test_broken_json_is_a_400(api):
    answer = post_raw(api, b'{"name": ')
    assert answer.status == 400
    assert answer.json["error"]["code"] == "invalid_request"


def test_invalid_utf8_is_a_400(api):
    assert post_raw(api, b'{"name": "\xff\xfe"}').status == 400


def test_wrong_content_type_is_a_415(api):
    answer = post_raw(api, b"name=x", content_type="text/plain")
    assert answer.status == 415
    assert answer.json["error"]["code"] == "unsupported_media_type"


def test_wrong_types_are_not_coerced(api):
    answer = api.post("/v1/workplaces", {"name": 12345})
    assert answer.status == 400
    assert api.get("/v1/workplaces").json["workplaces"] == []


def test_nothing_changes_for_a_refused_request(api):
    for body in (b'{"name": ', b'{"name": "\xff"}', b'{"name": ""}'):
        post_raw(api, body)
    assert api.get("/v1/workplaces").json["workplaces"] == []


def test_an_error_never_echoes_pages_of_what_was_sent(api):
    answer = api.post(f"/v1/workplaces/{'x' * 4000}/pairing-codes")
    assert answer.status == 404
    assert len(answer.json["error"]["message"]) <= 200


def test_names_lose_control_and_direction_characters(api):
    answer = api.post("/v1/workplaces", {"name": "Sol\u202esikken\x07", "area": "Børn\u200f"})
    assert (answer.json["name"], answer.json["area"]) == ("Solsikken", "Børn")
