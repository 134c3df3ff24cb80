"""Completions: approve or hide those held for review; read and hide a workplace's this week."""

from __future__ import annotations

import flet as ft

from app.admin.controls import badge, body, destructive, muted, primary
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.choice_button import ChoiceButton
from app.components.confirm import Question, use_confirm
from app.components.panel import Panel
from app.i18n import t
from app.pulse.figures import week_number


def _hide_question(state: AdminState, item: dict) -> Question:
    lang = state.lang
    return Question(
        t("admin.completions.hide_title", lang),
        t("admin.completions.hide_body", lang, text=item["text"]),
        t("admin.completions.hide", lang),
        t("admin.cancel", lang),
        lambda: state.completions.set_status(item["id"], "hidden"),
    )


def _line(text: str, meta: str, actions: list[ft.Control]) -> ft.Control:
    return ft.Container(
        padding=ft.Padding.symmetric(vertical=8),
        border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
        content=ft.Row(
            [
                ft.Column([body(f"… {text}"), muted(meta)], spacing=2, tight=True, expand=True),
                ft.Row(actions, tight=True, wrap=True),
            ]
        ),
    )


@ft.component
def ReviewQueuePanel(state: AdminState) -> ft.Control:
    """Completions held because they seem to name a person."""
    ask = use_confirm()
    lang, completions = state.lang, state.completions
    rows: list[ft.Control] = []
    for item in completions.queue:
        meta = t(
            "admin.completions.meta",
            lang,
            workplace=state.workplaces.name_of(item["workplace_id"]),
            week=week_number(item["week"]),
        )
        rows.append(
            _line(
                item["text"],
                meta,
                [
                    primary(
                        t("admin.completions.approve", lang),
                        act(lambda _e, i=item["id"]: completions.set_status(i, "visible")),
                    ),
                    destructive(
                        t("admin.completions.hide", lang),
                        act(lambda _e, i=item: ask(_hide_question(state, i))),
                    ),
                ],
            )
        )
    if not rows:
        rows.append(muted(t("admin.completions.queue_empty", lang), 15))
    return Panel(
        ft.Column(rows, spacing=0, tight=True),
        title=t("admin.completions.queue", lang),
        subtitle=t("admin.completions.queue_note", lang),
        identifier="admin-review",
    )


@ft.component
def WeekCompletionsPanel(state: AdminState) -> ft.Control:
    """This week's completions of one workplace, with their status; hide a hurtful one."""
    ask = use_confirm()
    lang, completions = state.lang, state.completions
    places = sorted(state.workplaces.items, key=lambda w: w["name"])
    chooser = ChoiceButton(
        t("admin.completions.workplace", lang),
        state.workplaces.name_of(completions.workplace_id)
        if completions.workplace_id
        else t("admin.completions.none_chosen", lang),
        [(w["id"], w["name"]) for w in places],
        completions.choose,
        t("admin.cancel", lang),
    )
    rows: list[ft.Control] = [ft.Row([chooser])]
    for item in completions.week_items:
        status = item["status"]
        tone = {"visible": "calm", "held": "notice"}.get(status, "muted")
        actions: list[ft.Control] = [badge(t(f"admin.completions.status.{status}", lang), tone)]
        if status != "hidden":
            actions.append(
                destructive(
                    t("admin.completions.hide", lang),
                    act(lambda _e, i=item: ask(_hide_question(state, i))),
                )
            )
        else:
            actions.append(
                ft.TextButton(
                    t("admin.completions.show", lang),
                    on_click=act(lambda _e, i=item["id"]: completions.set_status(i, "visible")),
                )
            )
        rows.append(_line(item["text"], "", actions))
    if completions.workplace_id and not completions.week_items:
        rows.append(muted(t("admin.completions.week_empty", lang), 15))
    return Panel(
        ft.Column(rows, spacing=6, tight=True),
        title=t("admin.completions.week", lang),
        identifier="admin-week-completions",
    )


@ft.component
def CompletionsView(state: AdminState) -> ft.Control:
    """The review queue beside a workplace's week."""
    return ft.ResponsiveRow(
        [
            ft.Container(ReviewQueuePanel(state), col={"xs": 12, "md": 6}),
            ft.Container(WeekCompletionsPanel(state), col={"xs": 12, "md": 6}),
        ],
        spacing=palette.GAP,
        run_spacing=palette.GAP,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
