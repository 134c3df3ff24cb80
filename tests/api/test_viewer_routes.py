"""What a workplace's viewers see: the weekly pulse under anonymity, and its CSV."""

from __future__ import annotations

from tests.api.conftest import ADMIN_TOKEN


def test_week_under_the_threshold_shows_no_number(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 2, 3, 9, 10)
    week = api.get(f"/v1/workplaces/{wp}/pulse", token=api.viewer_token(wp)).json["weeks"][-1]
    assert week == {
        "week": "2026-W48",
        "responses": None,
        "mean": None,
        "distribution": None,
        "suppressed": True,
    }


def test_week_at_the_threshold_shows_mean_and_distribution(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 2, 3, 9, 10, 10)
    pulse = api.get(f"/v1/workplaces/{wp}/pulse", token=api.viewer_token(wp)).json
    assert pulse["threshold"] == 5
    assert len(pulse["weeks"]) == 12
    assert pulse["weeks"][-1] == {
        "week": "2026-W48",
        "responses": 5,
        "mean": 6.8,
        "distribution": [0, 1, 1, 0, 0, 0, 0, 0, 1, 2],
        "suppressed": False,
    }
    assert pulse["organisation"][-1] == {"week": "2026-W48", "mean": 6.8}


def test_raised_threshold_suppresses_more(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 5, 5, 5, 5, 5)
    api.call("PUT", "/v1/settings", {"anonymity_threshold": 6}, ADMIN_TOKEN)
    assert api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]["suppressed"] is True


def test_viewer_of_another_workplace_is_forbidden(api):
    mine, theirs = api.workplace("A"), api.workplace("B")
    token = api.viewer_token(mine)
    assert api.get(f"/v1/workplaces/{theirs}/pulse", token=token).status == 403
    assert api.get(f"/v1/workplaces/{theirs}/pulse.csv", token=token).status == 403
    assert api.get(f"/v1/workplaces/{mine}/pulse", token=token).status == 200


def test_revoked_viewer_link_stops_working(api):
    wp = api.workplace()
    made = api.post(f"/v1/workplaces/{wp}/viewer-tokens").json
    assert (
        api.call("DELETE", f"/v1/viewer-tokens/{made['token_id']}", token=ADMIN_TOKEN).status == 204
    )
    assert api.get(f"/v1/workplaces/{wp}/pulse", token=made["token"]).status == 401


def test_csv_has_the_weekly_figures(api):
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 5, 6, 7, 8, 9)
    answer = api.get(f"/v1/workplaces/{wp}/pulse.csv", query="weeks=2")
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    lines = answer.text.strip().splitlines()
    assert lines[0].startswith("week;responses;mean")
    assert lines[-1].startswith("2026-W48;5;7,0")


def test_weeks_out_of_range_is_a_400(api):
    wp = api.workplace()
    for query in ("weeks=0", "weeks=53", "weeks=abc"):
        assert api.get(f"/v1/workplaces/{wp}/pulse", query=query).status == 400


def test_content_is_public(api):
    content = api.get("/v1/content", token=None).json
    assert len(content["prompts"]) == 6


def test_openapi_document_lists_every_route(api):
    doc = api.get("/v1/openapi.json", token=None).json
    assert "/v1/checkins" in doc["paths"]
    assert "/v1/workplaces/{workplace_id}/pulse" in doc["paths"]
    assert "/v1/rotation/pins" in doc["paths"]


class CountingStore:
    """Passes every call to the real store and counts them."""

    def __init__(self, store):
        self._store = store
        self.calls = 0

    def __getattr__(self, name):
        method = getattr(self._store, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)

        return counted


def test_pulse_costs_the_same_store_calls_for_10_and_500_checkins(api):
    wp_small, wp_large = api.workplace("Lille"), api.workplace("Stor")
    api.check_in(api.paired_device(wp_small), *([7] * 10))
    device = api.paired_device(wp_large)
    for _ in range(5):
        api.check_in(device, *([6] * 100))
    counting = CountingStore(api.services.store)
    api.services.store = counting

    api.get(f"/v1/workplaces/{wp_small}/pulse")
    small_calls, counting.calls = counting.calls, 0
    pulse = api.get(f"/v1/workplaces/{wp_large}/pulse").json

    assert pulse["weeks"][-1]["responses"] == 500
    assert counting.calls == small_calls


def test_the_live_week_moves_only_in_steps_of_the_threshold(api):
    # Given a week released at five answers
    wp = api.workplace()
    device = api.paired_device(wp)
    api.check_in(device, 4, 6, 7, 8, 9)
    # When four more people answer, one at a time
    for score in (1, 2, 3, 10):
        api.check_in(device, score)
        # Then viewers still see the five: no single answer can be read off a difference
        assert api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]["responses"] == 5
    # And the fifth new answer releases all ten
    api.check_in(device, 5)
    week = api.get(f"/v1/workplaces/{wp}/pulse").json["weeks"][-1]
    assert (week["responses"], week["mean"]) == (10, 5.5)


def test_openapi_document_promises_our_error_shape_not_422(api):
    doc = api.get("/v1/openapi.json", token=None).json
    for path in doc["paths"].values():
        for operation in path.values():
            assert "422" not in operation["responses"]
            assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
    assert doc["components"]["schemas"]["Error"]["required"] == ["error"]
