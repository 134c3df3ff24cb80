"""`serve` sends the Monday digests itself: a thread that wakes every minute, asks the schedule
which week is due (domain/digest_schedule.py, a pure function of the time) and sends what is not
sent yet through SMTP. Without TRYGHEDSPULS_SMTP_URL and TRYGHEDSPULS_MAIL_FROM nothing is sent,
and the console says so at start-up."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from functions.api.services import Services
from functions.config import Config
from functions.domain.digest_schedule import next_digest_at, week_due
from functions.report.digests import DigestSetup, send_digests
from functions.report.sending import Mailer, Outcome
from functions.report.smtp import SmtpMailer, parse_smtp_url

log = logging.getLogger("tryghedspuls.digest")
PASS_SECONDS = 60


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DigestLoop:
    """Sends each due week's digests once, retrying failures on later passes."""

    def __init__(
        self,
        services: Services,
        mailer: Mailer,
        setup: DigestSetup,
        clock: Callable[[], datetime] = _utc_now,
        interval: float = PASS_SECONDS,
    ):
        self.services, self.mailer, self.setup = services, mailer, setup
        self.clock, self.interval = clock, interval
        self._stop = threading.Event()
        self._first_pass = True
        self._thread: threading.Thread | None = None

    def run_pass(self) -> Outcome:
        """One pass: send the due week's digests that are not sent and may be tried now."""
        now = self.clock()
        week = week_due(now)
        s = self.services
        outcome = send_digests(s.store, self.mailer, s.content, s.settings(), self.setup, week, now)
        if outcome.sent:
            log.info("digest %s: sent %d (%s)", week, len(outcome.sent), ", ".join(outcome.sent))
        elif self._first_pass and not outcome.failed:
            # Once at start-up, so the console shows the schedule is alive with nothing to do
            log.info("digest %s: nothing to send (%d sent before)", week, outcome.skipped)
        self._first_pass = False
        if outcome.unconfirmed:
            log.warning(
                "digest %s: %s claimed but never confirmed (stopped while sending?); not resent",
                week,
                ", ".join(outcome.unconfirmed),
            )
        return outcome

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_pass()
            except Exception:  # the store or a bug: log it and try again next pass
                log.exception("digest pass failed")
            self._stop.wait(self.interval)

    def start(self) -> None:
        """Run passes on a daemon thread until stop()."""
        self._thread = threading.Thread(target=self._run, name="digests", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop after the current pass."""
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=30)


def start_digests(services: Services, config: Config, base_url: str) -> DigestLoop | None:
    """Start the loop when SMTP is configured; either way, say on the console what happens."""
    if not (config.smtp_url and config.mail_from):
        print(
            "  E-mail: ikke sat op – ingen mandagsmails sendes "
            "(sæt TRYGHEDSPULS_SMTP_URL og TRYGHEDSPULS_MAIL_FROM)"
        )
        return None
    try:
        smtp = parse_smtp_url(config.smtp_url)
    except ValueError as wrong:
        print(f"  E-mail: {wrong} – ingen mandagsmails sendes")
        return None
    setup = DigestSetup(
        sender=config.mail_from,
        pulse_url=config.pulse_url or f"{base_url}/pulse",
        admins=config.admin_emails,
    )
    loop = DigestLoop(services, SmtpMailer(smtp), setup)
    when = next_digest_at(_utc_now()).astimezone().strftime("%Y-%m-%d %H:%M %Z")
    print(f"  E-mail: mandagsmails via {smtp.describe()} fra {config.mail_from}; næste {when}")
    loop.start()
    return loop
