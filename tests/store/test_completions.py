"""Sentence completions are stored once, listed by week and status, and moderated via a queue."""

from __future__ import annotations

import pytest

from functions.domain.errors import NotFound
from functions.domain.models import Completion, CompletionStatus
from tests.store.examples import OTHER_WP, WEEK, WP, completion

VISIBLE, HELD, HIDDEN = CompletionStatus.VISIBLE, CompletionStatus.HELD, CompletionStatus.HIDDEN


def test_completion_is_stored_with_its_workplace_and_week(store):
    # Given a completion handed in at a workplace
    # When it is recorded
    stored = store.record_completions(WP, [completion("e1", text="vi lytter")])
    # Then it can be read back whole
    assert stored == [True]
    assert store.get_completion("c-e1") == Completion(
        id="c-e1",
        workplace_id=WP,
        week=WEEK,
        prompt_id="p-tilgaengelige",
        text="vi lytter",
        status=VISIBLE,
    )


def test_retried_completion_is_stored_once(store):
    # Given a stored completion
    store.record_completions(WP, [completion("e1")])
    # When the kiosk sends it again, alongside a new one
    stored = store.record_completions(WP, [completion("e1"), completion("e2")])
    # Then only the new one is stored
    assert stored == [False, True]
    assert len(store.list_completions(WP, WEEK, (VISIBLE,))) == 2


def test_completions_are_listed_by_workplace_week_and_status(store):
    # Given completions at two workplaces, in two weeks, visible and held
    store.record_completions(
        WP, [completion("a"), completion("b", HELD), completion("c", week="2026-W47")]
    )
    store.record_completions(OTHER_WP, [completion("d")])
    # When one workplace's week is listed by status
    visible = store.list_completions(WP, WEEK, (VISIBLE,))
    either = store.list_completions(WP, WEEK, (VISIBLE, HELD))
    # Then only that workplace's week with those statuses comes back
    assert [c.id for c in visible] == ["c-a"]
    assert sorted(c.id for c in either) == ["c-a", "c-b"]


def test_held_completion_is_in_review_queue_until_approved(store):
    # Given a completion held for review
    store.record_completions(WP, [completion("e1", HELD), completion("e2")])
    assert [c.id for c in store.list_held_completions()] == ["c-e1"]
    # When an admin approves it
    approved = store.set_completion_status("c-e1", VISIBLE)
    # Then it leaves the queue and shows in the week
    assert approved.status is VISIBLE
    assert store.list_held_completions() == []
    assert sorted(c.id for c in store.list_completions(WP, WEEK, (VISIBLE,))) == ["c-e1", "c-e2"]


def test_hidden_completion_leaves_queue_and_pulse(store):
    # Given a held completion
    store.record_completions(WP, [completion("e1", HELD)])
    # When an admin hides it
    store.set_completion_status("c-e1", HIDDEN)
    # Then it is neither queued nor visible, but kept as hidden
    assert store.list_held_completions() == []
    assert store.list_completions(WP, WEEK, (VISIBLE,)) == []
    assert store.get_completion("c-e1").status is HIDDEN


def test_completion_held_again_returns_to_the_queue(store):
    # Given a visible completion
    store.record_completions(WP, [completion("e1")])
    # When it is held after all
    store.set_completion_status("c-e1", HELD)
    # Then the queue shows it
    assert [c.status for c in store.list_held_completions()] == [HELD]


def test_unknown_completion_is_not_found(store):
    # Given no completions
    # When one is looked up or moderated
    # Then there is none
    assert store.get_completion("c-nope") is None
    with pytest.raises(NotFound):
        store.set_completion_status("c-nope", VISIBLE)
