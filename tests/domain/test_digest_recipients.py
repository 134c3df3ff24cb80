"""Who gets which Monday digest: one per workplace a leader leads, one per area for someone who
leads all of an area's workplaces, the organisation for administrators; and what needs a look."""

from __future__ import annotations

from functions.domain.digest_organisation import needs_attention
from functions.domain.digest_recipients import (
    address_hash,
    admin_recipients,
    leader_recipients,
    leads_area,
)
from functions.domain.models import Workplace
from functions.domain.pulse_views import WorkplaceFigures

ANNA, BO = "anna@norddjurs.dk", "bo@norddjurs.dk"


def wp(wid: str, area: str | None, *leaders: str) -> Workplace:
    return Workplace(wid, wid.title(), area, leaders=tuple(leaders))


def digests(workplaces) -> set[tuple[str, str]]:
    return {(r.address, r.scope) for r in leader_recipients(workplaces)}


def test_a_leader_gets_one_digest_per_workplace_led():
    workplaces = [wp("a", "Børn", ANNA), wp("b", "Børn", ANNA, BO), wp("c", "Børn", BO)]
    # Anna leads two of the area's three workplaces: two digests, no area digest
    assert digests(workplaces) == {
        (ANNA, "wp:a"),
        (ANNA, "wp:b"),
        (BO, "wp:b"),
        (BO, "wp:c"),
    }


def test_leading_every_workplace_of_an_area_gives_one_area_digest():
    workplaces = [wp("a", "Børn", ANNA), wp("b", "Børn", ANNA, BO), wp("d", "Drift", ANNA)]
    assert digests(workplaces) == {(ANNA, "area:Børn"), (BO, "wp:b"), (ANNA, "wp:d")}
    [area] = [r for r in leader_recipients(workplaces) if r.kind == "area"]
    assert [w.id for w in area.workplaces] == ["a", "b"] and area.lang == "da"


def test_an_area_of_one_or_no_area_at_all_is_never_folded():
    assert not leads_area(ANNA, [wp("a", "Børn", ANNA)])
    assert digests([wp("x", None, ANNA), wp("y", None, ANNA)]) == {(ANNA, "wp:x"), (ANNA, "wp:y")}


def test_administrators_get_the_organisation_once_each():
    workplaces = [wp("a", "Børn", ANNA)]
    admins = admin_recipients(["it@norddjurs.dk", "it@norddjurs.dk"], workplaces)
    assert [(r.address, r.scope, r.kind) for r in admins] == [
        ("it@norddjurs.dk", "org", "organisation")
    ]


def test_the_sent_once_record_keeps_a_hash_not_the_address():
    digest = address_hash(ANNA)
    assert len(digest) == 64 and ANNA not in digest and "anna" not in digest
    assert address_hash(" Anna@Norddjurs.DK ") == digest
    assert address_hash(BO) != digest


def row(mean, suppressed=False):
    return WorkplaceFigures(None, mean, suppressed, id="w1", name="Solsikken")


def test_what_makes_a_workplace_need_a_look():
    assert needs_attention(row(None, suppressed=True), row(7.0)) == "few"
    assert needs_attention(row(4.9), row(5.0)) == "low"
    assert needs_attention(row(6.0), row(7.0)) == "drop"
    assert needs_attention(row(6.1), row(7.0)) is None
    assert needs_attention(row(6.0), row(None, suppressed=True)) is None
    assert needs_attention(row(5.0), None) is None
