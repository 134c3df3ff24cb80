"""The Monday digests end to end: who gets what, each e-mail composed, sent once.

Shared by `serve`'s schedule (local/digest_loop.py), the `digest` command and the AWS function;
each hands in its own mailer (SMTP or SES) and clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from urllib.parse import urlencode

from functions.domain.digest import area_week, workplace_week
from functions.domain.digest_organisation import organisation_week
from functions.domain.digest_recipients import Recipient, admin_recipients, leader_recipients
from functions.domain.languages import forget_unused_languages, in_their_languages
from functions.domain.models import Settings
from functions.domain.ports import Store
from functions.report.blocks import Report
from functions.report.content import LinksFor, area_report, workplace_report
from functions.report.message import email_message
from functions.report.organisation import organisation_report
from functions.report.sending import Mailer, Outcome, send_week


@dataclass(frozen=True)
class DigestSetup:
    """What sending needs beyond the store: the sender, where the pulse lives, the configured
    administrators (TRYGHEDSPULS_ADMIN_EMAILS; the console's list is read from the store)."""

    sender: str
    pulse_url: str | None = None  # e.g. http://host:8550/pulse; links are left out without it
    admins: tuple[str, ...] = ()


def pulse_links(pulse_url: str | None) -> LinksFor | None:
    """Workplace id -> (pulse, meeting mode) addresses under `pulse_url`; no token in them."""
    if not pulse_url:
        return None

    def links(workplace_id: str) -> tuple[str, str]:
        pulse = f"{pulse_url}?{urlencode({'workplace': workplace_id})}"
        return pulse, f"{pulse}&meeting=1"

    return links


def recipients_of(store: Store, setup: DigestSetup) -> list[Recipient]:
    """Leaders (per workplace, or per area) from the stored workplaces, then the sign-in
    administrators by address (configured and the console's), each in their language."""
    workplaces = store.list_workplaces()
    # Administrators by group claim have no address we know: the console's list reaches them.
    admins = {a.strip().lower() for a in (*setup.admins, *store.get_signin_settings().admin_emails)}
    found = leader_recipients(workplaces) + admin_recipients(admins - {""}, workplaces)
    return in_their_languages(store, found)


def report_for(
    store: Store,
    recipient: Recipient,
    week: str,
    settings: Settings,
    content: dict,
    setup: DigestSetup,
    now: datetime,
) -> Report:
    """The report one recipient gets for `week`, in their language."""
    k, lang, links = settings.anonymity_threshold, recipient.lang, pulse_links(setup.pulse_url)
    if recipient.kind == "workplace":
        data = workplace_week(store, recipient.workplaces[0], week, k)
        return workplace_report(data, content, lang, links)
    if recipient.kind == "area":
        data = area_week(store, recipient.area or "", list(recipient.workplaces), week, k)
        return area_report(data, content, lang, links)
    return organisation_report(organisation_week(store, week, settings, now), lang)


def composer(
    store: Store,
    week: str,
    settings: Settings,
    content: dict,
    setup: DigestSetup,
    now: datetime,
    to: str | None = None,
) -> Callable[[Recipient], EmailMessage]:
    """recipient -> the finished message (to `to` instead of the recipient for a preview)."""

    def compose(recipient: Recipient) -> EmailMessage:
        report = report_for(store, recipient, week, settings, content, setup, now)
        return email_message(report, setup.sender, to or recipient.address)

    return compose


def send_digests(
    store: Store,
    mailer: Mailer,
    content: dict,
    settings: Settings,
    setup: DigestSetup,
    week: str,
    now: datetime,
) -> Outcome:
    """Send every digest of `week` that is not sent yet (see report/sending.py)."""
    compose = composer(store, week, settings, content, setup, now)
    recipients = recipients_of(store, setup)
    # A language is kept only while its person gets an e-mail: this run knows who does.
    forget_unused_languages(store, recipients)
    return send_week(store, mailer, week, recipients, compose, now)
