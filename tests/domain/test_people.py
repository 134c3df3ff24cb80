"""Who a signed-in person is to us: administrator, leader, area leader, from the data we hold."""

from __future__ import annotations

from functions.domain.models import SignedInPerson, SigninSettings, Workplace
from functions.domain.people import is_admin, leads, reach_of

NORD = [
    Workplace("sol", "Solsikken", "Nord", leaders=("lea@x.dk", "ole@x.dk")),
    Workplace("mælk", "Mælkebøtten", "Nord", leaders=("ole@x.dk",)),
]
SYD = [Workplace("hav", "Havet", "Syd", leaders=("ole@x.dk",)), Workplace("sø", "Søen", "Syd")]
LOOSE = [Workplace("kontor", "Kontoret", None, leaders=("ole@x.dk",))]
ALL = NORD + SYD + LOOSE


def test_a_leader_reaches_the_workplaces_that_list_their_address():
    reach = reach_of(SignedInPerson("Lea@X.dk"), ALL, SigninSettings())
    assert (reach.admin, reach.workplaces, reach.areas) == (False, ("sol",), ())
    assert reach.may_see_workplace("sol") and not reach.may_see_workplace("mælk")


def test_an_area_leader_leads_every_workplace_of_the_area():
    # Ole leads both of Nord's, one of Syd's two, and a workplace with no area
    reach = reach_of(SignedInPerson("ole@x.dk"), ALL, SigninSettings())
    assert set(reach.workplaces) == {"sol", "mælk", "hav", "kontor"}
    assert reach.areas == ("Nord",)
    assert reach.may_see_area("Nord") and not reach.may_see_area("Syd")


def test_administrators_by_configured_address_console_address_or_group():
    settings = SigninSettings(admin_emails=("it@x.dk",), admin_groups=("g-admins",))
    assert is_admin(SignedInPerson("chef@x.dk"), settings, configured=("Chef@X.dk",))
    assert is_admin(SignedInPerson("IT@x.dk"), settings)
    assert is_admin(SignedInPerson("anyone@x.dk", groups=("g-staff", "g-admins")), settings)
    assert not is_admin(SignedInPerson("anyone@x.dk", groups=("g-staff",)), settings)
    everything = reach_of(SignedInPerson("it@x.dk"), ALL, settings)
    assert everything.may_see_workplace("sø") and everything.may_see_area("Syd")


def test_someone_who_leads_nothing_reaches_nothing():
    reach = reach_of(SignedInPerson("nobody@x.dk"), ALL, SigninSettings())
    assert not reach.anything
    assert not leads(SignedInPerson("nobody@x.dk"), NORD[0])
    assert not leads(SignedInPerson("lea@x.dk"), None)
