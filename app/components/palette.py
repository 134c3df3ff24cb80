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
SAND = "#B59A6E"  # the organisation, beside the workplace
SAND_SOFT = "#F2EADC"
NOTICE = theme.CALM_WARNING  # needs attention, without alarm
NOTICE_SOFT = "#F5EBDA"
BAR_MUTED = "#C9D6D4"

RADIUS = 14
GAP = 16
