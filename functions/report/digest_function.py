"""Lambda function that sends the Monday digests through Amazon SES, invoked by EventBridge
Scheduler (infra/template.yaml): at 07:00 Copenhagen time on Mondays, and hourly in the daytime
to retry what failed. Every run sends what is due and not sent yet, so extra runs are harmless."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger

from functions.api.services import build_services_with, get_services
from functions.config import load_config
from functions.domain.digest_schedule import week_due
from functions.domain.weeks import parse_week
from functions.report.digests import DigestSetup, send_digests
from functions.report.ses import SesMailer
from functions.wiring import services_from_environment

logger = Logger()  # service name from POWERTOOLS_SERVICE_NAME
_mailer = SesMailer()
build_services_with(services_from_environment)  # on the first run, from the environment


@logger.inject_lambda_context
def lambda_handler(event: dict, context: Any) -> dict:
    """Send the due week's digests (or `event["week"]`'s); a summary by scope, never addresses."""
    config = load_config()
    services = get_services()
    now = services.now()
    week = parse_week(event["week"]) if event.get("week") else week_due(now)
    if not config.mail_from:
        logger.warning("TRYGHEDSPULS_MAIL_FROM is not set: no digests are sent")
        return {"week": week, "sent": 0, "failed": 0, "skipped": 0}
    setup = DigestSetup(config.mail_from, config.pulse_url, config.admin_emails)
    outcome = send_digests(
        services.store, _mailer, services.content, services.settings(), setup, week, now
    )
    summary = {
        "week": week,
        "sent": len(outcome.sent),
        "failed": len(outcome.failed),
        "skipped": outcome.skipped,
    }
    if outcome.failed or outcome.unconfirmed:
        # A warning the alarm on the log and the audit log both see; retried on the next run.
        logger.warning("digests not sent", extra={**summary, "scopes": outcome.failed})
    else:
        logger.info("digests", extra=summary)
    return summary
