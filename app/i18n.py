"""Texts by key in Danish and English: fixed texts from locales/*.json, content texts from the API.

Danish first: a key missing in English falls back to Danish, and a key missing in both shows the
key itself, so a gap is visible instead of crashing a wall tablet.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
_LOCALES = Path(__file__).parent / "locales"


@cache
def _locale(lang: str) -> dict[str, str]:
    # {lang}.json first, then each screen's own <name>.{lang}.json, so engineers of different
    # screens never edit the same file.
    texts: dict[str, str] = {}
    for path in [_LOCALES / f"{lang}.json", *sorted(_LOCALES.glob(f"*.{lang}.json"))]:
        texts.update(json.loads(path.read_text(encoding="utf-8")))
    return texts


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The fixed text `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = _locale(lang).get(key) or _locale(DEFAULT_LANGUAGE).get(key) or key
    return text.format(**values) if values else text


def pick(text: dict | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The `lang` version of a content text `{da, en}` from the API, Danish when it lacks one."""
    if not text:
        return ""
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or ""


def number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """A decimal number as people read it in `lang`: 6,8 in Danish, 6.8 in English."""
    formatted = f"{value:.{decimals}f}"
    return formatted.replace(".", ",") if lang == "da" else formatted


def other_language(lang: str) -> str:
    """The language the language button switches to."""
    return "en" if lang == "da" else "da"
