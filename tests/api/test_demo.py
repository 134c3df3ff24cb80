"""`serve --demo` gives a new user a living dashboard, clearly marked as made up, once."""

from __future__ import annotations

from functions.local.demo import DEMO_AREA, fill_demo
from tests.api.conftest import Api


def test_demo_fills_marked_workplaces_with_weeks_once(api: Api):
    made = fill_demo(api.services, weeks=16)

    names = [team.name for team in made]
    assert names and all(name.startswith("Demo:") for name in names)
    workplaces = api.get("/v1/workplaces").json["workplaces"]
    assert {w["area"] for w in workplaces} == {DEMO_AREA}
    assert fill_demo(api.services, weeks=16) == []


def test_demo_pulse_has_a_trend_and_sentences_through_a_viewer_link(api: Api):
    team = fill_demo(api.services, weeks=16)[0]

    pulse = api.get(f"/v1/workplaces/{team.workplace_id}/pulse", token=team.viewer_token).json

    shown = [w for w in pulse["weeks"] if not w["suppressed"]]
    assert len(shown) >= 10
    assert all(1 <= w["mean"] <= 10 for w in shown)
    assert len(pulse["completions"]) == 4


def test_demo_keeps_the_small_team_under_the_threshold(api: Api):
    fill_demo(api.services, weeks=4)
    org = api.get("/v1/organisation/pulse").json
    small = next(
        w for a in org["areas"] for w in a["workplaces"] if w["name"] == "Demo: Lille team"
    )
    assert small["suppressed"] is True and small["mean"] is None
