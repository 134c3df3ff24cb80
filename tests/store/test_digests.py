"""A Monday digest is claimed before it is sent, so it goes out once across restarts, retries and a
second run; a failed one can be claimed again when its retry time comes. On both adapters."""

from __future__ import annotations

from dataclasses import replace

from functions.domain.models import DigestRecord

WEEK, SCOPE, HASH = "2026-W48", "wp:solsikken", "a" * 64


def test_the_first_claim_wins_and_every_later_one_is_refused(store):
    assert store.claim_digest(WEEK, SCOPE, HASH, now=1000) is True
    # A second sender (another run, a restart) finds the claim and does not send
    assert store.claim_digest(WEEK, SCOPE, HASH, now=1001) is False
    [record] = store.list_digests(WEEK)
    assert (record.status, record.attempts, record.at) == ("claimed", 1, 1000)


def test_a_sent_digest_is_never_claimed_again(store):
    store.claim_digest(WEEK, SCOPE, HASH, now=1000)
    store.finish_digest(DigestRecord(WEEK, SCOPE, HASH, "sent", attempts=1, at=1060))
    assert store.claim_digest(WEEK, SCOPE, HASH, now=999_999) is False
    assert [r.status for r in store.list_digests(WEEK)] == ["sent"]


def test_a_failed_digest_is_claimed_again_only_once_its_retry_time_has_come(store):
    store.claim_digest(WEEK, SCOPE, HASH, now=1000)
    failed = DigestRecord(WEEK, SCOPE, HASH, "failed", 1, 1000, retry_at=1300, error="refused")
    store.finish_digest(failed)
    assert store.claim_digest(WEEK, SCOPE, HASH, now=1299) is False
    assert store.claim_digest(WEEK, SCOPE, HASH, now=1300) is True
    assert store.claim_digest(WEEK, SCOPE, HASH, now=1301) is False  # the retry is claimed once
    [record] = store.list_digests(WEEK)
    assert (record.status, record.attempts, record.at) == ("claimed", 2, 1300)


def test_records_are_kept_per_week_scope_and_recipient(store):
    other_hash = "b" * 64
    for week, scope, digest_hash in [
        (WEEK, SCOPE, HASH),
        (WEEK, SCOPE, other_hash),
        (WEEK, "area:Børn#1", HASH),
        ("2026-W49", SCOPE, HASH),
    ]:
        assert store.claim_digest(week, scope, digest_hash, now=1000) is True
    assert {(r.scope, r.recipient_hash) for r in store.list_digests(WEEK)} == {
        (SCOPE, HASH),
        (SCOPE, other_hash),
        ("area:Børn#1", HASH),
    }
    sent = replace(store.list_digests("2026-W49")[0], status="sent")
    store.finish_digest(sent)
    assert store.list_digests("2026-W49") == [sent]
    assert store.list_digests("2026-W50") == []
