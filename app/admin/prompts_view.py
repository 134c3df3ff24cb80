"""Prompts: the library (Danish and English) with add, edit, deactivate and reorder."""

from __future__ import annotations

import flet as ft

from app.admin.controls import badge, body, destructive, muted, primary, quiet
from app.admin.rotation_view import RotationPanel
from app.admin.state import AdminState
from app.components import palette
from app.components.actions import act
from app.components.confirm import Question, use_confirm
from app.components.form import use_form
from app.components.icon_action import icon_action
from app.components.panel import Panel
from app.i18n import t


@ft.component
def PromptForm(state: AdminState, prompt: dict | None, on_done=None) -> ft.Control:
    """Danish and English wording; adds a new prompt or saves an edited one."""
    lang = state.lang
    form = use_form(da=prompt["da"] if prompt else "", en=prompt["en"] if prompt else "")

    async def save(_e=None) -> None:
        prompts, da, en = state.prompts, form["da"], form["en"]
        ok = await (prompts.edit(prompt["id"], da, en) if prompt else prompts.add(da, en))
        if ok:
            form.reset()
            if on_done:
                on_done()

    buttons = [primary(t("admin.save" if prompt else "admin.prompts.add", lang), save)]
    if on_done:
        buttons.append(quiet(t("admin.cancel", lang), act(lambda _e: on_done())))
    return ft.Column(
        [
            form.field("da", label=t("admin.prompts.da", lang), multiline=True),
            form.field("en", label=t("admin.prompts.en", lang), multiline=True),
            ft.Row(buttons),
        ],
        spacing=10,
        tight=True,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


@ft.component
def PromptLibraryPanel(state: AdminState) -> ft.Control:
    """Each prompt in rotation order, with its actions."""
    ask = use_confirm()
    editing, set_editing = ft.use_state(None)
    lang, prompts = state.lang, state.prompts
    rows: list[ft.Control] = []
    order = list(prompts.order)
    for prompt in prompts.in_order():
        pid = prompt["id"]
        if editing == pid:
            rows.append(PromptForm(state, prompt, lambda: set_editing(None)))
            continue
        place = order.index(pid) + 1 if pid in order else None
        texts = ft.Column(
            [
                body(prompt[lang] if lang in prompt else prompt["da"], weight=ft.FontWeight.W_500),
                muted(prompt["en"] if lang == "da" else prompt["da"]),
            ],
            spacing=2,
            tight=True,
            expand=True,
        )
        actions: list[ft.Control] = [
            quiet(t("admin.prompts.edit", lang), lambda _e, p=pid: set_editing(p))
        ]
        if prompt["active"]:
            actions += [
                icon_action(
                    ft.Icons.ARROW_UPWARD,
                    t("admin.prompts.up", lang),
                    act(lambda _e, p=pid: prompts.move(p, -1)),
                    disabled=place == 1,
                ),
                icon_action(
                    ft.Icons.ARROW_DOWNWARD,
                    t("admin.prompts.down", lang),
                    act(lambda _e, p=pid: prompts.move(p, 1)),
                    disabled=place == len(order),
                ),
                destructive(
                    t("admin.prompts.deactivate", lang),
                    act(
                        lambda _e, p=prompt: ask(
                            Question(
                                t("admin.prompts.deactivate_title", lang),
                                t("admin.prompts.deactivate_body", lang, text=p[lang]),
                                t("admin.prompts.deactivate", lang),
                                t("admin.cancel", lang),
                                lambda: prompts.set_active(p["id"], False),
                            )
                        )
                    ),
                ),
            ]
        else:
            actions.append(
                quiet(
                    t("admin.prompts.activate", lang),
                    act(lambda _e, p=pid: prompts.set_active(p, True)),
                )
            )
        marker = (
            badge(str(place), "calm")
            if place
            else badge(t("admin.prompts.inactive", lang), "muted")
        )
        rows.append(
            ft.Container(
                ft.Row(
                    [marker, texts, ft.Row(actions, tight=True, spacing=0)],
                    vertical_alignment=ft.CrossAxisAlignment.CENTER,
                ),
                padding=ft.Padding.symmetric(vertical=8),
                border=ft.Border.only(top=ft.BorderSide(1, palette.LINE)),
            )
        )
    return Panel(
        ft.Column(rows, spacing=0, tight=True),
        title=t("admin.prompts.library", lang),
        subtitle=t("admin.prompts.library_note", lang),
        identifier="admin-prompts",
    )


@ft.component
def PromptsView(state: AdminState) -> ft.Control:
    """Library and new prompt on the left, the coming weeks on the right."""
    lang = state.lang
    left = ft.Column(
        [
            PromptLibraryPanel(state),
            Panel(PromptForm(state, None), title=t("admin.prompts.new", lang)),
        ],
        spacing=palette.GAP,
        col={"xs": 12, "lg": 7},
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
    right = ft.Container(RotationPanel(state), col={"xs": 12, "lg": 5})
    return ft.ResponsiveRow(
        [left, right],
        spacing=palette.GAP,
        run_spacing=palette.GAP,
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
