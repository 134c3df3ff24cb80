"""`serve --demo`: a demo workplace with a few months of plausible synthetic weeks, clearly marked.

The data is made up (a slowly improving team with a dip before Christmas) so a new user sees a
living dashboard at once. It goes through the same Store port as real check-ins.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from functions.api.services import Services
from functions.domain.credentials import new_id
from functions.domain.models import CheckinToRecord, CompletionStatus, CompletionToRecord, Workplace
from functions.domain.pairing import make_viewer_token
from functions.domain.prompts import prompt_of_week
from functions.domain.release import release_weeks
from functions.domain.weeks import current_week, shift_week

DEMO_AREA = "Demo (opdigtede data)"
DEMO_TEAMS = [
    ("Demo: Solsikken", 14, 6.4),
    ("Demo: Hjemmeplejen Nord", 9, 5.6),
    ("Demo: Lille team", 3, 7.0),
]
DEMO_SENTENCES = [
    "holder fast i vores morgenmøde, også når der er travlt",
    "siger det højt, når vi er i tvivl",
    "spørger ind til hinandens dag",
    "tager os tid til at lytte færdigt",
    "deler de fejl, vi lærer af, på personalemødet",
    "husker at sige tak for hjælpen",
]


def fill_demo(services: Services, weeks: int = 16, seed: int = 7) -> list[DemoTeam]:
    """Create the demo workplaces once; return each new one with a viewer token."""
    store, now = services.store, services.now()
    existing = {w.name for w in store.list_workplaces()}
    rng = random.Random(seed)  # the same demo every time
    made = []
    for name, per_week, level in DEMO_TEAMS:
        if name in existing:
            continue
        workplace = Workplace(id="demo-" + new_id()[:7], name=name, area=DEMO_AREA)
        store.create_workplace(workplace)
        this_week = current_week(now)
        for back in range(weeks - 1, -1, -1):
            week = shift_week(this_week, -back)
            drift = (weeks - back) * 0.05 - (0.8 if back in (4, 5) else 0)
            taps = [
                _score(rng, level + drift)
                for _ in range(per_week + rng.randint(-(per_week // 3), per_week // 3))
            ]
            expiry = int((now + timedelta(days=40)).timestamp()) // 86400 * 86400
            store.record_checkins(
                workplace.id,
                [
                    CheckinToRecord(event_id=new_id(), week=week, score=s, marker_expires_at=expiry)
                    for s in taps
                ],
            )
            release_weeks(store, workplace.id, [week], services.settings().anonymity_threshold)
        prompt = prompt_of_week(store, this_week, workplace.id)
        if prompt:
            store.record_completions(
                workplace.id,
                [
                    CompletionToRecord(
                        event_id=new_id(),
                        completion_id=new_id(),
                        week=this_week,
                        prompt_id=prompt.id,
                        text=text,
                        status=CompletionStatus.VISIBLE,
                        marker_expires_at=expiry,
                    )
                    for text in rng.sample(DEMO_SENTENCES, 4)
                ],
            )
        _record, token = make_viewer_token(store, workplace.id, now)
        made.append(DemoTeam(name=name, workplace_id=workplace.id, viewer_token=token))
    return made


@dataclass(frozen=True)
class DemoTeam:
    """A demo workplace just made, and the token of its viewer link."""

    name: str
    workplace_id: str
    viewer_token: str

    def pulse_path(self) -> str:
        """The viewer link's path and query, as the admin console makes it."""
        return f"/pulse?token={self.viewer_token}&workplace={self.workplace_id}"


def _score(rng: random.Random, centre: float) -> int:
    return min(10, max(1, round(rng.gauss(centre, 1.6))))
