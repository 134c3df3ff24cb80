"""The digest's and the printed page's fixed texts, from app/locales/digest.<lang>.json.

The locale files live with the app's (every visible text in one place for translators); the
functions read only their own file and never import app/. Danish is the fallback, like app/i18n.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
LOCALES = Path(__file__).resolve().parents[2] / "app" / "locales"


@cache
def _locale(lang: str) -> dict[str, str]:
    return json.loads((LOCALES / f"digest.{lang}.json").read_text(encoding="utf-8"))


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text `key` in `lang` (Danish when missing), with `{name}` placeholders filled."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    text = _locale(lang).get(key) or _locale(DEFAULT_LANGUAGE).get(key)
    if text is None:
        raise KeyError(f"no text {key!r} in app/locales/digest.*.json")
    return text.format(**values) if values else text


def pick(text: dict, lang: str) -> str:
    """The `lang` version of a content text {da, en}, Danish when it lacks one."""
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or ""


def number(value: float, lang: str, decimals: int = 1) -> str:
    """6,8 in Danish, 6.8 in English."""
    formatted = f"{value:.{decimals}f}"
    return formatted.replace(".", ",") if lang == "da" else formatted


def signed(value: float, lang: str) -> str:
    """A change with its sign: +0,4 / −0,4 (a real minus sign, read out as minus)."""
    text = number(abs(value), lang)
    return ("+" if value > 0 else "−" if value < 0 else "±") + text


def week_number(week: str) -> int:
    """48 for "2026-W48"."""
    return int(week[6:])
