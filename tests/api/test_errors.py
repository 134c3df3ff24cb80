"""Bad input gets a clear JSON error with a 4xx status, and changes nothing."""

from __future__ import annotations


def test_unknown_route_is_a_json_404(api):
    answer = api.get("/v1/nothing-here")
    assert answer.status == 404
    assert answer.json["error"]["code"] == "not_found"


def test_broken_json_is_a_400(api):
    answer = api.call(
        "POST",
        "/v1/workplaces",
        raw=b'{"name": ',
        token=None,
        headers={"authorization": "Bearer x"},
    )
    assert answer.status in (400, 401)
    answer = api.call(
        "POST",
        "/v1/workplaces",
        raw=b'{"name": ',
        headers={"authorization": "Bearer " + api_admin()},
    )
    assert answer.status == 400
    assert answer.json["error"]["code"] == "invalid_request"


def test_invalid_utf8_is_a_400(api):
    answer = api.call(
        "POST",
        "/v1/workplaces",
        raw=b'{"name": "\xff\xfe"}',
        headers={"authorization": "Bearer " + api_admin()},
    )
    assert answer.status == 400


def test_wrong_content_type_is_a_415(api):
    answer = api.call(
        "POST",
        "/v1/workplaces",
        raw=b"name=x",
        headers={"authorization": "Bearer " + api_admin(), "content-type": "text/plain"},
    )
    assert answer.status == 415
    assert answer.json["error"]["code"] == "unsupported_media_type"


def test_wrong_types_are_not_coerced(api):
    answer = api.post("/v1/workplaces", {"name": 12345})
    assert answer.status == 400
    assert api.get("/v1/workplaces").json["workplaces"] == []


def api_admin() -> str:
    from tests.api.conftest import ADMIN_TOKEN

    return ADMIN_TOKEN
