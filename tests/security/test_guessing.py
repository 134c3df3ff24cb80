"""Pairing codes and tokens resist guessing, and nobody can lock pairing: a right code pairs
whatever wrong ones came before; wrong ones are answered late, which with the server's
connection caps bounds how fast anyone can guess, and the chance that bound leaves is computed.
Tokens carry 256 random bits and only their SHA-256 is stored (checked in the real SQLite file,
its WAL and the server's log)."""

from __future__ import annotations

import base64
import hashlib
import sqlite3
import threading
import time
from pathlib import Path

import httpx

from functions.domain.credentials import PAIRING_ALPHABET, PAIRING_LENGTH, new_token
from functions.domain.pairing import WRONG_CODE_HOLD_SECONDS
from functions.local.connection_guard import Limits
from tests.security.conftest import pair
from tests.security.store_snapshot import snapshot

CODES = len(PAIRING_ALPHABET) ** PAIRING_LENGTH
YEAR = 365 * 24 * 3600
# At most every open connection waits for one wrong answer at a time.
GUESSES_PER_SECOND = Limits().max_connections / WRONG_CODE_HOLD_SECONDS
LIVE_CODES = 1000  # e.g. 100 pairing sheets of 10 codes valid for weeks, all at once


def test_guessing_all_year_at_the_fastest_rate_hits_a_live_code_less_than_once_in_10000():
    # 31 symbols, 12 of them: ~7.9e17 codes; 1,000 answers/s is ~3.2e10 guesses a year
    assert CODES > 7.8e17
    chance = GUESSES_PER_SECOND * YEAR * LIVE_CODES / CODES
    assert chance < 1e-4, f"{chance:.1e}"


def test_a_code_valid_for_30_days_is_hit_with_less_than_one_in_100_million():
    chance = GUESSES_PER_SECOND * 30 * 24 * 3600 / CODES
    assert chance < 1e-8, f"{chance:.1e}"


def test_no_number_of_wrong_codes_stops_a_right_one(api, tmp_path):
    # Given a right code waiting, and a guesser who sent 1,000 wrong ones within a minute
    workplace = api.workplace()
    code = api.post(f"/v1/workplaces/{workplace}/pairing-codes").json["code"]
    before = snapshot(tmp_path / "api.db")
    wrong = [
        api.post("/v1/pair", {"code": f"ZZZZ-ZZZZ-{n:04d}", "device_name": "g"}, token=None)
        for n in range(1000)
    ]
    # Then each was refused as wrong, to be answered late, and none wrote anything
    assert {(w.status, w.json["error"]["code"]) for w in wrong} == {(400, "pairing_code_invalid")}
    assert {w.headers["Retry-After"] for w in wrong} == {str(WRONG_CODE_HOLD_SECONDS)}
    assert snapshot(tmp_path / "api.db") == before
    # And the right code pairs at once
    paired = api.post("/v1/pair", {"code": code, "device_name": "Pauserum"}, token=None)
    assert paired.status == 201 and "Retry-After" not in paired.headers


def test_over_http_wrong_codes_wait_and_a_right_one_does_not(server, admin, workplace):
    # Given a right code, and a guesser with 50 wrong codes in flight
    code = admin.post(f"/v1/workplaces/{workplace}/pairing-codes").json()["code"]
    waits: list[float] = []
    limits = httpx.Limits(max_connections=60)
    guesser = httpx.Client(base_url=server.api, limits=limits, timeout=30)
    tablet = httpx.Client(base_url=server.api, timeout=30)

    def guess(n: int) -> None:
        started = time.perf_counter()
        answer = guesser.post("/v1/pair", json={"code": f"WRNG-{n:04d}", "device_name": "g"})
        assert answer.status_code == 400
        waits.append(time.perf_counter() - started)

    guessing = [threading.Thread(target=guess, args=(n,)) for n in range(50)]
    for thread in guessing:
        thread.start()
    time.sleep(0.5)
    # When the admin's tablet sends the right code meanwhile
    started = time.perf_counter()
    paired = tablet.post("/v1/pair", json={"code": code, "device_name": "Pauserum"})
    took = time.perf_counter() - started
    for thread in guessing:
        thread.join()
    guesser.close()
    tablet.close()
    # Then it pairs within a second, while every wrong code waited its hold
    assert paired.status_code == 201 and took < 1.0, took
    assert len(waits) == 50 and min(waits) >= WRONG_CODE_HOLD_SECONDS


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
