"""`tryghedspuls digest --data-dir DIR [--week YYYY-Www] [--to ADDRESS] [--dry-run]`, run as the
installed command against a real SQLite folder and a real SMTP server."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from functions.store.sqlite import SqliteStore
from tests.report.organisation import WEEK, build_organisation

CLI = Path(sys.executable).with_name("tryghedspuls")
LEADERS = {"anna@norddjurs.dk", "bo@norddjurs.dk", "carl@norddjurs.dk"}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    build_organisation(str(folder / "tryghedspuls.db")).close()
    return folder


def digest(data_dir: Path, *args: str, smtp=None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "TRYGHEDSPULS_ADMIN_EMAILS": "admin@norddjurs.dk"}
    if smtp:
        env |= {"TRYGHEDSPULS_SMTP_URL": smtp.url, "TRYGHEDSPULS_MAIL_FROM": "puls@norddjurs.dk"}
    return subprocess.run(
        [str(CLI), "digest", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def records(data_dir: Path, week: str = WEEK):
    store = SqliteStore(str(data_dir / "tryghedspuls.db"))
    try:
        return store.list_digests(week)
    finally:
        store.close()


def test_dry_run_prints_every_digest_and_sends_nothing(data_dir, smtp):
    run = digest(data_dir, "--week", WEEK, "--dry-run", smtp=smtp)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("Subject: Ugens puls for ") == 4
    assert "To: carl@norddjurs.dk\nSubject: Ugens puls for Lageret – uge 48" in run.stdout
    assert "Svar: 10" in run.stdout
    assert smtp.mailbox.received == [] and records(data_dir) == []


def test_without_a_week_it_is_the_last_complete_one(data_dir):
    run = digest(data_dir, "--dry-run")
    last_week = (datetime.now(ZoneInfo("Europe/Copenhagen")) - timedelta(weeks=1)).isocalendar()
    assert f"– uge {last_week.week}\n" in run.stdout


def test_it_sends_each_digest_once_however_often_it_runs(data_dir, smtp):
    first = digest(data_dir, "--week", WEEK, smtp=smtp)
    assert first.returncode == 0, first.stderr
    assert "4 sent, 0 failed" in first.stdout
    again = digest(data_dir, "--week", WEEK, smtp=smtp)
    assert "0 sent, 0 failed, 4 sent before" in again.stdout
    recipients = {r for _, rcpts in smtp.mailbox.envelopes for r in rcpts}
    assert recipients == LEADERS | {"admin@norddjurs.dk"} and len(smtp.mailbox.received) == 4


def test_to_previews_every_digest_without_counting_as_sent(data_dir, smtp):
    preview = digest(data_dir, "--week", WEEK, "--to", "Tester@Norddjurs.dk", smtp=smtp)
    assert preview.returncode == 0, preview.stderr
    assert {r for _, rcpts in smtp.mailbox.envelopes for r in rcpts} == {"tester@norddjurs.dk"}
    assert len(smtp.mailbox.received) == 4 and records(data_dir) == []
    # The real digests still go out afterwards
    assert "4 sent" in digest(data_dir, "--week", WEEK, smtp=smtp).stdout


def test_a_refusing_server_is_reported_and_the_command_fails(data_dir, smtp):
    smtp.mailbox.mode = "refuse"
    run = digest(data_dir, "--week", WEEK, smtp=smtp)
    assert run.returncode == 1
    assert "0 sent, 4 failed" in run.stdout
    assert "not sent: wp:lageret" in run.stderr
    assert {r.status for r in records(data_dir)} == {"failed"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--week", "2026-W60", "--dry-run"), "2026 has no week 60"),
        (("--week", "48", "--dry-run"), "not an ISO week"),
        (("--to", "nobody", "--dry-run"), "is not an e-mail address"),
        (("--week", WEEK), "TRYGHEDSPULS_SMTP_URL"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data_dir, args, says):
    run = digest(data_dir, *args)
    assert run.returncode == 2 and says in run.stderr


def test_a_folder_without_data_is_refused(tmp_path):
    run = digest(tmp_path, "--dry-run")
    assert run.returncode == 2 and "no data in" in run.stderr
