"""`tryghedspuls backup` copies the data while `serve` runs and tablets write (WAL included, the
copy sound), and `tryghedspuls restore` puts it back so a server on it shows the same pulse."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx

from tests.serving import TEST_ADMIN_TOKEN, running_server

ADMIN = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
CLI = str(Path(sys.executable).with_name("tryghedspuls"))


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def counted(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT COALESCE(SUM(count), 0) FROM week_aggregates").fetchone()[
            0
        ]


def paired(api: str) -> tuple[str, dict]:
    workplace = httpx.post(f"{api}/v1/workplaces", json={"name": "Kopien"}, headers=ADMIN).json()
    code = httpx.post(f"{api}/v1/workplaces/{workplace['id']}/pairing-codes", headers=ADMIN)
    token = httpx.post(
        f"{api}/v1/pair", json={"code": code.json()["code"], "device_name": "Pauserum"}
    ).json()["device_token"]
    return workplace["id"], {"Authorization": f"Bearer {token}"}


def send(api: str, tablet: dict, n: int = 10) -> int:
    now = datetime.now(UTC).isoformat()
    items = [{"id": str(uuid.uuid4()), "score": 1 + i % 10, "at": now} for i in range(n)]
    answer = httpx.post(f"{api}/v1/checkins", json={"checkins": items}, headers=tablet)
    assert answer.status_code == 200
    return len(answer.json()["accepted"])


def test_a_backup_under_write_load_is_sound_and_restores_the_same_pulse(tmp_path):
    data, out = tmp_path / "data", tmp_path / "backup.db"
    with running_server(data) as server:
        workplace, tablet = paired(server.api)
        before = sum(send(server.api, tablet) for _ in range(20))
        # Given tablets writing all along
        stop, during = threading.Event(), []

        def write() -> None:
            while not stop.is_set():
                during.append(send(server.api, tablet))

        writer = threading.Thread(target=write)
        writer.start()
        try:
            # When backups are taken meanwhile
            made = [cli("backup", "--data-dir", str(data), "--out", str(out)) for _ in range(3)]
        finally:
            stop.set()
            writer.join()
        # Then each was made, the copy is sound, private, one file, and holds at least every
        # check-in answered before it began (those were in the WAL, not yet in the .db file)
        assert [m.returncode for m in made] == [0, 0, 0], made[-1].stderr
        assert len(during) >= 3
        with sqlite3.connect(out) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert before <= counted(out) <= before + sum(during)
        # And after a last backup at rest, the restored folder serves the same pulse
        assert cli("backup", "--data-dir", str(data), "--out", str(out)).returncode == 0
        pulse = httpx.get(f"{server.api}/v1/workplaces/{workplace}/pulse", headers=ADMIN).json()
    restored = tmp_path / "restored"
    done = cli("restore", "--data-dir", str(restored), str(out))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(restored.stat().st_mode) == 0o700
    assert stat.S_IMODE((restored / "tryghedspuls.db").stat().st_mode) == 0o600
    with running_server(restored) as again:
        shown = httpx.get(f"{again.api}/v1/workplaces/{workplace}/pulse", headers=ADMIN).json()
        assert shown == pulse and counted(restored / "tryghedspuls.db") == before + sum(during)
        # And the tablet paired before the backup sends again
        assert send(again.api, tablet) == 10


def test_restore_refuses_a_folder_with_data_unless_forced(tmp_path):
    # Given a backup, and a data folder that holds something
    source, out, target = tmp_path / "source", tmp_path / "b.db", tmp_path / "target"
    with running_server(source) as server:
        paired(server.api)
    assert cli("backup", "--data-dir", str(source), "--out", str(out)).returncode == 0
    target.mkdir()
    (target / "tryghedspuls.db").write_bytes(b"the data of another day")
    # When restoring without --force, it refuses and leaves the folder as it was
    refused = cli("restore", "--data-dir", str(target), str(out))
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert (target / "tryghedspuls.db").read_bytes() == b"the data of another day"
    # And with --force the backup replaces it
    assert cli("restore", "--data-dir", str(target), "--force", str(out)).returncode == 0
    assert counted(target / "tryghedspuls.db") == 0


def test_restore_refuses_a_file_that_is_not_a_sound_backup(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    refused = cli("restore", "--data-dir", str(tmp_path / "new"), str(junk))
    assert refused.returncode == 1 and "not" in refused.stderr
    assert not (tmp_path / "new").exists()
