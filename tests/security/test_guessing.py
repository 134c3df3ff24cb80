"""Pairing codes and tokens resist guessing: wrong pairing codes are limited for everyone at once,
and what a limited guesser can hope for is computed; tokens carry 256 random bits and only their
SHA-256 is stored (checked in the real SQLite file, its WAL and the server's log)."""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from pathlib import Path

from functions.domain.credentials import PAIRING_ALPHABET, PAIRING_LENGTH, new_token
from functions.domain.pairing import ATTEMPT_WINDOW_SECONDS, MAX_FAILED_ATTEMPTS
from tests.security.conftest import pair

CODES = len(PAIRING_ALPHABET) ** PAIRING_LENGTH
LIVE_CODES = 10  # far more codes than an organisation has open at any moment


def guesses_per_year() -> int:
    """Wrong codes anyone may try in a year: the limit, every window, all year."""
    return MAX_FAILED_ATTEMPTS * (365 * 24 * 3600 // ATTEMPT_WINDOW_SECONDS)


def test_a_guesser_with_a_year_of_tries_hits_a_live_code_less_than_once_in_ten_thousand():
    # 31 characters, 8 of them: ~8.5e11 codes; 30 guesses per 15 minutes is 1,051,200 a year
    assert CODES > 8.5e11
    chance = guesses_per_year() * LIVE_CODES / CODES
    assert chance < 1e-4, f"{chance:.1e}"


def test_wrong_codes_are_limited_for_everyone_until_the_window_passes(api, clock):
    # Given a right code waiting, and guessers (we keep no addresses, so all count as one)
    workplace = api.workplace()
    code = api.post(f"/v1/workplaces/{workplace}/pairing-codes").json["code"]
    clock.advance(seconds=ATTEMPT_WINDOW_SECONDS - clock.now.timestamp() % ATTEMPT_WINDOW_SECONDS)
    # When the window's limit of wrong codes is used up
    wrong = [
        api.post("/v1/pair", {"code": f"ZZZZ{n:04d}", "device_name": "g"}, token=None).status
        for n in range(MAX_FAILED_ATTEMPTS)
    ]
    assert wrong == [400] * MAX_FAILED_ATTEMPTS
    # Then every further try is a 429, even the right code, until the window ends
    late = api.post("/v1/pair", {"code": code, "device_name": "Pauserum"}, token=None)
    assert (late.status, late.json["error"]["code"]) == (429, "too_many_attempts")
    clock.advance(seconds=ATTEMPT_WINDOW_SECONDS - 1)
    assert api.post("/v1/pair", {"code": "ZZZZ9999", "device_name": "g"}, token=None).status == 429
    # And in the next window a right code pairs again
    clock.advance(seconds=1)
    fresh = api.post(f"/v1/workplaces/{workplace}/pairing-codes").json["code"]
    paired = api.post("/v1/pair", {"code": fresh, "device_name": "Pauserum"}, token=None)
    assert paired.status == 201


def test_tokens_are_256_random_bits():
    # Given many tokens
    tokens = [new_token() for _ in range(4000)]
    raw = [base64.urlsafe_b64decode(t + "=") for t in tokens]
    # Then each is 43 URL-safe characters for 32 bytes, none repeats, and the bits are balanced
    assert {len(t) for t in tokens} == {43} and {len(r) for r in raw} == {32}
    assert len(set(tokens)) == len(tokens)
    ones = sum(bin(byte).count("1") for r in raw for byte in r)
    assert abs(ones / (len(raw) * 256) - 0.5) < 0.005  # 1,024,000 bits


def test_issued_tokens_are_stored_only_as_their_sha256(server, admin, workplace):
    # Given a tablet paired and a viewer link made through the running server
    device_token = pair(admin, workplace)["device_token"]
    viewer_token = admin.post(f"/v1/workplaces/{workplace}/viewer-tokens").json()["token"]
    db = server.data_dir / "tryghedspuls.db"
    with sqlite3.connect(db) as connection:
        hashes = {row[0] for row in connection.execute("SELECT token_hash FROM tokens")}
    for token in (device_token, viewer_token):
        # Then the token is 256 bits, its SHA-256 is what the file keeps
        assert len(base64.urlsafe_b64decode(token + "=")) == 32
        assert hashlib.sha256(token.encode()).hexdigest() in hashes
        # And the token itself is nowhere: not in the file, its WAL, nor the server's log
        files = list(Path(server.data_dir).glob("tryghedspuls.db*")) + [server.log_path]
        assert not [f.name for f in files if token.encode() in f.read_bytes()]
