"""Every text and background of the theme meets WCAG 2.1 AA contrast, and no colour slips past.

Contrast is computed here from the WCAG definition of relative luminance, not taken from the app.
"""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

from app.components import palette

APP = Path(__file__).resolve().parents[2] / "app"
TEXT_MINIMUM = 4.5  # 1.4.3, normal-size text
GRAPHICS_MINIMUM = 3.0  # 1.4.11, lines, icons and control outlines


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an opaque #RRGGBB colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_ratio_matches_known_values():
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#777777", "#FFFFFF"), 2) == 4.48  # the classic just-too-light grey


def test_every_text_colour_reads_on_every_background():
    weak = [
        f"{text} on {ground}: {contrast(fg, bg):.2f}"
        for (text, fg), (ground, bg) in product(palette.TEXT.items(), palette.BACKGROUNDS.items())
        if contrast(fg, bg) < TEXT_MINIMUM
    ]
    assert not weak


def test_white_text_reads_on_every_filled_button_and_notice():
    weak = {name: contrast(palette.WHITE, fill) for name, fill in palette.FILLS.items()}
    assert all(ratio >= TEXT_MINIMUM for ratio in weak.values()), weak


def test_chart_lines_icons_and_outlines_stand_out_from_every_background():
    weak = [
        f"{name} on {ground}"
        for (name, fg), (ground, bg) in product(
            palette.GRAPHICS.items(), palette.BACKGROUNDS.items()
        )
        if contrast(fg, bg) < GRAPHICS_MINIMUM
    ]
    assert not weak


def test_no_colour_in_the_app_escapes_the_checked_palette():
    checked = {
        c.upper()
        for group in (palette.TEXT, palette.BACKGROUNDS, palette.FILLS, palette.GRAPHICS)
        for c in group.values()
    } | {c.upper() for c in palette.EXEMPT.values()}
    found = {
        (path.relative_to(APP).as_posix(), colour.upper())
        for path in APP.rglob("*.py")
        for colour in re.findall(r"#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?\b", path.read_text())
    }
    unchecked = sorted((path, colour) for path, colour in found if colour not in checked)
    assert not unchecked, "add these to app/components/palette.py (TEXT, BACKGROUNDS, …)"
