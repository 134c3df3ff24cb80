"""Workplaces: create one, the list grouped by area, and the selected one's details."""

from __future__ import annotations

import flet as ft

from app.admin.controls import heading, muted, primary, row_box
from app.admin.rollout_view import ImportPanel, PrintSheetsPanel
from app.admin.state import AdminState
from app.admin.workplace_detail_view import WorkplaceDetailView
from app.components import palette
from app.components.actions import act
from app.components.form import use_form
from app.components.panel import Panel
from app.i18n import t


@ft.component
def CreateWorkplacePanel(state: AdminState) -> ft.Control:
    """Name and area of a new workplace."""
    lang = state.lang
    form = use_form(name="", area="")

    async def create(_e=None) -> None:
        if await state.workplaces.create(form["name"], form["area"]):
            form.reset()

    return Panel(
        ft.Column(
            [
                form.field("name", label=t("admin.workplaces.name", lang), on_submit=create),
                form.field(
                    "area",
                    label=t("admin.workplaces.area", lang),
                    hint_text=", ".join(state.workplaces.areas()[:3]) or None,
                    on_submit=create,
                ),
                ft.Row([primary(t("admin.workplaces.create", lang), create, ft.Icons.ADD)]),
            ],
            spacing=12,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
        title=t("admin.workplaces.new", lang),
    )


@ft.component
def WorkplaceListPanel(state: AdminState) -> ft.Control:
    """All workplaces by area; click one to see its details."""
    lang, places = state.lang, state.workplaces
    rows: list[ft.Control] = []
    for area, members in places.grouped():
        rows.append(heading(area or t("admin.workplaces.no_area", lang)))
        for workplace in members:
            rows.append(
                row_box(
                    ft.Row(
                        [
                            ft.Text(workplace["name"], size=15, color=palette.INK, expand=True),
                            ft.Icon(ft.Icons.CHEVRON_RIGHT, color=palette.MUTED, size=18),
                        ]
                    ),
                    selected=workplace["id"] == places.selected_id,
                    on_click=act(lambda _e, wid=workplace["id"]: places.select(wid)),
                )
            )
    if not rows:
        rows.append(muted(t("admin.workplaces.none", lang), 15))
    return Panel(
        ft.Column(rows, spacing=4, tight=True),
        title=t("admin.workplaces.list", lang),
        subtitle=t("admin.workplaces.count", lang, count=len(places.items)),
        identifier="admin-workplace-list",
    )


@ft.component
def WorkplacesView(state: AdminState) -> ft.Control:
    """Left: create and list; right: the selected workplace."""
    left = ft.Column(
        [
            CreateWorkplacePanel(state),
            ImportPanel(state),
            PrintSheetsPanel(state),
            WorkplaceListPanel(state),
        ],
        spacing=palette.GAP,
        col={"xs": 12, "md": 5},
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
    right = ft.Container(WorkplaceDetailView(state), col={"xs": 12, "md": 7})
    return ft.ResponsiveRow(
        [left, right],
        spacing=palette.GAP,
        run_spacing=palette.GAP,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
