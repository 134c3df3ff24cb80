"""A full disk, for real: the data folder on a 3 MB tmpfs, filled up while tablets send.

Check-ins then get 503 storage_full (never a 200 for what was not stored), reads go on, `serve`
starts on the full disk, and once space is freed the refused check-ins go in, with no restart.
The log says so in one line per refusal. Needs root to mount the tmpfs (skipped otherwise)."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from tests.serving import TEST_ADMIN_TOKEN, Server, start_server

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Write a file until the disk has no byte left; the file."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as f:
        size = 65536
        while size:
            try:
                f.write(b"\0" * size)
            except OSError:
                size //= 2  # the last few blocks, then the last bytes
    return filler


def batch() -> list[dict]:
    now = datetime.now(UTC).isoformat()
    return [{"id": str(uuid.uuid4()), "score": 6, "at": now} for _ in range(25)]


def counted_in_file(data: Path) -> int:
    with sqlite3.connect(f"file:{data / 'tryghedspuls.db'}?mode=ro", uri=True) as db:
        return db.execute("SELECT COALESCE(SUM(count), 0) FROM week_aggregates").fetchone()[0]


def paired_tablet(server: Server) -> tuple[str, dict]:
    wp = httpx.post(f"{server.api}/v1/workplaces", json={"name": "Fuld"}, headers=ADMIN)
    workplace = wp.json()["id"]
    code = httpx.post(f"{server.api}/v1/workplaces/{workplace}/pairing-codes", headers=ADMIN)
    paired = httpx.post(
        f"{server.api}/v1/pair", json={"code": code.json()["code"], "device_name": "Pauserum"}
    )
    return workplace, {"Authorization": f"Bearer {paired.json()['device_token']}"}


def test_a_full_disk_refuses_check_ins_with_503_and_recovers_by_itself(small_disk, tmp_path):
    # The data folder on the small disk; the server's log beside a link to it, on another disk
    (small_disk / "data").mkdir()
    data = tmp_path / "logs" / "data"
    data.parent.mkdir()
    data.symlink_to(small_disk / "data")
    server = start_server(data)
    try:
        workplace, tablet = paired_tablet(server)
        filler = fill(small_disk)
        # When tablets keep sending until the server has no room
        accepted, refused, answers = 0, None, []
        for _ in range(400):
            items = batch()
            answer = httpx.post(
                f"{server.api}/v1/checkins", json={"checkins": items}, headers=tablet, timeout=10
            )
            answers.append(answer.status_code)
            if answer.status_code == 200:
                accepted += len(answer.json()["accepted"])
            else:
                refused = (answer, items)
                break
        # Then the refusal is a 503 in the one error shape, and the file holds every 200 exactly
        assert refused is not None, f"the disk never filled: {len(answers)} batches"
        answer, items = refused
        assert answer.status_code == 503 and answer.headers["retry-after"]
        assert answer.json()["error"]["code"] == "storage_full"
        assert counted_in_file(data) == accepted
        # And reads go on
        pulse = httpx.get(f"{server.api}/v1/workplaces/{workplace}/pulse", headers=ADMIN)
        assert pulse.status_code == 200
        # And serve starts again on the full disk and serves reads
        server.kill()
        server = start_server(data)
        assert httpx.get(f"{server.api}/v1/workplaces", headers=ADMIN).status_code == 200
        again = httpx.post(f"{server.api}/v1/checkins", json={"checkins": items}, headers=tablet)
        assert again.status_code == 503
        # When space is freed, the tablet's retry goes in, with no restart
        filler.unlink()
        retried = httpx.post(f"{server.api}/v1/checkins", json={"checkins": items}, headers=tablet)
        assert retried.status_code == 200 and len(retried.json()["accepted"]) == 25
        assert counted_in_file(data) == accepted + 25
        # And the log has one line per refusal and no traceback
        log = server.log()
        assert log.count("POST /v1/checkins 503 storage_full") == 1
        assert "Traceback" not in log
    finally:
        server.kill()
        with contextlib.suppress(OSError):
            (small_disk / "filler").unlink()
