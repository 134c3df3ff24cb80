"""The rotation calendar for the coming weeks, with pinning a prompt for all workplaces or one."""

from __future__ import annotations

import flet as ft

from app.admin.controls import badge, body, heading, muted, quiet
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.choice_button import ChoiceButton
from app.components.panel import Panel
from app.i18n import pick, t
from app.pulse.figures import week_number


@ft.component
def RotationPanel(state: AdminState) -> ft.Control:
    """Eight weeks; each can be pinned to a prompt (a dialog lists the active ones)."""
    lang, prompts = state.lang, state.prompts
    choosing, set_choosing = ft.use_state(None)  # the week whose prompt is being chosen

    async def pin(prompt_id: str) -> None:
        week = choosing
        set_choosing(None)
        await prompts.pin(week, prompt_id)

    dialog = None
    if choosing:
        dialog = ft.AlertDialog(
            title=ft.Text(
                t("admin.rotation.choose", lang, week=week_number(choosing)), color=palette.INK
            ),
            content=ft.Column(
                [
                    ft.TextButton(
                        p[lang],
                        on_click=act(lambda _e, pid=p["id"]: pin(pid)),
                        style=ft.ButtonStyle(alignment=ft.Alignment.CENTER_LEFT),
                    )
                    for p in prompts.active()
                ],
                tight=True,
                scroll=ft.ScrollMode.AUTO,
                width=520,
            ),
            actions=[
                ft.TextButton(t("admin.cancel", lang), on_click=lambda _e: set_choosing(None))
            ],
            on_dismiss=lambda _e: set_choosing(None),
        )
    ft.use_dialog(dialog)

    places = sorted(state.workplaces.items, key=lambda w: w["name"])
    scope = ChoiceButton(
        t("admin.rotation.scope", lang),
        state.workplaces.name_of(prompts.scope) if prompts.scope else t("admin.rotation.all", lang),
        [(None, t("admin.rotation.all", lang)), *[(w["id"], w["name"]) for w in places]],
        prompts.set_scope,
        t("admin.cancel", lang),
    )
    rows: list[ft.Control] = [ft.Row([scope])]
    for entry in prompts.schedule:
        week = entry["week"]
        pinned = entry.get("pinned")
        tags = [badge(t(f"admin.rotation.pinned_{pinned}", lang), "notice")] if pinned else []
        actions = [
            quiet(
                t("admin.rotation.pin", lang),
                lambda _e, w=week: set_choosing(w),
                ft.Icons.PUSH_PIN_OUTLINED,
                tooltip=t("admin.rotation.pin_week", lang, week=week_number(week)),
            )
        ]
        if pinned and (pinned == "workplace") == bool(prompts.scope):
            actions.append(
                quiet(t("admin.rotation.unpin", lang), act(lambda _e, w=week: prompts.unpin(w)))
            )
        rows.append(
            ft.Container(
                padding=ft.Padding.symmetric(vertical=8),
                border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
                content=ft.Column(
                    [
                        ft.Row(
                            [
                                heading(
                                    t("pulse.week", lang, number=week_number(week), year=week[:4])
                                ),
                                *tags,
                            ]
                        ),
                        body(pick(entry.get("prompt"), lang)),
                        ft.Row(actions, spacing=0, wrap=True),
                    ],
                    spacing=4,
                    tight=True,
                ),
            )
        )
    if not prompts.schedule:
        rows.append(muted(t("admin.rotation.empty", lang), 14))
    return Panel(
        ft.Column(rows, spacing=6, tight=True),
        title=t("admin.rotation.title", lang),
        subtitle=t("admin.rotation.subtitle", lang),
        identifier="admin-rotation",
    )
