"""Settings, workplaces, prompts and their rotation, pins, audit, attempt counters, emptiness."""

from __future__ import annotations

import pytest

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import AuditEntry, Pin, Prompt, Settings, Workplace
from tests.store.examples import OTHER_WP, WP, workplace


def test_settings_are_the_default_until_saved(store):
    # Given nothing saved
    # When settings are read, then saved and read again
    default = Settings()
    before = store.get_settings(default)
    store.put_settings(Settings(anonymity_threshold=7, cooldown_seconds=30, idle_reset_seconds=60))
    # Then the default came first, the saved ones after
    assert before == default
    assert store.get_settings(default) == Settings(7, 30, 60)


def test_workplace_is_created_once(store):
    # Given a workplace
    store.create_workplace(workplace())
    # When it is read, and created a second time
    # Then it reads back whole, and the second creation conflicts
    assert store.get_workplace(WP) == workplace()
    assert store.get_workplace("wp-unknown") is None
    with pytest.raises(Conflict):
        store.create_workplace(workplace(name="Another name"))


def test_workplaces_are_listed_by_name(store):
    # Given workplaces made out of name order
    store.create_workplace(workplace("wp-3", "værksted"))
    store.create_workplace(workplace("wp-1", "Kontor"))
    store.create_workplace(workplace("wp-2", "Lager", area=None))
    # When they are listed
    # Then they come by name, regardless of case
    assert [w.name for w in store.list_workplaces()] == ["Kontor", "Lager", "værksted"]


def test_workplace_update_replaces_its_fields(store):
    # Given a workplace with an area that shows last week on its kiosk
    store.create_workplace(workplace())
    # When it is renamed, loses its area and hides last week
    changed = Workplace(id=WP, name="Lager Syd", area=None, kiosk_shows_last_week=False)
    store.update_workplace(changed)
    # Then all of that is stored
    assert store.get_workplace(WP) == changed


def test_workplace_keeps_its_leaders_in_order(store):
    # Given a workplace with two leaders
    store.create_workplace(workplace(leaders=("a@norddjurs.dk", "b@norddjurs.dk")))
    # When one leader leaves and another comes
    store.update_workplace(workplace(leaders=("b@norddjurs.dk", "c@norddjurs.dk")))
    # Then the new list is what is read, by id and in the list, and none means none
    assert store.get_workplace(WP).leaders == ("b@norddjurs.dk", "c@norddjurs.dk")
    assert store.list_workplaces()[0].leaders == ("b@norddjurs.dk", "c@norddjurs.dk")
    store.update_workplace(workplace(leaders=()))
    assert store.get_workplace(WP).leaders == ()


def test_updating_unknown_workplace_is_not_found(store):
    # Given no workplaces
    # When one is updated
    # Then it is not found, and none appears
    with pytest.raises(NotFound):
        store.update_workplace(workplace())
    assert store.list_workplaces() == []


def test_ids_holding_key_separators_are_ids_like_any_other(store):
    # Given workplaces whose ids hold the characters keys are built with
    store.create_workplace(workplace("lager#DEV", "A"))
    store.create_workplace(workplace("lager%23DEV", "B"))
    # When they are read back, with one that does not exist
    # Then each is itself, and the missing one is simply missing
    assert store.get_workplace("lager#DEV").name == "A"
    assert store.get_workplace("lager%23DEV").name == "B"
    assert store.get_workplace("lager#") is None


def test_prompts_keep_creation_order_when_replaced(store):
    # Given three prompts made in order
    for prompt_id in ("p-b", "p-a", "p-c"):
        store.put_prompt(Prompt(id=prompt_id, da=f"da {prompt_id}", en=f"en {prompt_id}"))
    # When the first is edited and deactivated
    store.put_prompt(Prompt(id="p-b", da="ny", en="new", active=False))
    # Then the order is still creation order, with the edit in place
    assert [p.id for p in store.list_prompts()] == ["p-b", "p-a", "p-c"]
    assert store.get_prompt("p-b") == Prompt(id="p-b", da="ny", en="new", active=False)
    assert store.get_prompt("p-unknown") is None


def test_rotation_is_replaced_whole(store):
    # Given no rotation yet
    assert store.get_rotation() == []
    # When it is set twice
    store.set_rotation(["p-a", "p-b", "p-c"])
    store.set_rotation(["p-c", "p-a"])
    # Then the last order holds
    assert store.get_rotation() == ["p-c", "p-a"]


def test_pins_are_read_for_a_range_of_weeks(store):
    # Given pins for all workplaces and for one, inside and outside the range
    for pin in (
        Pin("2026-W47", "p-x"),
        Pin("2026-W48", "p-a", WP),
        Pin("2026-W48", "p-b"),
        Pin("2026-W50", "p-c", OTHER_WP),
        Pin("2026-W51", "p-y"),
    ):
        store.put_pin(pin)
    # When weeks 48-50 are read
    pins = store.list_pins("2026-W48", "2026-W50")
    # Then the range's pins come, by week, the all-workplaces pin first
    assert pins == [
        Pin("2026-W48", "p-b"),
        Pin("2026-W48", "p-a", WP),
        Pin("2026-W50", "p-c", OTHER_WP),
    ]


def test_pin_replaces_the_pin_of_its_week_and_scope(store):
    # Given a week pinned for all and for one workplace
    store.put_pin(Pin("2026-W48", "p-a"))
    store.put_pin(Pin("2026-W48", "p-b", WP))
    # When the all-workplaces pin is replaced
    store.put_pin(Pin("2026-W48", "p-c"))
    # Then the workplace pin is untouched
    assert store.list_pins("2026-W48", "2026-W48") == [
        Pin("2026-W48", "p-c"),
        Pin("2026-W48", "p-b", WP),
    ]


def test_deleting_a_pin_removes_only_that_pin(store):
    # Given a week pinned for all and for one workplace
    store.put_pin(Pin("2026-W48", "p-a"))
    store.put_pin(Pin("2026-W48", "p-b", WP))
    # When the workplace pin is deleted, twice, and a pin that never was
    store.delete_pin("2026-W48", WP)
    store.delete_pin("2026-W48", WP)
    store.delete_pin("2026-W49", None)
    # Then only the all-workplaces pin is left
    assert store.list_pins("2026-W48", "2026-W49") == [Pin("2026-W48", "p-a")]


def test_audit_lists_newest_first_up_to_the_limit(store):
    # Given entries made over three minutes
    entries = [
        AuditEntry(f"2026-11-25T10:0{m}Z", "tid-admin", "workplace.create", f"wp {m}")
        for m in range(3)
    ]
    for entry in entries:
        store.append_audit(entry)
    # When the newest two are asked for
    # Then they come newest first
    assert store.list_audit(2) == [entries[2], entries[1]]
    assert store.list_audit(10) == entries[::-1]
