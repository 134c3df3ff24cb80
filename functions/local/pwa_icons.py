"""The app's own icons, drawn in pure Python (no Pillow) so every build makes the same bytes.

A calm teal tile with a white pulse line. The maskable variants fill the whole square and keep the
line inside the central safe zone, so a launcher may crop them to any shape.
"""

from __future__ import annotations

import math
import struct
import zlib

THEME_COLOR = "#2F5D62"  # the app's accent (app/theme.py ACCENT)
BACKGROUND_COLOR = "#F4F1EC"  # the app's surface (app/theme.py SURFACE)

# The pulse line in unit coordinates (0..1), left to right.
PULSE = [(0.16, 0.55), (0.36, 0.55), (0.45, 0.34), (0.55, 0.72), (0.64, 0.48), (0.84, 0.48)]

# Path inside the build → (size in pixels, maskable).
ICONS = {
    "icons/icon-192.png": (192, False),
    "icons/icon-512.png": (512, False),
    "icons/icon-maskable-192.png": (192, True),
    "icons/icon-maskable-512.png": (512, True),
    "icons/apple-touch-icon-192.png": (192, True),  # iOS rounds the corners itself
    "icons/loading-animation.png": (192, False),
    "favicon.png": (32, False),
}


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _segment_distance(px: float, py: float, a: tuple, b: tuple) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _tile_coverage(x: float, y: float, size: int, radius: float) -> float:
    """How much of the pixel lies inside the rounded square (1 inside, 0 outside)."""
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    outside = math.hypot(x - cx, y - cy) - radius
    return max(0.0, min(1.0, 0.5 - outside))


def icon_pixels(size: int, maskable: bool) -> list[bytes]:
    """Rows of RGBA pixels for one icon."""
    tile = _rgb(THEME_COLOR)
    scale = size * (0.8 if maskable else 1.0)  # maskable: keep the line in the safe zone
    offset = (size - scale) / 2
    points = [(offset + x * scale, offset + y * scale) for x, y in PULSE]
    half_stroke = max(1.2, size * 0.045)
    top = min(p[1] for p in points) - half_stroke - 1
    bottom = max(p[1] for p in points) + half_stroke + 1
    radius = 0.0 if maskable else size * 0.22
    segments = list(zip(points, points[1:], strict=False))
    rows = []
    for j in range(size):
        y = j + 0.5
        row = bytearray()
        for i in range(size):
            x = i + 0.5
            alpha = 1.0 if maskable else _tile_coverage(x, y, size, radius)
            line = 0.0
            if top <= y <= bottom and alpha > 0:
                near = min(_segment_distance(x, y, a, b) for a, b in segments)
                line = max(0.0, min(1.0, half_stroke + 0.5 - near))
            colour = [round(c + (255 - c) * line) for c in tile]
            row += bytes((*colour, round(255 * alpha)))
        rows.append(bytes(row))
    return rows


def png_bytes(rows: list[bytes], width: int, height: int) -> bytes:
    """A minimal RGBA PNG: IHDR, one IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def render_icons() -> dict[str, bytes]:
    """Every icon the build ships, by its path in the build."""
    drawn: dict[tuple[int, bool], bytes] = {}
    icons = {}
    for path, (size, maskable) in ICONS.items():
        if (size, maskable) not in drawn:
            drawn[size, maskable] = png_bytes(icon_pixels(size, maskable), size, size)
        icons[path] = drawn[size, maskable]
    return icons
