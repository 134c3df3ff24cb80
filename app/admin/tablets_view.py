"""The Tablets tab: every tablet across workplaces, the ones that need attention first."""

from __future__ import annotations

import flet as ft

from app.admin.console import local_time
from app.admin.controls import badge, body, muted
from app.admin.state import AdminState
from app.components import palette
from app.components.panel import Panel
from app.i18n import t


def _details(row: dict, lang: str) -> str:
    if row["device_id"] is None:
        return t("admin.tablets.none_paired", lang)
    offset = row.get("clock_offset_seconds")
    return t(
        "admin.tablets.details",
        lang,
        seen=local_time(row.get("last_seen"), lang),
        version=row.get("app_version") or "–",
        waiting=row.get("queue_depth") or 0,
        dropped=row.get("dropped") or 0,
        offset="–" if offset is None else f"{offset:+d}",
    )


def _row(row: dict, lang: str) -> ft.Control:
    reasons = row["attention"]
    badges = [badge(t(f"admin.tablets.reason.{r}", lang), "notice") for r in reasons] or [
        badge(t("admin.tablets.ok", lang), "calm")
    ]
    area = row["area"] or t("admin.workplaces.no_area", lang)
    title = row["workplace_name"] + (f" · {row['device_name']}" if row["device_name"] else "")
    return ft.Container(
        ft.Column(
            [
                ft.Row([body(title, weight=ft.FontWeight.W_600), *badges], wrap=True),
                muted(f"{area} · {_details(row, lang)}"),
            ],
            spacing=2,
            tight=True,
        ),
        padding=ft.Padding.symmetric(vertical=8),
        border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
    )


@ft.component
def TabletsView(state: AdminState) -> ft.Control:
    """The fleet overview."""
    lang, tablets = state.lang, state.tablets
    rows = [_row(r, lang) for r in tablets.rows] or [muted(t("admin.workplaces.none", lang), 15)]
    return Panel(
        ft.Column(rows, spacing=0, tight=True),
        title=t("admin.tablets.title", lang),
        subtitle=t(
            "admin.tablets.subtitle",
            lang,
            count=len(tablets.rows),
            attention=tablets.needing_attention,
        ),
        identifier="admin-tablets",
    )
