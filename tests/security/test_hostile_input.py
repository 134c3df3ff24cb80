"""Hostile input beyond the schema, over HTTP to a real server: every answer is a 4xx in the one
JSON error shape (or a per-item rejection), and nothing a rejected request carried is stored."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from functions.domain.anonymity import PublicWeek
from functions.domain.csv_export import weekly_csv
from tests.security.conftest import pair
from tests.serving import TEST_ADMIN_TOKEN

LIMIT = 256 * 1024  # the embedded server's body limit (Config.max_body_bytes)
JSON = {"Content-Type": "application/json"}
ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}


def now() -> str:
    return datetime.now(UTC).isoformat()


def checkin(score=7, at=None, event_id=None) -> dict:
    return {"id": event_id or str(uuid.uuid4()), "score": score, "at": at or now()}


def raw_batch(*items: str) -> bytes:
    """A check-in batch written by hand, for values json.dumps would never write."""
    return ('{"checkins": [' + ", ".join(items) + "]}").encode()


def assert_error(answer: httpx.Response, status: int | tuple[int, ...], code: str | None = None):
    """A 4xx in the documented shape {"error": {"code", "message"}}."""
    statuses = status if isinstance(status, tuple) else (status,)
    assert answer.status_code in statuses, answer.text[:300]
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    if code:
        assert error["code"] == code


def this_week_count(admin: httpx.Client, workplace: str) -> int:
    """How many check-ins the workplace's current week holds, as an admin reads it."""
    rows = admin.get(f"/v1/workplaces/{workplace}/pulse.csv", params={"weeks": 1}).text
    cells = rows.strip().splitlines()[-1].split(";")
    return int(cells[1] or 0) if cells[1] else -1  # -1: suppressed (1-4 answers)


# --- size and nesting ----------------------------------------------------------------------


def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_a_413(device, stored):
    # Given a valid batch padded with whitespace to exactly the limit
    body = json.dumps({"checkins": [checkin()]}).encode()
    padded = body[:-1] + b" " * (LIMIT - len(body)) + b"}"
    assert len(padded) == LIMIT
    assert device.post("/v1/checkins", content=padded, headers=JSON).status_code == 200
    # When it is one byte larger, sent with a length or in chunks of unknown length
    before = stored()
    larger = padded[:-1] + b" }"
    assert_error(device.post("/v1/checkins", content=larger, headers=JSON), 413)
    chunks = (larger[i : i + 8192] for i in range(0, len(larger), 8192))
    assert_error(device.post("/v1/checkins", content=chunks, headers=JSON), 413)
    # And a body of many megabytes is refused the same way
    assert_error(device.post("/v1/checkins", content=b"[" * 8_000_000, headers=JSON), 413)
    # Then none of them counted anything
    assert stored() == before


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"checkins": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
    ],
    ids=["arrays", "inside-a-field", "objects"],
)
@pytest.mark.parametrize("route", ["/v1/checkins", "/v1/workplaces", "/v1/pair"])
def test_json_nested_too_deep_is_a_400_before_anything_else(server, route, body, stored):
    before = stored()
    # Given JSON nested far deeper than any request of ours, to a kiosk, an admin and the one
    # route that needs no token
    answer = httpx.post(f"{server.api}{route}", content=body, headers=JSON, timeout=30)
    # Then it is refused as unreadable, not a server error, and nothing changes
    assert_error(answer, 400, "invalid_request")
    assert stored() == before


def test_a_number_too_long_to_read_is_a_400(device, stored):
    before = stored()
    body = raw_batch(f'{{"id": "{uuid.uuid4()}", "score": {"9" * 5000}, "at": "{now()}"}}')
    assert_error(device.post("/v1/checkins", content=body, headers=JSON), 400)
    assert stored() == before


# --- content types and encodings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", b'{"name": "x"}'),
        ("application/xml", b"<name>x</name>"),
        ("application/x-www-form-urlencoded", b"name=x"),
        (
            "multipart/form-data; boundary=zz",
            b'--zz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--zz--\r\n',
        ),
        ("application/octet-stream", b"\x00\x01\x02"),
    ],
)
def test_a_body_that_is_not_json_is_refused_and_stores_nothing(admin, content_type, body, stored):
    before = stored()
    answer = admin.post("/v1/workplaces", content=body, headers={"Content-Type": content_type})
    assert_error(answer, (400, 415))
    assert stored() == before


@pytest.mark.parametrize(
    "body",
    [
        b'{"name": "\xff\xfe"}',  # bytes that are never UTF-8
        b'{"name": "\xc0\xaf"}',  # an overlong encoding of "/"
        b'{"name": "\xed\xa0\x80"}',  # a surrogate encoded as if it were a character
        b'{"name": "\xe2\x82"}',  # a character cut in half
        '{"name": "x"}'.encode("utf-16"),
        b'{"name": "a\\ud800b"}',  # valid JSON escaping a lone surrogate
    ],
)
def test_text_that_is_not_valid_unicode_is_a_400(admin, body, stored):
    before = stored()
    assert_error(admin.post("/v1/workplaces", content=body, headers=JSON), 400, "invalid_request")
    assert stored() == before


# --- scores, ids and times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "score",
    [
        '"7"',
        "7.0",
        "6.5",
        "true",
        "false",
        "null",
        "NaN",
        "Infinity",
        "-Infinity",
        "0",
        "11",
        "-1",
        "1e1",
        "10000000000000000000000",
        "[7]",
        '{"v": 7}',
    ],
)
def test_a_score_that_is_not_a_whole_number_from_1_to_10_is_rejected_alone(
    admin, device, workplace, score
):
    # Given a batch of a good check-in and one whose score is of the wrong kind
    bad, good = str(uuid.uuid4()), checkin(7)
    body = raw_batch(json.dumps(good), f'{{"id": "{bad}", "score": {score}, "at": "{now()}"}}')
    answer = device.post("/v1/checkins", content=body, headers=JSON)
    # Then only the bad one is rejected, for its score, and only the good one counts
    assert answer.status_code == 200
    assert answer.json() | {"server_time": "-"} == {
        "accepted": [good["id"]],
        "duplicates": [],
        "rejected": [{"id": bad, "reason": "invalid_score"}],
        "server_time": "-",
    }


def test_the_same_id_twice_in_a_batch_counts_once(admin, device, workplace):
    same = str(uuid.uuid4())
    batch = [checkin(3, event_id=same), checkin(9, event_id=same), checkin(5, event_id=same)]
    batch += [checkin(s) for s in (4, 6, 8, 10)]
    answer = device.post("/v1/checkins", json={"checkins": batch}).json()
    assert answer["accepted"][0] == same and len(answer["accepted"]) == 5
    assert answer["rejected"] == [{"id": same, "reason": "duplicate_in_batch"}] * 2
    # The first item of the id is the one that counts: 3 + 4 + 6 + 8 + 10
    week = admin.get(f"/v1/workplaces/{workplace}/pulse", params={"weeks": 1}).json()["weeks"][0]
    assert (week["responses"], week["mean"]) == (5, 6.2)


@pytest.mark.parametrize(
    ("at", "reason"),
    [
        ("2026-11-23T09:00:00", "invalid_time"),  # no offset: which clock?
        ("2026-02-30T09:00:00+01:00", "invalid_time"),
        ("2026-11-23T23:59:60Z", "invalid_time"),  # a leap second
        ("2026-11-23T09:00:00+24:00", "invalid_time"),
        ("2026-11-23 09:00:00+01:00", "invalid_time"),
        ("1700000000", "invalid_time"),
        ("9999-12-31T23:59:59Z", "in_future"),
        ("2000-01-01T00:00:00Z", "too_old"),
    ],
)
def test_a_time_that_is_not_rfc3339_or_out_of_range_is_rejected(device, at, reason):
    item = checkin(at=at)
    answer = device.post("/v1/checkins", json={"checkins": [item]}).json()
    assert answer["rejected"] == [{"id": item["id"], "reason": reason}]


def test_a_hostile_id_is_echoed_short_and_never_stored(device, stored):
    before = stored()
    items = [
        {"id": "x" * 100_000, "score": 5, "at": now()},
        {"id": "'; DROP TABLE week_aggregates; --", "score": 5, "at": now()},
        {"id": {"nested": ["id"]}, "score": 5, "at": now()},
        {"score": 5, "at": now()},
    ]
    answer = device.post("/v1/checkins", json={"checkins": items}).json()
    assert [r["reason"] for r in answer["rejected"]] == ["invalid_id"] * 4
    assert max(len(r["id"]) for r in answer["rejected"]) <= 64
    assert stored() == before


# --- sentences: control characters, direction marks, HTML, formula starters --------------------


def test_sentences_are_stored_without_control_or_direction_characters(admin, device, workplace):
    # Given sentences holding C0/C1 controls, bidi overrides and marks, zero-width characters
    prompt = device.get("/v1/kiosk").json()["prompt"]["id"]
    texts = {
        "vi\x00 lytter\x07 til\x1b hinanden\x7f\x9b": "vi lytter til hinanden",
        "vi \u202egnåks\u202c spørger \u200fom\u200e hjælp": "vi gnåks spørger om hjælp",
        "vi\u200b deler\ufeff viden\u2066\u2069": "vi deler viden",
        "vi\ttaler\r\nsammen\u2028igen\x85nu": "vi taler sammen igen nu",
    }
    items = [
        {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": text, "at": now()} for text in texts
    ]
    answer = device.post("/v1/completions", json={"completions": items}).json()
    assert len(answer["accepted"]) == len(texts)
    # Then what is stored and shown is the text without them
    kept = admin.get(f"/v1/workplaces/{workplace}/completions").json()["completions"]
    assert sorted(c["text"] for c in kept) == sorted(texts.values())


def test_a_sentence_of_nothing_but_invisible_characters_is_rejected(device):
    prompt = device.get("/v1/kiosk").json()["prompt"]["id"]
    invisible = "\u200f\u202e\x00\t "
    item = {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": invisible, "at": now()}
    answer = device.post("/v1/completions", json={"completions": [item]}).json()
    assert answer["rejected"] == [{"id": item["id"], "reason": "invalid_text"}]


def test_html_in_a_sentence_is_kept_as_text_and_served_as_json(admin, device, workplace):
    prompt = device.get("/v1/kiosk").json()["prompt"]["id"]
    html = 'vi <script>alert("x")</script><img src=x onerror=alert(1)> & co'
    item = {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": html, "at": now()}
    assert device.post("/v1/completions", json={"completions": [item]}).status_code == 200
    pulse = admin.get(f"/v1/workplaces/{workplace}/pulse")
    assert pulse.headers["content-type"].startswith("application/json")
    assert [c["text"] for c in pulse.json()["completions"]] == [html]


FORMULAS = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def test_what_people_type_never_reaches_the_csv_and_no_cell_can_start_a_formula(admin):
    # Given formula starters in every text a person can type: names, area, device, sentences
    made = admin.post("/v1/workplaces", json={"name": FORMULAS[0], "area": FORMULAS[1]})
    assert made.status_code == 201, made.text
    workplace = made.json()["id"]
    token = pair(admin, workplace, name=FORMULAS[2])["device_token"]
    kiosk = httpx.Client(
        base_url=str(admin.base_url), timeout=30, headers={"Authorization": f"Bearer {token}"}
    )
    prompt = kiosk.get("/v1/kiosk").json()["prompt"]["id"]
    items = [
        {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": f"vi {f}", "at": now()}
        for f in FORMULAS
    ]
    sent = kiosk.post("/v1/completions", json={"completions": items})
    assert sent.status_code == 200 and len(sent.json()["accepted"]) == len(items), sent.text
    taps = [checkin(s) for s in (1, 2, 3, 4, 5, 6)]
    sent = kiosk.post("/v1/checkins", json={"checkins": taps})
    assert sent.status_code == 200 and len(sent.json()["accepted"]) == len(taps), sent.text
    kiosk.close()
    # When the CSV is exported
    answer = admin.get(f"/v1/workplaces/{workplace}/pulse.csv", params={"weeks": 52})
    assert answer.status_code == 200
    # Then it holds this week's figures (the taps reached it) but none of the typed text, no
    # cell starts a formula, and its file name is the random id, not the typed name
    rows = list(csv.reader(io.StringIO(answer.text), delimiter=";"))
    assert rows[-1][:3] == [
        admin.get(f"/v1/workplaces/{workplace}/pulse").json()["week"],
        "6",
        "3,50",
    ]
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not [f for f in FORMULAS if f.strip() in answer.text]
    disposition = answer.headers["content-disposition"]
    assert disposition == f'attachment; filename="tryghedspuls-{workplace}.csv"'


def test_typed_text_in_any_csv_cell_is_kept_but_cannot_start_a_formula():
    # Given rows whose every cell holds something a person typed (should a text ever reach the
    # export, e.g. a workplace name), formula starters and all
    texts = [*FORMULAS, "Solsikken", "-", "=", "vi =1"]
    rows = [
        PublicWeek(week=text, responses=text, mean=None, distribution=[text] * 10, suppressed=False)
        for text in texts
    ]
    # When they are written as the export writes its rows
    written = list(csv.reader(io.StringIO(weekly_csv(rows), newline=""), delimiter=";"))[1:]
    # Then every text is there, whole, and those that start a formula begin with an apostrophe
    for text, row in zip(texts, written, strict=True):
        cell = "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
        assert row == [cell, cell, "", *[cell] * 10]


# --- paths, queries and headers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/v1/workplaces/x%0Ay/pulse",  # a newline inside a path parameter
        "/v1/completions/%0A",
        "/v1/x%0A",
        "",
        "/",
        "/v1/workplaces/%ED%A0%80/pulse",  # a surrogate, percent-encoded
        "/v1/workplaces/" + "a" * 4000 + "/pulse",
        "/v1/workplaces/..%2F..%2Fsettings/pulse",
    ],
    ids=[
        "newline-param",
        "newline-only",
        "newline-route",
        "bare",
        "root",
        "surrogate",
        "long",
        "traversal",
    ],
)
def test_odd_paths_get_the_json_error_shape(server, path):
    answer = httpx.get(f"{server.api}{path}", headers=ADMIN, timeout=30)
    assert_error(answer, (400, 404))


@pytest.mark.parametrize("weeks", ["0", "53", "-1", "1.5", "1e3", "٥", "NaN", "1,2", ""])
def test_odd_query_values_are_a_400(admin, workplace, weeks):
    answer = admin.get(f"/v1/workplaces/{workplace}/pulse", params={"weeks": weeks})
    assert_error(answer, 400, "invalid_request")


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer " + "A" * 10_000,
        "Bearer \u00e6\u00f8\u00e5".encode(),
        "Bearer",
        "bearer\t" + "x" * 43,
        "Basic dXNlcjpwYXNz",
        "Bearer x, Bearer y",
    ],
    ids=["huge", "not-ascii", "empty", "tab", "basic", "two"],
)
def test_a_malformed_token_is_a_401(server, authorization):
    answer = httpx.get(
        f"{server.api}/v1/workplaces", headers={"Authorization": authorization}, timeout=30
    )
    assert_error(answer, 401, "unauthorized")
