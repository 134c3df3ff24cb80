"""Anonymity as the routes show it: for any organisation, threshold and answers, no route or export
gives a mean, a distribution or a count of a group under the threshold, and no roll-up (area,
organisation, trend) holds anything of a suppressed workplace, so nothing can be recovered by
subtracting what is shown. Compared with a model of the rules written here, not the product's.
"""

from __future__ import annotations

import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.models import CheckinToRecord, Settings
from functions.domain.pairing import make_admin_token
from functions.domain.release import release_weeks
from functions.store.sqlite import SqliteStore
from tests.api.conftest import ADMIN_TOKEN, Api, Clock

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)  # in 2026-W48
WEEKS = ["2026-W46", "2026-W47", "2026-W48"]
AREAS = [None, "Nord", "Syd"]
CONTENT = load_content().as_document()


def shown_week(week: str, scores: list[int], k: int) -> dict:
    """What may be shown of one workplace's week."""
    if len(scores) >= k:
        return {
            "week": week,
            "responses": len(scores),
            "mean": round(sum(scores) / len(scores), 2),
            "distribution": [scores.count(s) for s in range(1, 11)],
            "suppressed": False,
        }
    return {
        "week": week,
        "responses": None if scores else 0,
        "mean": None,
        "distribution": None,
        "suppressed": True,
    }


def shown_rollup(members: list[list[int]], k: int) -> dict:
    """What may be shown of a group of workplaces: only members that reach k count in."""
    counted = [s for scores in members if len(scores) >= k for s in scores]
    if counted:  # one member at k is already k answers
        return {
            "responses": len(counted),
            "mean": round(sum(counted) / len(counted), 2),
            "suppressed": False,
        }
    hidden = any(0 < len(scores) < k for scores in members)
    return {"responses": None if hidden else 0, "mean": None, "suppressed": True}


def csv_row(week: dict) -> list[str]:
    """A week as the CSV export writes it."""
    mean = "" if week["mean"] is None else f"{week['mean']:.2f}".replace(".", ",")
    counts = week["distribution"] or [""] * 10
    responses = "" if week["responses"] is None else str(week["responses"])
    return [week["week"], responses, mean, *map(str, counts)]


@st.composite
def organisations(draw):
    """A threshold, workplaces in areas, and each workplace's answers in three weeks."""
    k = draw(st.integers(3, 7))
    count = draw(st.integers(2, 6))
    areas = [draw(st.sampled_from(AREAS)) for _ in range(count)]
    small = st.lists(st.integers(1, 10), max_size=k + 3)
    answers = [[draw(small) for _ in WEEKS] for _ in range(count)]
    return k, areas, answers


def record(store: SqliteStore, workplace_id: str, week: str, scores: list[int], k: int) -> None:
    """One tablet's batch for a week, counted and released as the check-in route does it."""
    store.record_checkins(
        workplace_id,
        [CheckinToRecord(uuid.uuid4().hex, week, score, 0) for score in scores],
    )
    release_weeks(store, workplace_id, [week], k)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(organisation=organisations())
def test_no_route_shows_a_group_under_the_threshold_nor_lets_one_be_subtracted(organisation):
    k, areas, answers = organisation
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(str(Path(folder) / "anonymity.db"))
        seed_prompts(store, CONTENT["prompts"])
        store.put_settings(Settings(anonymity_threshold=k))
        services = Services(store=store, content=CONTENT, clock=Clock(NOW))
        make_admin_token(store, NOW, ADMIN_TOKEN)
        use_services(services)
        try:
            check_every_route(Api(services), store, k, areas, answers)
        finally:
            use_services(None)
            store.close()


def check_every_route(api: Api, store, k: int, areas: list, answers: list) -> None:
    # Given workplaces in areas, each with a tablet and answers in three weeks
    ids = [api.workplace(f"Sted {n}", area) for n, area in enumerate(areas)]
    devices = [api.paired_device(wp) for wp in ids]
    for wp, weeks in zip(ids, answers, strict=True):
        for week, scores in zip(WEEKS, weeks, strict=True):
            record(store, wp, week, scores, k)

    for n, wp in enumerate(ids):
        # Then a workplace's pulse and CSV show each week only from k answers
        pulse = api.get(f"/v1/workplaces/{wp}/pulse", query="weeks=3").json
        expected = [shown_week(w, s, k) for w, s in zip(WEEKS, answers[n], strict=True)]
        assert pulse["weeks"] == expected
        csv = api.get(f"/v1/workplaces/{wp}/pulse.csv", query="weeks=3").text
        assert [line.split(";") for line in csv.strip().splitlines()[1:]] == [
            csv_row(week) for week in expected
        ]
        # And its organisation trend is made of workplaces that reach k alone
        trend = [
            {"week": w, "mean": shown_rollup([a[i] for a in answers], k)["mean"]}
            for i, w in enumerate(WEEKS)
        ]
        assert pulse["organisation"] == trend
        # And the kiosk shows last week only from k answers
        last = api.get("/v1/kiosk", token=devices[n]).json["last_week"]
        last_week = shown_week(WEEKS[1], answers[n][1], k)
        if last_week["suppressed"]:
            assert last is None
        else:
            assert last == {key: last_week[key] for key in ("week", "responses", "mean")}

    for i, week in enumerate(WEEKS):
        view = api.get("/v1/organisation/pulse", query=f"week={week}").json
        everyone = [a[i] for a in answers]
        # Then the organisation and each area are rolled up from workplaces that reach k alone
        assert view["organisation"] == shown_rollup(everyone, k)
        for area in view["areas"]:
            members = [a[i] for a, ar in zip(answers, areas, strict=True) if ar == area["area"]]
            assert {key: area[key] for key in ("responses", "mean", "suppressed")} == (
                shown_rollup(members, k)
            )
            # And what a roll-up shows is exactly the sum of the workplaces it shows, so
            # subtracting them leaves nothing of a suppressed one
            shown = [w["responses"] for w in area["workplaces"] if not w["suppressed"]]
            assert (area["responses"] or 0) == sum(shown) or area["suppressed"]
            for row in area["workplaces"]:
                scores = everyone[ids.index(row["id"])]
                figures = shown_week(week, scores, k)
                assert (row["responses"], row["mean"], row["suppressed"]) == (
                    figures["responses"],
                    figures["mean"],
                    figures["suppressed"],
                )


def test_one_more_answer_cannot_be_read_off_the_live_week(api):
    # Given a week that just reached the threshold, as a viewer sees it
    workplace = api.workplace()
    device, viewer = api.paired_device(workplace), api.viewer_token(workplace)
    api.check_in(device, 4, 6, 7, 8, 9)
    before = api.get(f"/v1/workplaces/{workplace}/pulse", token=viewer).json["weeks"][-1]
    # When one more person answers, and the viewer looks again
    api.check_in(device, 2)
    after = api.get(f"/v1/workplaces/{workplace}/pulse", token=viewer).json["weeks"][-1]
    # Then the difference must not tell what that person answered
    added = [a - b for a, b in zip(after["distribution"], before["distribution"], strict=True)]
    revealed = round(after["mean"] * after["responses"] - before["mean"] * before["responses"])
    assert added != [0, 1, 0, 0, 0, 0, 0, 0, 0, 0] and revealed != 2
