"""Tokens, pairing codes and ids."""

import base64
import re
import uuid

from functions.domain.credentials import (
    PAIRING_ALPHABET,
    hash_token,
    new_id,
    new_pairing_code,
    new_token,
    new_token_id,
    normalise_code,
)


def test_tokens_carry_at_least_32_random_bytes():
    token = new_token()
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) >= 32
    assert new_token() != token


def test_token_hash_is_sha256_hex_and_stable():
    assert hash_token("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert hash_token("abc") != hash_token("abd")


def test_token_id_is_eight_hex_characters():
    assert re.fullmatch(r"[0-9a-f]{8}", new_token_id())


def test_pairing_codes_are_three_groups_of_four_avoiding_characters_people_mix_up():
    assert not set("0O1IL") & set(PAIRING_ALPHABET)
    group = f"[{PAIRING_ALPHABET}]{{4}}"
    for _ in range(200):
        assert re.fullmatch(f"{group}-{group}-{group}", new_pairing_code())


def test_a_typed_code_is_stored_upper_case_without_separators():
    assert normalise_code(" k7qm-3wxp ") == "K7QM3WXP"
    assert normalise_code("K7QM 3WXP") == "K7QM3WXP"
    assert normalise_code("k7qm\u20133wxp") == "K7QM3WXP"  # an en dash from autocorrect
    assert normalise_code("ｋ７ｑｍ３ｗｘｐ") == "K7QM3WXP"  # full-width keyboard


def test_a_shown_code_normalises_to_its_twelve_characters():
    code = new_pairing_code()
    assert normalise_code(code) == code.replace("-", "")
    assert len(normalise_code(code)) == 12


def test_ids_are_random_uuid4_hex():
    made = new_id()
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert uuid.UUID(made).version == 4
    assert new_id() != made
