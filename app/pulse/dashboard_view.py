"""The weekly pulse at a glance: figures, distribution, trend, sentences and the guide."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.components.panel import Panel
from app.components.stat_tile import StatTile
from app.i18n import number, t
from app.pulse.about_view import AboutPanel
from app.pulse.chart_tables import DistributionTable, TrendTable
from app.pulse.charts import DistributionChart, Legend, TrendChart
from app.pulse.figures import WeekSummary, change_text, summary, trend, week_number
from app.pulse.sentences_view import GuidePanel, SentencesPanel
from app.pulse.state import PulseState
from app.statement_view import statement_link

THIRD = {"xs": 12, "sm": 4}
HALF = {"xs": 12, "md": 6}


def week_title(week: str, lang: str) -> str:
    """ "Uge 48 · 2026"."""
    return t("pulse.week", lang, number=week_number(week), year=week[:4])


def stat_tiles(week: WeekSummary, threshold: int, lang: str) -> list[ft.Control]:
    """Answers, mean and change; "too few answers" instead of any number when suppressed."""
    if week.suppressed:
        few = t("pulse.too_few", lang)
        note = t("pulse.too_few_note", lang, threshold=threshold) if week.any_answers else ""
        none = t("pulse.no_answers", lang)
        value = few if week.any_answers else none
        return [
            StatTile(t("pulse.stat.responses", lang), value, note, col=THIRD, muted=True),
            StatTile(t("pulse.stat.mean", lang), value, col=THIRD, muted=True),
            StatTile(t("pulse.stat.change", lang), "–", col=THIRD, muted=True),
        ]
    return [
        StatTile(
            t("pulse.stat.responses", lang),
            str(week.responses),
            t("pulse.stat.responses_note", lang, threshold=threshold),
            col=THIRD,
        ),
        StatTile(
            t("pulse.stat.mean", lang),
            number(week.mean or 0, lang),
            t("pulse.stat.mean_note", lang),
            col=THIRD,
        ),
        StatTile(
            t("pulse.stat.change", lang),
            change_text(week.change, lang),
            t("pulse.stat.change_note", lang),
            col=THIRD,
        ),
    ]


@ft.component
def DistributionPanel(week: WeekSummary, threshold: int, lang: str) -> ft.Control:
    """The bars, or a calm note that the week has too few answers to show."""
    if week.distribution is None:
        body: ft.Control = ft.Container(
            height=220,
            alignment=ft.Alignment.CENTER,
            content=ft.Text(
                t("pulse.distribution.hidden", lang, threshold=threshold),
                color=palette.MUTED,
                size=16,
                text_align=ft.TextAlign.CENTER,
            ),
        )
    else:
        body = ft.Column(
            [
                DistributionChart(list(week.distribution), lang),
                DistributionTable(list(week.distribution), lang),
            ],
            spacing=8,
            tight=True,
        )
    return Panel(
        body,
        title=t("pulse.distribution.title", lang),
        subtitle=t("pulse.distribution.subtitle", lang),
        col=HALF,
        identifier="pulse-distribution",
    )


@ft.component
def TrendPanel(pulse: dict, lang: str) -> ft.Control:
    """12 weeks of the mean beside the organisation's; suppressed weeks named, not drawn."""
    points = trend(pulse)
    notes: list[ft.Control] = [Legend(lang)]
    for key, answered in (("pulse.trend.too_few_weeks", True), ("pulse.trend.no_weeks", False)):
        weeks = [week_number(p.week) for p in points if p.suppressed and p.answered == answered]
        if weeks:
            notes.append(
                ft.Text(t(key, lang, weeks=", ".join(weeks)), size=13, color=palette.MUTED)
            )
    return Panel(
        ft.Column(
            [TrendChart(points, lang), *notes, TrendTable(points, lang)], spacing=8, tight=True
        ),
        title=t("pulse.trend.title", lang),
        subtitle=t("pulse.trend.subtitle", lang, count=len(points)),
        col=HALF,
        identifier="pulse-trend",
    )


@ft.component
def DashboardView(state: PulseState, header: ft.Control) -> ft.Control:
    """Everything on one scrolling page, in columns that fold on a phone."""
    pulse = state.pulse or {}
    lang = state.lang
    week = summary(pulse)
    threshold = pulse.get("threshold", 5)
    rows: list[ft.Control] = [header, AboutPanel(state.content, lang)]
    if week:
        rows.append(
            ft.ResponsiveRow(
                stat_tiles(week, threshold, lang), spacing=palette.GAP, run_spacing=palette.GAP
            )
        )
        rows.append(
            ft.ResponsiveRow(
                [DistributionPanel(week, threshold, lang), TrendPanel(pulse, lang)],
                spacing=palette.GAP,
                run_spacing=palette.GAP,
            )
        )
    rows.append(
        ft.ResponsiveRow(
            [
                SentencesPanel(pulse, lang, {"xs": 12, "md": 7}),
                GuidePanel(state.content, lang, {"xs": 12, "md": 5}),
            ],
            spacing=palette.GAP,
            run_spacing=palette.GAP,
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
    )
    rows.append(
        ft.Text(t("pulse.anonymity_note", lang, threshold=threshold), size=13, color=palette.MUTED)
    )
    rows.append(statement_link(lang, "pulse"))
    return ft.Container(
        content=ft.Column(rows, spacing=palette.GAP + 4),
        padding=ft.Padding.symmetric(horizontal=24, vertical=20),
        width=1200,
    )
