"""The pairing sheets as a PDF (fpdf2): one A4 page per workplace with its name, area, a QR code
(segno) of the kiosk address that pairs a tablet, the code in large text and three Danish steps.

The QR code is drawn as vector rectangles from segno's module matrix, so it prints sharp at any
size and needs no image library. Liberation Sans (app/assets/fonts) carries the Danish letters.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import segno
from fpdf import FPDF

from functions.domain.pairing_sheets import SheetPage

ROOT = Path(__file__).resolve().parents[2]
# In the repository the app's fonts; in the Lambda package infra/Makefile copies them next to us.
_PACKAGED_FONTS = Path(__file__).resolve().parent / "fonts"
FONTS = _PACKAGED_FONTS if _PACKAGED_FONTS.is_dir() else ROOT / "app" / "assets" / "fonts"
TEXTS = ROOT / "content" / "pairing_sheet.json"
LOCAL = ZoneInfo("Europe/Copenhagen")
QR_SIZE_MM = 90.0
MARGIN_MM = 20.0


@cache
def _texts() -> dict:
    return json.loads(TEXTS.read_text(encoding="utf-8"))


def _qr(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `url` with its quiet zone, `size` mm wide, top left at (x, y)."""
    qr = segno.make(url, error="m", micro=False)
    rows = list(qr.matrix_iter(scale=1, border=4))
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):  # one rectangle per run of dark modules keeps the PDF small
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            pdf.rect(x + start * module, y + r * module, (c - start) * module, module, style="F")


def _lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """`text` broken into lines that fit `width` in the current font."""
    if pdf.get_string_width(text) <= width:
        return [text]  # most names: no line breaking, which is the slow part of fpdf2
    return pdf.multi_cell(width, 1, text, dry_run=True, output="LINES")


def _page(pdf: FPDF, page: SheetPage, lang: str, steps: list[list[str]]) -> None:
    texts = _texts()
    width = pdf.w - 2 * MARGIN_MM
    pdf.add_page()
    pdf.set_font("Liberation", "", 14)
    if not steps:
        steps.extend(_lines(pdf, step[lang], width - 10) for step in texts["steps"])
    pdf.set_text_color(90, 90, 90)
    pdf.cell(width, 8, texts["heading"][lang], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Liberation", "B", 28)
    for line in _lines(pdf, page.workplace.name, width):
        pdf.cell(width, 12, line, new_x="LMARGIN", new_y="NEXT")
    if page.workplace.area:
        pdf.set_font("Liberation", "", 16)
        pdf.cell(width, 9, page.workplace.area, new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 6
    _qr(pdf, page.url, (pdf.w - QR_SIZE_MM) / 2, top, QR_SIZE_MM)
    pdf.set_y(top + QR_SIZE_MM + 2)
    pdf.set_font("Liberation", "", 10)
    for line in _lines(pdf, page.url, width):
        pdf.cell(width, 5, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Liberation", "", 12)
    pdf.cell(width, 7, texts["code_label"][lang], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Liberation", "B", 40)
    pdf.cell(width, 18, page.code, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for number, lines in enumerate(steps, start=1):
        pdf.set_font("Liberation", "B", 14)
        pdf.cell(10, 7, f"{number}.")
        pdf.set_font("Liberation", "", 14)
        for line in lines:
            pdf.set_x(MARGIN_MM + 10)
            pdf.cell(width - 10, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    expires = datetime.fromtimestamp(page.expires_at, UTC).astimezone(LOCAL)
    pdf.set_font("Liberation", "", 11)
    pdf.set_text_color(90, 90, 90)
    valid = texts["valid_until"][lang].format(date=expires.strftime("%d.%m.%Y"))
    pdf.cell(width, 6, valid, new_x="LMARGIN", new_y="NEXT")


def pairing_sheets_pdf(pages: list[SheetPage], lang: str = "da") -> bytes:
    """The PDF with one page per workplace, in the order given."""
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(False)
    pdf.set_title("Tryghedspuls: parring af tablets")
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))  # no time of printing in the file
    pdf.add_font("Liberation", "", FONTS / "LiberationSans-Regular.ttf")
    pdf.add_font("Liberation", "B", FONTS / "LiberationSans-Bold.ttf")
    steps: list[list[str]] = []  # broken into lines on the first page, reused on the others
    for page in pages:
        _page(pdf, page, lang, steps)
    return bytes(pdf.output())
