"""Nothing stored holds a check-in's score next to a time finer than its week: the real SQLite file
of a running server (schema, every row, the raw bytes of the file and its WAL), and every item of
the DynamoDB table under moto after the same traffic through the Lambda handlers."""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import boto3
import httpx

from functions.cli import main as tryghedspuls
from tests.infra.deployed import TABLE_NAME, deployed_stack

# Taps at an odd second two days ago, written in Copenhagen time, UTC and New York time.
TAPPED = (datetime.now(UTC) - timedelta(days=2)).replace(second=17, microsecond=0)
WRITTEN = [
    TAPPED.astimezone(ZoneInfo("Europe/Copenhagen")).isoformat(),
    TAPPED.isoformat().replace("+00:00", "Z"),
    TAPPED.astimezone(timezone(timedelta(hours=-5))).isoformat(),
]
# Every way the moment could be kept: as text to the minute (ISO or SQL style, in each offset it
# was written in), or as epoch seconds (to the second or the minute).
TRACES_TEXT = [w[:16] for w in WRITTEN] + [w[:16].replace("T", " ") for w in WRITTEN]
TRACES_EPOCH = {int(TAPPED.timestamp()), int(TAPPED.timestamp()) // 60 * 60}

SCORE_COLUMNS = {"count", "total", *(f"d{s}" for s in range(1, 11))}
AGGREGATE_COLUMNS = {"workplace_id", "week", *SCORE_COLUMNS}
# Every column that holds a time, and why it may: none of them sits next to a score.
TIME_COLUMNS = {
    ("attempts", "expires_at"),  # counter of wrong pairing codes
    ("attempts", "time_window"),
    ("audit", "at"),  # admin changes, to the minute
    ("devices", "last_seen"),  # heartbeat, to the minute
    ("devices", "paired_on"),  # a date
    ("digests", "at"),  # when a leader's Monday digest was tried, to the minute (no employee)
    ("digests", "retry_at"),  # when a failed digest may be tried again
    ("event_markers", "expires_at"),  # midnight UTC, 40 days out
    ("pairing_codes", "expires_at"),
    ("tokens", "created_on"),  # a date
    ("tokens", "expires_at"),  # admin sessions and sign-in links only, to the minute
}


def looks_like_time(column: str) -> bool:
    """A column name that says it holds a moment."""
    return bool(re.search(r"(^at$|_at$|time|seen|_on$|date|stamp|window|when)", column))


def checkin_batch() -> dict:
    return {
        "checkins": [
            {"id": str(uuid.uuid4()), "score": score, "at": at}
            for score, at in zip((3, 9, 10), WRITTEN, strict=True)
        ]
    }


def a_week_of_traffic(admin: httpx.Client, device: httpx.Client, workplace: str) -> None:
    """Check-ins, a sentence, a heartbeat, a viewer link and reads, as a week brings them."""
    assert len(device.post("/v1/checkins", json=checkin_batch()).json()["accepted"]) == 3
    prompt = device.get("/v1/kiosk").json()["prompt"]["id"]
    sentence = {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": "vi lytter", "at": WRITTEN[0]}
    device.post("/v1/completions", json={"completions": [sentence]}).raise_for_status()
    device.post("/v1/heartbeat", json={"app_version": "1", "queue_depth": 0}).raise_for_status()
    admin.post(f"/v1/workplaces/{workplace}/viewer-tokens").raise_for_status()
    admin.get(f"/v1/workplaces/{workplace}/pulse").raise_for_status()


def columns(db: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")} for t in tables}


def test_the_sqlite_schema_keeps_scores_only_in_week_level_aggregates(server):
    with sqlite3.connect(server.data_dir / "tryghedspuls.db") as db:
        tables = columns(db)
        ddl = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    # Scores live in the running and the released aggregates, next to workplace and week only
    assert tables["week_aggregates"] == tables["released_aggregates"] == AGGREGATE_COLUMNS
    scored = sorted(t for t, cols in tables.items() if cols & SCORE_COLUMNS)
    assert scored == ["released_aggregates", "week_aggregates"]
    # Every column that holds a time is one we know, in a table without scores
    timed = {(t, c) for t, cols in tables.items() for c in cols if looks_like_time(c)}
    assert timed == TIME_COLUMNS
    # Markers and sentences keep no arrival order (no rowid), and no time but the marker's day
    assert tables["event_markers"] == {"event_id", "expires_at"}
    for table in ("event_markers", "completions", "week_aggregates", "released_aggregates"):
        assert "WITHOUT ROWID" in ddl[table]


def test_no_row_nor_byte_of_the_sqlite_file_holds_when_someone_tapped(
    server, admin, device, workplace
):
    # Given check-ins at an odd second, written in three offsets, and the rest of a week
    a_week_of_traffic(admin, device, workplace)
    db_path = server.data_dir / "tryghedspuls.db"
    with sqlite3.connect(db_path) as db:
        rows = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in columns(db)}  # noqa: S608
        marker_expiries = [r[0] for r in db.execute("SELECT expires_at FROM event_markers")]
        seen = [r[0] for r in db.execute("SELECT last_seen FROM devices") if r[0]]
    # Then no value is the moment, as text (to the minute) or as epoch seconds
    values = [v for table in rows.values() for row in table for v in row]
    assert not [v for v in values if isinstance(v, str) and any(t in v for t in TRACES_TEXT)]
    assert not [v for v in values if isinstance(v, int) and v in TRACES_EPOCH]
    # And times that are kept are coarse: markers to the day, heartbeats to the minute
    assert marker_expiries and all(e % 86_400 == 0 for e in marker_expiries)
    assert seen and all(s % 60 == 0 for s in seen)
    # And not even the file's raw bytes (free pages, the write-ahead log) hold the moment
    raw = b"".join(p.read_bytes() for p in Path(server.data_dir).glob("tryghedspuls.db*"))
    assert not [t for t in TRACES_TEXT + WRITTEN if t.encode() in raw]


def scan(client) -> list[dict]:
    """Every item of the table (a test may scan; the product never does)."""
    items, start = [], {}
    while True:
        page = client.scan(TableName=TABLE_NAME, **start)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            return items
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}


def test_no_dynamodb_item_holds_a_score_next_to_a_time_finer_than_its_week():
    with deployed_stack() as stack:
        # Given the same week of traffic through the Lambda handlers, on the template's table
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            tryghedspuls(["admin-token", "--table", TABLE_NAME])
        stack.admin_token = printed.getvalue().strip()
        workplace = stack.admin("POST", "/v1/workplaces", 201, body={"name": "Dyn"})["id"]
        code = stack.admin("POST", f"/v1/workplaces/{workplace}/pairing-codes", 201)["code"]
        device = stack.call("POST", "/v1/pair", 201, body={"code": code, "device_name": "P"})
        token = device["device_token"]
        stack.call("POST", "/v1/checkins", 200, token=token, body=checkin_batch())
        prompt = stack.call("GET", "/v1/kiosk", 200, token=token)["prompt"]["id"]
        sentence = {"id": str(uuid.uuid4()), "prompt_id": prompt, "text": "vi lytter"}
        body = {"completions": [sentence | {"at": WRITTEN[0]}]}
        stack.call("POST", "/v1/completions", 200, token=token, body=body)
        beat = {"app_version": "1", "queue_depth": 0}
        stack.call("POST", "/v1/heartbeat", 204, token=token, body=beat)
        stack.admin("GET", f"/v1/workplaces/{workplace}/pulse")
        items = scan(boto3.DEFAULT_SESSION.client("dynamodb"))

    def value(attribute: dict) -> str:
        return str(next(iter(attribute.values())))

    # Then an item with scores holds its keys, workplace, week and counts: nothing else
    with_scores = [item for item in items if set(item) & SCORE_COLUMNS]
    assert with_scores
    for item in with_scores:
        assert set(item) <= {"pk", "sk", "gsi1pk", "gsi1sk", *AGGREGATE_COLUMNS}
    # And no attribute of any item is the moment, as text or as epoch seconds
    values = [value(a) for item in items for a in item.values()]
    assert not [v for v in values if any(t in v for t in TRACES_TEXT)]
    assert not [v for v in values if v.isdigit() and int(v) in TRACES_EPOCH]
    # And event markers hold their id and a day-precision expiry only
    markers = [item for item in items if value(item["pk"]).startswith("EVT#")]
    assert len(markers) == 4
    for marker in markers:
        assert set(marker) == {"pk", "sk", "expires_at"}
        assert int(value(marker["expires_at"])) % 86_400 == 0
