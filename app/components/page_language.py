"""The page says which language it shows (`<html lang>`), so screen readers read Danish as Danish.

Flutter's web engine writes the app's locale into `<html lang>`; the app's locale follows the
language each screen shows, through this hook.
"""

from __future__ import annotations

import flet as ft

from app.i18n import LANGUAGES

SUPPORTED = [ft.Locale(lang) for lang in LANGUAGES]  # Danish first: the fallback


def locale_configuration(lang: str) -> ft.LocaleConfiguration:
    """Danish and English supported, `lang` current."""
    return ft.LocaleConfiguration(supported_locales=SUPPORTED, current_locale=ft.Locale(lang))


def use_page_language(lang: str, title: str | None = None) -> None:
    """Keep the page's language at `lang` (and its title, WCAG 2.4.2) while the screen shows."""

    def apply() -> None:
        page = ft.context.page
        page.locale_configuration = locale_configuration(lang)
        if title:
            page.title = title
        page.update()

    ft.use_effect(apply, [lang, title])
