"""The administrators' Monday summary as blocks: areas, workplaces to look at, silent tablets."""

from __future__ import annotations

from datetime import UTC, datetime

from functions.domain.digest_organisation import OrganisationWeek
from functions.domain.pulse_views import Figures
from functions.domain.weeks import TZ
from functions.report.blocks import Block, Heading, Items, Paragraph, Report, Table
from functions.report.content import figures, subtitle
from functions.report.texts import number, signed, t, week_number


def _mean(row: Figures, lang: str) -> str:
    return number(row.mean, lang) if row.mean is not None else t("digest.too_few", lang)


def _answers(row: Figures, lang: str) -> str:
    return str(row.responses) if not row.suppressed else t("digest.too_few", lang)


def organisation_report(week: OrganisationWeek, lang: str) -> Report:
    """The organisation's week, as the organisation pulse shows it to administrators."""
    pulse = week.pulse
    areas = Table(
        t("digest.org.areas", lang),
        ("", t("digest.answers", lang), t("digest.mean", lang)),
        tuple(
            (a.area or t("digest.org.no_area", lang), _answers(a, lang), _mean(a, lang))
            for a in pulse.areas
        ),
    )
    attention = [
        t(
            f"digest.org.reason.{a.reason}",
            lang,
            name=a.workplace + (f" ({a.area})" if a.area else ""),
            mean=number(a.mean, lang) if a.mean is not None else "",
            change=signed(a.change, lang) if a.change is not None else "",
        )
        for a in week.attention
    ]
    silent = [
        t(
            "digest.org.silent_seen" if s.last_seen else "digest.org.silent_never",
            lang,
            workplace=s.workplace,
            tablet=s.name,
            date=_day(s.last_seen) if s.last_seen else "",
        )
        for s in week.silent
    ]
    silent += [
        t("digest.org.dropped", lang, workplace=d.workplace, tablet=d.name, count=d.dropped)
        for d in week.dropping
    ]
    blocks: list[Block] = [
        Paragraph(t("digest.intro_org", lang)),
        *figures(pulse.organisation, None, week.threshold, lang, with_change=False),
        areas,
        Heading(t("digest.org.attention", lang)),
        Items(tuple(attention))
        if attention
        else Paragraph(t("digest.org.attention_none", lang), muted=True),
        Heading(t("digest.org.silent", lang)),
        Items(tuple(silent))
        if silent
        else Paragraph(t("digest.org.silent_none", lang), muted=True),
    ]
    return Report(
        lang=lang,
        subject=t("digest.subject_org", lang, number=week_number(week.week)),
        kicker=t("digest.kicker", lang),
        title=t("digest.org.organisation", lang),
        subtitle=subtitle(week.week, lang),
        blocks=blocks,
        footer=t("digest.footer_org", lang),
    )


def _day(epoch: int) -> str:
    # The day is enough to see how long a tablet has been silent.
    return datetime.fromtimestamp(epoch, UTC).astimezone(TZ).date().isoformat()
