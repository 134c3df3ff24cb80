"""GET /v1/workplaces/{id}/pulse.pdf: one week of one workplace on an A4 page, for whoever may
see its pulse (its viewers, its leader, admins), with the pulse's own anonymity rules."""

from __future__ import annotations

from datetime import datetime

from functions.domain.digest import workplace_week
from functions.domain.errors import InvalidInput
from functions.domain.models import Settings, Workplace
from functions.domain.ports import Store
from functions.domain.weeks import current_week, parse_week, week_index
from functions.report.content import printed_report
from functions.report.pdf import report_pdf


def pulse_pdf(
    store: Store,
    workplace: Workplace,
    week: str | None,
    settings: Settings,
    content: dict,
    lang: str,
    now: datetime,
) -> bytes:
    """The printed page of `week` (default: this week, as the pulse shows it right now)."""
    this_week = current_week(now)
    week = parse_week(week) if week else this_week
    if week_index(week) > week_index(this_week):
        raise InvalidInput(f"{week} has not begun yet.")
    data = workplace_week(store, workplace, week, settings.anonymity_threshold)
    return report_pdf(printed_report(data, content, lang))


def pdf_file_name(workplace: Workplace, week: str) -> str:
    """tryghedspuls-<workplace id>-<week>.pdf (ids are safe in a file name)."""
    return f"tryghedspuls-{workplace.id}-{week}.pdf"
