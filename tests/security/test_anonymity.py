"""Anonymity as the routes show it: for any organisation, threshold and answers, no route or export
gives a mean, a distribution or a count of a group under the threshold, and no roll-up (area,
organisation, trend) holds anything of a suppressed workplace, so nothing can be recovered by
subtracting what is shown. Compared with a model of the rules written here, not the product's.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.bootstrap import seed_prompts
from functions.domain.models import Settings
from functions.domain.pairing import make_admin_token
from functions.store.sqlite import SqliteStore
from tests.api.conftest import ADMIN_TOKEN, Api, Clock

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)  # in 2026-W48
WEEKS = ["2026-W46", "2026-W47", "2026-W48"]
AREAS = [None, "Nord", "Syd"]
CONTENT = load_content().as_document()


MOMENT = {  # a check-in time inside each week, as a kiosk sends it
    "2026-W46": datetime(2026, 11, 11, 12, tzinfo=UTC),
    "2026-W47": datetime(2026, 11, 18, 12, tzinfo=UTC),
    "2026-W48": datetime(2026, 11, 24, 12, tzinfo=UTC),
}


class Model:
    """The rules written out again: answers counted, released in steps of at least the threshold
    as it was when they came in, and shown only from the threshold as it is now."""

    def __init__(self, count: int, k: int):
        self.k = k
        self.running = [[[] for _ in WEEKS] for _ in range(count)]
        self.released = [[[] for _ in WEEKS] for _ in range(count)]

    def answers(self, n: int, i: int, scores: list[int]) -> None:
        """A batch arrives: counted, and released once k answers came since the last release."""
        self.running[n][i] = self.running[n][i] + scores
        if len(self.running[n][i]) - len(self.released[n][i]) >= self.k:
            self.released[n][i] = list(self.running[n][i])

    def week(self, n: int, i: int) -> dict:
        """What may be shown of one workplace's week."""
        scores, answered = self.released[n][i], bool(self.running[n][i])
        if len(scores) >= self.k:
            return {
                "week": WEEKS[i],
                "responses": len(scores),
                "mean": round(sum(scores) / len(scores), 2),
                "distribution": [scores.count(s) for s in range(1, 11)],
                "suppressed": False,
            }
        return {
            "week": WEEKS[i],
            "responses": None if answered else 0,
            "mean": None,
            "distribution": None,
            "suppressed": True,
        }

    def rollup(self, members: list[int], i: int) -> dict:
        """What may be shown of a group of workplaces: only members that reach k count in."""
        counted = [
            s for n in members if len(self.released[n][i]) >= self.k for s in self.released[n][i]
        ]
        if counted:  # one member at k is already k answers
            return {
                "responses": len(counted),
                "mean": round(sum(counted) / len(counted), 2),
                "suppressed": False,
            }
        answered = any(self.running[n][i] for n in members)
        return {"responses": None if answered else 0, "mean": None, "suppressed": True}


def csv_row(week: dict) -> list[str]:
    """A week as the CSV export writes it."""
    mean = "" if week["mean"] is None else f"{week['mean']:.2f}".replace(".", ",")
    counts = week["distribution"] or [""] * 10
    responses = "" if week["responses"] is None else str(week["responses"])
    return [week["week"], responses, mean, *map(str, counts)]


@st.composite
def organisations(draw):
    """A first threshold, workplaces in areas, and what happens over time: batches of answers
    from a workplace's tablet for one of three weeks, and the admin changing the threshold."""
    k = draw(st.integers(3, 7))
    count = draw(st.integers(2, 5))
    areas = [draw(st.sampled_from(AREAS)) for _ in range(count)]
    batch = st.tuples(
        st.integers(0, count - 1),
        st.integers(0, len(WEEKS) - 1),
        st.lists(st.integers(1, 10), min_size=1, max_size=8),
    )
    events = draw(st.lists(st.one_of(batch, st.integers(3, 7)), max_size=24))
    return k, areas, events


# Weeks released at k = 5, then the admin raises the threshold to 6: the workplace released at 5
# must drop out of every roll-up, though its area still shows the other one.
RAISED_AFTER_RELEASE = (
    5,
    ["Nord", "Nord", None],
    [(0, 1, [2, 3, 4, 5, 6]), (1, 1, [7, 8, 9, 9, 8, 7]), (2, 1, [1, 1, 1, 1, 1]), 6],
)


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@example(organisation=RAISED_AFTER_RELEASE)
@given(organisation=organisations())
def test_no_route_shows_a_group_under_the_threshold_nor_lets_one_be_subtracted(organisation):
    k, areas, events = organisation
    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(str(Path(folder) / "anonymity.db"))
        seed_prompts(store, CONTENT["prompts"])
        store.put_settings(Settings(anonymity_threshold=k))
        clock = Clock(NOW)
        services = Services(store=store, content=CONTENT, clock=clock)
        make_admin_token(store, NOW, ADMIN_TOKEN)
        use_services(services)
        try:
            api = Api(services)
            model = Model(len(areas), k)
            ids, devices = run(api, clock, model, areas, events)
            check_every_route(api, model, areas, ids, devices)
        finally:
            use_services(None)
            store.close()


def run(api: Api, clock: Clock, model: Model, areas: list, events: list):
    """Workplaces with a tablet each; then the events, a minute apart, through the routes."""
    ids = [api.workplace(f"Sted {n}", area) for n, area in enumerate(areas)]
    devices = [api.paired_device(wp) for wp in ids]
    for event in events:
        clock.advance(minutes=1)
        if isinstance(event, int):
            answer = api.call("PUT", "/v1/settings", {"anonymity_threshold": event}, ADMIN_TOKEN)
            assert answer.status == 200, answer.text
            model.k = event
            continue
        n, i, scores = event
        answer = api.check_in(devices[n], *scores, at=MOMENT[WEEKS[i]])
        assert answer.status == 200 and len(answer.json["accepted"]) == len(scores), answer.text
        model.answers(n, i, scores)
    return ids, devices


def check_every_route(api: Api, model: Model, areas: list, ids: list, devices: list) -> None:
    everyone = list(range(len(ids)))
    for n, wp in enumerate(ids):
        # Then a workplace's pulse and CSV show each week only from k answers
        pulse = api.get(f"/v1/workplaces/{wp}/pulse", query="weeks=3").json
        expected = [model.week(n, i) for i in range(len(WEEKS))]
        assert pulse["threshold"] == model.k
        assert pulse["weeks"] == expected
        csv = api.get(f"/v1/workplaces/{wp}/pulse.csv", query="weeks=3").text
        assert [line.split(";") for line in csv.strip().splitlines()[1:]] == [
            csv_row(week) for week in expected
        ]
        # And its organisation trend is made of workplaces that reach k alone
        trend = [
            {"week": w, "mean": model.rollup(everyone, i)["mean"]} for i, w in enumerate(WEEKS)
        ]
        assert pulse["organisation"] == trend
        # And the kiosk shows last week only from k answers
        last = api.get("/v1/kiosk", token=devices[n]).json["last_week"]
        last_week = model.week(n, 1)
        if last_week["suppressed"]:
            assert last is None
        else:
            assert last == {key: last_week[key] for key in ("week", "responses", "mean")}

    # Areas as the view lists them: by name, the workplaces without one first; members by name
    by_area = {area: [n for n in everyone if areas[n] == area] for area in set(areas)}
    listed = sorted(by_area, key=lambda area: area or "")
    for i, week in enumerate(WEEKS):
        view = api.get("/v1/organisation/pulse", query=f"week={week}").json
        # Then the organisation and each area are rolled up from workplaces that reach k alone
        assert view["organisation"] == model.rollup(everyone, i)
        # And every area and every workplace is there, each once: none dropped, none added
        assert [area["area"] for area in view["areas"]] == listed
        for area, members in zip(view["areas"], (by_area[a] for a in listed), strict=True):
            assert {key: area[key] for key in ("responses", "mean", "suppressed")} == (
                model.rollup(members, i)
            )
            rows = []
            for n in members:
                figures = model.week(n, i)
                rows.append(
                    {
                        "id": ids[n],
                        "name": f"Sted {n}",
                        "responses": figures["responses"],
                        "mean": figures["mean"],
                        "suppressed": figures["suppressed"],
                    }
                )
            assert area["workplaces"] == rows
            # And what a roll-up shows is exactly the sum of the workplaces it shows, so
            # subtracting them leaves nothing of a suppressed one
            shown = [row["responses"] for row in rows if not row["suppressed"]]
            assert area["suppressed"] or area["responses"] == sum(shown)


def test_one_more_answer_cannot_be_read_off_the_live_week(api):
    # Given a week that just reached the threshold, as a viewer and the organisation view see it
    workplace = api.workplace()
    device, viewer = api.paired_device(workplace), api.viewer_token(workplace)
    assert api.check_in(device, 4, 6, 7, 8, 9).status == 200
    path = f"/v1/workplaces/{workplace}/pulse"
    week = api.get(path, token=viewer).json["week"]
    before = api.get(path, token=viewer).json
    organisation_before = api.get("/v1/organisation/pulse", query=f"week={week}").json
    assert before["weeks"][-1]["responses"] == 5
    # When one more person answers, and the viewer looks again
    answer = api.check_in(device, 2)
    assert answer.status == 200 and len(answer.json["accepted"]) == 1
    after = api.get(path, token=viewer).json
    # Then nothing moved at all: no count, mean or distribution tells what that person answered
    assert after["weeks"] == before["weeks"]
    assert after["organisation"] == before["organisation"]
    assert api.get("/v1/organisation/pulse", query=f"week={week}").json == organisation_before
