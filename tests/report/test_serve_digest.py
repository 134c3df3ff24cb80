"""`tryghedspuls serve` sends the Monday digests itself when SMTP is configured, once across
restarts, and says on the console when it is not. Real server process, real SMTP server.

The week due is the real clock's (the last one whose Monday 07:00 has passed); the schedule's own
timing, across summer time, is tested as a pure function in tests/domain/test_digest_schedule.py.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.report.organisation import build_organisation
from tests.serving import running_server


def due_week_number() -> int:
    """The week whose digest is due now, worked out by hand: last week once Monday 07:00 is past."""
    now = datetime.now(ZoneInfo("Europe/Copenhagen"))
    before_seven_on_monday = now.weekday() == 0 and now.hour < 7
    return (now - timedelta(weeks=2 if before_seven_on_monday else 1)).isocalendar().week


def wait_for(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_serve_without_smtp_says_no_mail_is_sent(tmp_path):
    with running_server(tmp_path / "data") as server:
        assert "E-mail: ikke sat op – ingen mandagsmails sendes" in server.log()


def test_serve_sends_the_due_digests_once_across_a_restart(tmp_path, smtp):
    data = tmp_path / "data"
    data.mkdir()
    build_organisation(str(data / "tryghedspuls.db")).close()
    env = {
        "TRYGHEDSPULS_SMTP_URL": smtp.url,
        "TRYGHEDSPULS_MAIL_FROM": "Tryghedspuls <puls@norddjurs.dk>",
        "TRYGHEDSPULS_ADMIN_EMAILS": "admin@norddjurs.dk",
    }
    with running_server(data, env=env) as server:
        assert f"E-mail: mandagsmails via smtp://127.0.0.1:{smtp.port}" in server.log()
        assert wait_for(lambda: len(smtp.mailbox.received) == 4), server.log()
        assert "digest 20" in server.log()  # the console says what went out
    subjects = sorted(m["Subject"] for m in smtp.mailbox.received)
    week = due_week_number()
    assert subjects == sorted(
        f"Ugens puls for {name} – uge {week}"
        for name in ("Børn", "Solsikken", "Lageret", "organisationen")
    )
    # A restart of serve (same data folder) sends nothing again
    with running_server(data, env=env) as again:
        assert wait_for(lambda: "nothing to send (4 sent before)" in again.log()), again.log()
    assert len(smtp.mailbox.received) == 4
