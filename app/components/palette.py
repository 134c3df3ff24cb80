"""Colours and type sizes of the pulse and admin screens, on top of app.theme's calm base.

Muted and warm, like Norddjurs' coast: sand, sea-green, slate. No red/green verdicts on scores.
"""

from __future__ import annotations

from app import theme

SURFACE = theme.SURFACE  # warm off-white page
CARD = "#FFFDF9"
LINE = "#E6DFD3"
INK = theme.INK
MUTED = theme.MUTED
ACCENT = theme.ACCENT  # sea-green: this workplace
ACCENT_SOFT = "#DDE8E6"
SAND = "#76603A"  # the organisation, beside the workplace, darkened to 4.7:1 or more
SAND_SOFT = "#F2EADC"
NOTICE = theme.CALM_WARNING  # needs attention, without alarm
NOTICE_SOFT = "#F5EBDA"
BAR_MUTED = "#C9D6D4"

RADIUS = 14
GAP = 16

WHITE = theme.WHITE
ERROR = theme.ERROR

# Every colour of app/ by its use; tests/app/test_contrast.py checks each use (WCAG 1.4.3, 1.4.11)
# and fails on a colour written anywhere in app/ that is not listed here.
TEXT = {
    "INK": INK,
    "MUTED": MUTED,
    "ACCENT": ACCENT,
    "SAND": SAND,
    "NOTICE": NOTICE,
    "ERROR": ERROR,
    "SCORE_INK": theme.SCORE_INK,
}  # text on any background below: 4.5:1
BACKGROUNDS = {
    "SURFACE": SURFACE,
    "CARD": CARD,
    "WHITE": WHITE,
    "ACCENT_SOFT": ACCENT_SOFT,
    "SAND_SOFT": SAND_SOFT,
    "NOTICE_SOFT": NOTICE_SOFT,
    "SCORE_FILL": theme.SCORE_FILL,
    "BADGE": theme.BADGE,
}
FILLS = {"ACCENT": ACCENT, "NOTICE": NOTICE, "INK": INK, "ERROR": ERROR}  # white text on them
GRAPHICS = {"ACCENT": ACCENT, "SAND": SAND, "MUTED": MUTED}  # lines, icons, outlines: 3:1
EXEMPT = {  # decoration, disabled controls, scrims: no contrast required
    "LINE": LINE,
    "BAR_MUTED": BAR_MUTED,
    "DISABLED_FILL": theme.DISABLED_FILL,
    "DISABLED_INK": theme.DISABLED_INK,
    "SCRIM": theme.SCRIM,
    "SCRIM_SOFT": theme.SCRIM_SOFT,
    "TRANSPARENT": theme.TRANSPARENT,
    "FOCUS_OVERLAY": theme.FOCUS_OVERLAY,
}
