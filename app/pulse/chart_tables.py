"""The charts' figures as tables, one click under each chart: what a screen reader (or anyone
who prefers numbers) reads instead of the picture (WCAG 1.1.1, 1.3.1)."""

from __future__ import annotations

import flet as ft

from app.components import palette
from app.i18n import number, t
from app.pulse.figures import TrendPoint, week_number


def _table(headings: list[str], rows: list[list[str]]) -> ft.DataTable:
    def cell(text: str) -> ft.DataCell:
        return ft.DataCell(ft.Text(text, size=14, color=palette.INK))

    return ft.DataTable(
        columns=[
            ft.DataColumn(ft.Text(h, size=14, color=palette.INK, weight=ft.FontWeight.W_600))
            for h in headings
        ],
        rows=[ft.DataRow(cells=[cell(value) for value in row]) for row in rows],
        heading_row_height=40,
        data_row_min_height=32,
        data_row_max_height=40,
        column_spacing=28,
    )


def _folded(lang: str, table: ft.DataTable) -> ft.Control:
    return ft.ExpansionTile(
        title=ft.Text(t("pulse.table.show", lang), size=14, color=palette.ACCENT),
        tile_padding=ft.Padding.symmetric(horizontal=0),
        expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
        controls=[ft.Row([table], scroll=ft.ScrollMode.AUTO)],
    )


@ft.component
def DistributionTable(distribution: list[int], lang: str) -> ft.Control:
    """How many answered 1, 2, … 10, as rows."""
    rows = [[str(score), str(count)] for score, count in enumerate(distribution, start=1)]
    headings = [t("pulse.table.score", lang), t("pulse.table.answers", lang)]
    return _folded(lang, _table(headings, rows))


@ft.component
def TrendTable(points: list[TrendPoint], lang: str) -> ft.Control:
    """Week by week: our mean and the organisation's ("–" where a week has no figure)."""

    def shown(value: float | None) -> str:
        return "–" if value is None else number(value, lang)

    rows = [[week_number(p.week), shown(p.mean), shown(p.organisation)] for p in points]
    headings = [
        t("pulse.table.week", lang),
        t("pulse.trend.ours", lang),
        t("pulse.trend.organisation", lang),
    ]
    return _folded(lang, _table(headings, rows))
