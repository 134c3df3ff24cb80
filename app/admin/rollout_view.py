"""Workplaces tab, rollout panels: import the organisation file, print the pairing sheets."""

from __future__ import annotations

import flet as ft

from app.admin.controls import body, heading, muted, primary, quiet, secondary
from app.admin.rollout_state import SHEETS_FILE
from app.admin.state import AdminState
from app.components import palette
from app.components.choice_button import ChoiceButton
from app.components.panel import Panel
from app.i18n import t

SHOWN = 12  # names listed per group of a plan; the rest are counted


def _names(lines: list[str], lang: str) -> list[ft.Control]:
    shown = [body(line, 14) for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(muted(t("admin.import.more", lang, count=len(lines) - SHOWN)))
    return shown


def _change(change: dict) -> str:
    def text(value) -> str:
        return ", ".join(value) if isinstance(value, list) else (value or "–")

    return f"{text(change['from'])} → {text(change['to'])}"


def _plan_rows(plan: dict, lang: str) -> list[ft.Control]:
    rows: list[ft.Control] = [
        ft.Semantics(
            identifier="import-summary",
            content=body(
                t(
                    "admin.import.summary",
                    lang,
                    created=len(plan["created"]),
                    updated=len(plan["updated"]),
                    unchanged=plan["unchanged"],
                    missing=len(plan["missing"]),
                ),
                weight=ft.FontWeight.W_600,
            ),
        )
    ]
    if plan["created"]:
        rows.append(heading(t("admin.import.created", lang)))
        rows += _names([f"{w['name']} ({w['area'] or '–'})" for w in plan["created"]], lang)
    if plan["updated"]:
        rows.append(heading(t("admin.import.updated", lang)))
        lines = [
            f"{w['name']}: "
            + "; ".join(
                f"{t('admin.import.field.' + name, lang)} {_change(c)}"
                for name, c in w["changes"].items()
            )
            for w in plan["updated"]
        ]
        rows += _names(lines, lang)
    if plan["missing"]:
        rows.append(heading(t("admin.import.missing", lang)))
        rows += _names([f"{w['name']} ({w['area'] or '–'})" for w in plan["missing"]], lang)
    return rows


@ft.component
def ImportPanel(state: AdminState) -> ft.Control:
    """Choose the CSV file, see what it would change, then import it."""
    lang, importing = state.lang, state.org_import

    async def choose(_e=None) -> None:
        files = await ft.FilePicker().pick_files(
            dialog_title=t("admin.import.choose", lang),
            allowed_extensions=["csv", "txt"],
            with_data=True,
        )
        if files and files[0].bytes is not None:
            await importing.choose(files[0].name, files[0].bytes)

    async def apply(_e=None) -> None:
        await importing.apply()

    controls: list[ft.Control] = [
        muted(t("admin.import.help", lang), 14),
        ft.Row(
            [secondary(t("admin.import.choose", lang), choose, ft.Icons.UPLOAD_FILE)], wrap=True
        ),
    ]
    if importing.file_name:
        controls.append(body(importing.file_name, 14, color=palette.MUTED))
    if importing.problems:
        controls.append(heading(t("admin.import.problems", lang)))
        for problem in importing.problems:
            line = t("admin.import.line", lang, line=problem.get("line", "?"))
            controls.append(body(f"{line}: {problem.get('message', '')}", 14, color=palette.NOTICE))
    if importing.plan:
        controls += _plan_rows(importing.plan, lang)
        nothing = not (importing.plan["created"] or importing.plan["updated"])
        controls.append(
            ft.Row(
                [
                    primary(
                        t("admin.import.apply", lang),
                        apply,
                        ft.Icons.CHECK,
                        disabled=importing.busy or nothing,
                    ),
                    quiet(t("admin.cancel", lang), lambda _e: importing.cancel()),
                ],
                wrap=True,
            )
        )
    return Panel(
        ft.Column(controls, spacing=8, tight=True),
        title=t("admin.import.title", lang),
    )


@ft.component
def PrintSheetsPanel(state: AdminState) -> ft.Control:
    """One PDF page per workplace (or those of one area) with a QR code that pairs its tablet."""
    lang, sheets = state.lang, state.sheets

    async def make(_e=None) -> None:
        pdf = await sheets.make(state.origin)
        if pdf:
            await ft.FilePicker().save_file(file_name=SHEETS_FILE, src_bytes=pdf)

    def choose_area(key: str | None) -> None:
        sheets.area = key or ""

    options = [(None, t("admin.sheets.all", lang))] + [
        (area, area) for area in state.workplaces.areas()
    ]
    return Panel(
        ft.Column(
            [
                muted(t("admin.sheets.help", lang), 14),
                ft.Row(
                    [
                        ChoiceButton(
                            t("admin.sheets.area", lang),
                            sheets.area or t("admin.sheets.all", lang),
                            options,
                            choose_area,
                            t("admin.cancel", lang),
                        )
                    ],
                    wrap=True,
                ),
                ft.Row(
                    [
                        primary(
                            t("admin.sheets.print", lang),
                            make,
                            ft.Icons.PRINT,
                            disabled=sheets.busy or not state.workplaces.items,
                        )
                    ]
                ),
            ],
            spacing=10,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
        title=t("admin.sheets.title", lang),
    )
