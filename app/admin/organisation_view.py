"""The organisation overview: every area and workplace this week, attention first."""

from __future__ import annotations

import flet as ft

from app.admin.controls import badge, body, heading, muted
from app.admin.organisation_state import attention, ranked
from app.admin.state import AdminState
from app.components import palette
from app.components.panel import Panel
from app.components.stat_tile import StatTile
from app.i18n import number, t
from app.pulse.figures import week_number


def figures(row: dict, lang: str) -> str:
    """ "6,8 · 12 svar", or "for få svar" / "ingen svar" (never a number when suppressed)."""
    if row.get("responses") == 0:
        return t("pulse.no_answers", lang)
    if row.get("suppressed") or row.get("mean") is None:
        return t("pulse.too_few", lang)
    return t(
        "admin.organisation.figures",
        lang,
        mean=number(row["mean"], lang),
        responses=row["responses"],
    )


def meter(mean: float | None, low: bool) -> ft.Control:
    """A quiet bar for a mean on the 1–10 scale (empty when there is no number to show)."""
    filled = 0 if mean is None else max(0.0, min(1.0, (mean - 1) / 9))
    return ft.Container(
        width=140,
        height=8,
        border_radius=4,
        bgcolor=palette.LINE,
        content=ft.Container(
            width=140 * filled,
            height=8,
            border_radius=4,
            bgcolor=palette.NOTICE if low else palette.ACCENT,
        ),
        alignment=ft.Alignment.CENTER_LEFT,
    )


def _row(row: dict, lang: str, name: str, strong: bool = False) -> ft.Control:
    reason = attention(row)
    tags = [badge(t(f"admin.organisation.{reason}", lang), "notice")] if reason else []
    return ft.Container(
        padding=ft.Padding.symmetric(horizontal=12, vertical=8),
        border_radius=10,
        bgcolor=palette.NOTICE_SOFT if reason == "low" else None,
        content=ft.Row(
            [
                body(name, weight=ft.FontWeight.W_600 if strong else None, expand=True),
                *tags,
                meter(None if row.get("suppressed") else row.get("mean"), reason == "low"),
                ft.Text(
                    figures(row, lang),
                    size=15,
                    color=palette.INK if row.get("mean") is not None else palette.MUTED,
                    width=150,
                    text_align=ft.TextAlign.RIGHT,
                ),
            ]
        ),
    )


@ft.component
def OrganisationView(state: AdminState) -> ft.Control:
    """Totals on top, then areas (and their workplaces) that need attention first."""
    lang, overview = state.lang, state.organisation.overview
    if overview is None:
        return Panel(muted(t("admin.loading", lang), 15))
    total = overview["organisation"]
    week = overview["week"]
    tiles = ft.ResponsiveRow(
        [
            StatTile(
                t("admin.organisation.week", lang),
                week_number(week),
                week[:4],
                col={"xs": 12, "sm": 4},
            ),
            StatTile(
                t("pulse.stat.responses", lang),
                str(total["responses"]) if total.get("responses") is not None else "–",
                t("admin.organisation.responses_note", lang),
                col={"xs": 12, "sm": 4},
            ),
            StatTile(
                t("pulse.stat.mean", lang),
                number(total["mean"], lang)
                if total.get("mean") is not None
                else t("pulse.too_few", lang),
                t("admin.organisation.mean_note", lang),
                col={"xs": 12, "sm": 4},
                muted=total.get("mean") is None,
            ),
        ],
        spacing=palette.GAP,
        run_spacing=palette.GAP,
    )
    groups: list[ft.Control] = []
    for area in ranked(overview):
        groups.append(
            ft.Container(
                padding=ft.Padding.only(top=8),
                content=ft.Column(
                    [
                        ft.Row(
                            [
                                heading(area.get("area") or t("admin.workplaces.no_area", lang)),
                                muted(figures(area, lang)),
                            ],
                            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                        ),
                        *[_row(w, lang, w["name"]) for w in area["workplaces"]],
                    ],
                    spacing=2,
                    tight=True,
                ),
            )
        )
    if not groups:
        groups.append(muted(t("admin.workplaces.none", lang), 15))
    return ft.Column(
        [
            tiles,
            Panel(
                ft.Column(groups, spacing=8, tight=True),
                title=t("admin.organisation.title", lang),
                subtitle=t("admin.organisation.note", lang, threshold=overview["threshold"]),
                identifier="admin-organisation",
            ),
        ],
        spacing=palette.GAP,
    )
