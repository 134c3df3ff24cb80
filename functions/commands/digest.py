"""`tryghedspuls digest`: send (or show) a week's Monday digests now, from an embedded data folder.

    tryghedspuls digest --data-dir DIR [--week YYYY-Www] [--to ADDRESS] [--dry-run]

Without --week it is the last complete week. --dry-run prints every digest and sends nothing.
--to sends every digest of the week to ADDRESS instead of its recipients (to see what leaders
get); such a preview leaves the sent-once records alone, so the real digests still go out once.
A plain run sends what is not sent yet, exactly as `serve` would, and says what failed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from functions.config import load_config
from functions.domain.digest_schedule import last_complete_week
from functions.domain.errors import InvalidInput
from functions.domain.leaders import normalise_address
from functions.domain.weeks import parse_week
from functions.report.digests import DigestSetup, composer, recipients_of, send_digests
from functions.report.smtp import MailFailed, SmtpMailer, parse_smtp_url
from functions.wiring import DB_FILE, embedded_config, services_from

DEFAULT_PULSE_URL = "http://127.0.0.1:8550/pulse"  # `serve`'s own address, unless configured


def add_parser(sub) -> None:
    """Register `digest` on the CLI's subcommands."""
    p = sub.add_parser("digest", help="send (or print) a week's Monday digests now")
    p.add_argument("--data-dir", default=".tryghedspuls", help="the data folder `serve` uses")
    p.add_argument("--week", help="the ISO week, e.g. 2026-W48 (default: the last complete week)")
    p.add_argument("--to", metavar="ADDRESS", help="send every digest to this address instead")
    p.add_argument("--dry-run", action="store_true", help="print the digests, send nothing")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 when everything due went out, 1 when a send failed, 2 on bad input."""
    config = embedded_config(load_config(), Path(args.data_dir))
    database = Path(args.data_dir) / DB_FILE
    if not database.is_file():
        return _refuse(f"no data in {args.data_dir} (run `tryghedspuls serve` first)")
    now = datetime.now(UTC)
    try:
        week = parse_week(args.week) if args.week else last_complete_week(now)
        to = normalise_address(args.to) if args.to else None
        services = services_from(config)  # refuses an anonymity threshold out of range
    except InvalidInput as wrong:
        return _refuse(wrong.message)
    store, settings, content = services.store, services.settings(), services.content
    setup = DigestSetup(
        sender=config.mail_from or "tryghedspuls@localhost",
        pulse_url=config.pulse_url or DEFAULT_PULSE_URL,
        admins=config.admin_emails,
    )
    recipients = recipients_of(store, setup)
    if not recipients:
        print(f"No digests for {week}: no workplace has a leader's address.")
        return 0
    if args.dry_run:
        compose = composer(store, week, settings, content, setup, now, to)
        for recipient in recipients:
            _show(compose(recipient))
        return 0
    if not (config.smtp_url and config.mail_from):
        return _refuse("set TRYGHEDSPULS_SMTP_URL and TRYGHEDSPULS_MAIL_FROM (or use --dry-run)")
    try:
        mailer = SmtpMailer(parse_smtp_url(config.smtp_url))
    except ValueError as wrong:
        return _refuse(str(wrong))
    if to:
        compose = composer(store, week, settings, content, setup, now, to)
        return _preview(mailer, compose, recipients)
    outcome = send_digests(store, mailer, content, settings, setup, week, now)
    print(
        f"Digest {week}: {len(outcome.sent)} sent, {len(outcome.failed)} failed, "
        f"{outcome.skipped} sent before or waiting to retry."
    )
    for scope in outcome.failed:
        print(f"  not sent: {scope} (will be retried; see the audit log)", file=sys.stderr)
    return 1 if outcome.failed else 0


def _show(message) -> None:
    """A message as a person reads it: who, what, and the plain-text part."""
    print(f"To: {message['To']}\nSubject: {message['Subject']}\n")
    print(message.get_body(("plain",)).get_content())
    print("=" * 72)


def _preview(mailer, compose, recipients) -> int:
    failed = 0
    for recipient in recipients:
        try:
            mailer.send(compose(recipient))
        except MailFailed as error:
            failed += 1
            print(f"  not sent: {recipient.scope}: {error.reason}", file=sys.stderr)
    print(f"Preview: {len(recipients) - failed} of {len(recipients)} digests sent.")
    return 1 if failed else 0


def _refuse(message: str) -> int:
    print(f"digest: {message}", file=sys.stderr)
    return 2
