"""Tokens, pairing codes and devices: who may call, and how that stops at once."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from functions.domain.errors import Conflict, NotFound, PairingCodeInvalid
from tests.store.examples import (
    LATER,
    NOW,
    OTHER_WP,
    WP,
    admin_token,
    device_with_token,
    pairing_code,
    viewer_token,
)


def test_token_is_found_by_its_hash(store):
    # Given a stored viewer token
    token = viewer_token()
    store.put_token(token)
    # When it is looked up by hash
    # Then the record comes back; an unknown hash finds nothing
    assert store.find_token(token.token_hash) == token
    assert store.find_token("hash-unknown") is None


def test_token_hash_is_stored_once(store):
    # Given a stored token
    store.put_token(admin_token())
    # When the same token is stored again
    # Then that conflicts
    with pytest.raises(Conflict):
        store.put_token(admin_token())


def test_viewer_tokens_are_listed_per_workplace(store):
    # Given viewer tokens at two workplaces and an admin token
    store.put_token(viewer_token("tid-b", created_on="2026-11-21"))
    store.put_token(viewer_token("tid-a", created_on="2026-11-20"))
    store.put_token(viewer_token("tid-other", workplace_id=OTHER_WP))
    store.put_token(admin_token())
    # When one workplace's viewer tokens are listed
    listed = store.list_viewer_tokens(WP)
    # Then only its own come back, oldest first
    assert [t.token_id for t in listed] == ["tid-a", "tid-b"]


def test_revoked_viewer_token_is_revoked_at_once(store):
    # Given a viewer token
    store.put_token(viewer_token())
    # When an admin revokes it by id
    revoked = store.revoke_viewer_token("tid-viewer")
    # Then the very next lookup sees it revoked, and the list still shows it
    assert revoked == replace(viewer_token(), revoked=True)
    assert store.find_token(viewer_token().token_hash).revoked
    assert [t.revoked for t in store.list_viewer_tokens(WP)] == [True]


def test_only_viewer_tokens_are_revoked_by_id(store):
    # Given an admin token and a paired device
    store.put_token(admin_token())
    store.put_pairing_code(pairing_code())
    device, token = device_with_token()
    store.pair_device("K7Q2XR", NOW, device, token)
    # When either is revoked as a viewer token, or an unknown id is
    # Then none is found
    for token_id in ("tid-admin", token.token_id, "tid-unknown"):
        with pytest.raises(NotFound):
            store.revoke_viewer_token(token_id)
    assert not store.find_token(admin_token().token_hash).revoked


def test_pairing_creates_the_device_and_its_token(store):
    # Given a fresh pairing code
    store.put_pairing_code(pairing_code())
    device, token = device_with_token()
    # When a tablet pairs with it
    store.pair_device("K7Q2XR", NOW, device, token)
    # Then the device and its token exist, and the code is used
    assert store.get_device(device.id) == device
    assert store.find_token(token.token_hash) == token
    assert store.get_pairing_code("K7Q2XR").used


def test_pairing_code_is_single_use(store):
    # Given a code that paired one tablet
    store.put_pairing_code(pairing_code())
    store.pair_device("K7Q2XR", NOW, *device_with_token("dev-1"))
    # When a second tablet tries it
    second, second_token = device_with_token("dev-2")
    # Then it is refused and nothing of the second tablet is stored
    with pytest.raises(PairingCodeInvalid):
        store.pair_device("K7Q2XR", NOW, second, second_token)
    assert store.get_device("dev-2") is None
    assert store.find_token(second_token.token_hash) is None


def test_expired_pairing_code_is_refused(store):
    # Given a code whose time ran out
    store.put_pairing_code(pairing_code(expires_at=LATER))
    # When a tablet tries it at its expiry
    # Then it is refused
    with pytest.raises(PairingCodeInvalid):
        store.pair_device("K7Q2XR", LATER, *device_with_token())
    assert store.list_devices(WP) == []


def test_unknown_or_foreign_pairing_code_is_refused(store):
    # Given a code for another workplace
    store.put_pairing_code(pairing_code(workplace_id=OTHER_WP))
    # When a tablet pairs with it for this workplace, or with a code nobody made
    # Then both are refused alike
    for code in ("K7Q2XR", "ZZZZZZ"):
        with pytest.raises(PairingCodeInvalid):
            store.pair_device(code, NOW, *device_with_token())


def test_expired_code_is_read_as_stored(store):
    # Given a code that expired
    store.put_pairing_code(pairing_code(expires_at=NOW))
    # When it is read
    # Then its expiry says so (the caller judges it by its own clock)
    assert store.get_pairing_code("K7Q2XR") == pairing_code(expires_at=NOW)
    assert store.get_pairing_code("ZZZZZZ") is None


def test_valid_pairing_code_is_not_issued_twice(store):
    # Given a code valid for another quarter of an hour
    store.put_pairing_code(pairing_code(expires_at=int(time.time()) + 900))
    # When the same code is drawn again
    # Then that conflicts
    with pytest.raises(Conflict):
        store.put_pairing_code(pairing_code(workplace_id=OTHER_WP))


def test_expired_pairing_code_can_be_issued_again(store):
    # Given a code that expired
    store.put_pairing_code(pairing_code(expires_at=int(time.time()) - 1))
    # When the same code is drawn again for another workplace
    store.put_pairing_code(pairing_code(workplace_id=OTHER_WP, expires_at=LATER))
    # Then the new one holds
    assert store.get_pairing_code("K7Q2XR").workplace_id == OTHER_WP


def test_devices_are_listed_by_name(store):
    # Given three codes and three tablets, one at another workplace
    for code, (device_id, name, wp) in zip(
        ("AAAAAA", "BBBBBB", "CCCCCC"),
        [("dev-1", "kaffe", WP), ("dev-2", "Indgang", WP), ("dev-3", "Lager", OTHER_WP)],
        strict=True,
    ):
        store.put_pairing_code(pairing_code(code, workplace_id=wp))
        store.pair_device(code, NOW, *device_with_token(device_id, name, wp))
    # When one workplace's devices are listed
    # Then they come by name, regardless of case
    assert [d.name for d in store.list_devices(WP)] == ["Indgang", "kaffe"]


def test_heartbeat_is_noted_on_the_device(store):
    # Given a paired device
    store.put_pairing_code(pairing_code())
    store.pair_device("K7Q2XR", NOW, *device_with_token())
    # When it reports in
    store.record_heartbeat("dev-1", NOW + 60, "1.2.0", 3)
    # Then the device shows when, which version and how many answers wait on it
    seen = store.get_device("dev-1")
    assert (seen.last_seen, seen.app_version, seen.queue_depth) == (NOW + 60, "1.2.0", 3)


def test_heartbeat_keeps_what_the_kiosk_dropped_and_how_far_its_clock_is_off(store):
    # Given a paired device
    store.put_pairing_code(pairing_code())
    store.pair_device("K7Q2XR", NOW, *device_with_token())
    # When it reports 4 refused items and a clock 3 days fast, then 2 minutes slow
    store.record_heartbeat("dev-1", NOW + 60, "1.3.0", 0, dropped=4, clock_offset_seconds=259_200)
    fast = store.get_device("dev-1")
    store.record_heartbeat("dev-1", NOW + 120, "1.3.0", 0, dropped=4, clock_offset_seconds=-120)
    # Then the device holds the latest of both, in the listing too
    assert (fast.dropped, fast.clock_offset_seconds) == (4, 259_200)
    listed = store.list_devices(WP)[0]
    assert (listed.dropped, listed.clock_offset_seconds) == (4, -120)


def test_heartbeat_without_the_new_fields_leaves_them_unknown(store):
    # Given a device that once reported a wrong clock
    store.put_pairing_code(pairing_code())
    store.pair_device("K7Q2XR", NOW, *device_with_token())
    store.record_heartbeat("dev-1", NOW, "1.3.0", 0, dropped=2, clock_offset_seconds=600)
    # When an older kiosk version reports without them
    store.record_heartbeat("dev-1", NOW + 60, "1.2.0", 1)
    # Then nothing stale is shown as fresh: both are unknown
    seen = store.get_device("dev-1")
    assert (seen.dropped, seen.clock_offset_seconds, seen.queue_depth) == (None, None, 1)


def test_heartbeat_of_unknown_device_is_not_found(store):
    # Given no devices
    # When a heartbeat names one
    # Then it is not found, and no device appears
    with pytest.raises(NotFound):
        store.record_heartbeat("dev-ghost", NOW, "1.0", 0)
    assert store.get_device("dev-ghost") is None


def test_revoked_device_token_is_revoked_at_once(store):
    # Given a paired device
    store.put_pairing_code(pairing_code())
    device, token = device_with_token()
    store.pair_device("K7Q2XR", NOW, device, token)
    # When an admin revokes the device
    revoked = store.revoke_device(device.id)
    # Then device and token are revoked for the very next request
    assert revoked == replace(device, revoked=True)
    assert store.get_device(device.id).revoked
    assert store.find_token(token.token_hash).revoked
    assert [d.revoked for d in store.list_devices(WP)] == [True]


def test_revoking_unknown_device_is_not_found(store):
    # Given no devices
    # When one is revoked
    # Then it is not found
    with pytest.raises(NotFound):
        store.revoke_device("dev-ghost")
