"""Each person's digest language, kept by the SHA-256 of their address: on both adapters."""

from __future__ import annotations

from functions.domain.digest_recipients import address_hash

ANNA, BO = address_hash("anna@norddjurs.dk"), address_hash("bo@norddjurs.dk")


def test_no_language_is_kept_until_someone_chooses(store):
    assert store.list_languages() == {}


def test_a_chosen_language_is_kept_by_the_address_hash(store):
    # Given Anna chose English and Bo Danish
    store.put_language(ANNA, "en")
    store.put_language(BO, "da")
    # Then both come back by their hashes
    assert store.list_languages() == {ANNA: "en", BO: "da"}


def test_choosing_again_replaces_the_language(store):
    # Given Anna chose English, then Danish
    store.put_language(ANNA, "en")
    store.put_language(ANNA, "da")
    # Then one language is kept for her: the last
    assert store.list_languages() == {ANNA: "da"}


def test_forgotten_languages_are_gone_and_the_others_kept(store):
    store.put_language(ANNA, "en")
    store.put_language(BO, "en")
    # Forgetting Anna's, and one never kept, is no error and leaves Bo's
    store.delete_languages([ANNA, "f" * 64])
    assert store.list_languages() == {BO: "en"}
