"""The week on one A4 page for the noticeboard and the MED committee (fpdf2, Liberation Sans so
æ, ø and å print): the same blocks as the e-mail, with the distribution and the trend as charts.

The page never runs onto a second sheet: automatic page breaks are off, and when everything does
not fit, the list of sentences is cut (saying how many more there are; the pulse has them all) to
the longest that leaves room for the conversation questions below it.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from functions.report.blocks import (
    Block,
    Distribution,
    Figures,
    Heading,
    Items,
    Links,
    Paragraph,
    Report,
    Table,
)

ROOT = Path(__file__).resolve().parents[2]
# In the repository the app's fonts; the Lambda package has them once, for every printed document,
# beside the pairing sheets (infra/Makefile).
_PACKAGED_FONTS = ROOT / "functions" / "documents" / "fonts"
FONTS = _PACKAGED_FONTS if _PACKAGED_FONTS.is_dir() else ROOT / "app" / "assets" / "fonts"
FONT = "Liberation"
INK, MUTED, ACCENT, SOFT, SAND, LINE = (
    (31, 42, 51),
    (91, 103, 112),
    (47, 93, 98),
    (221, 232, 230),
    (122, 100, 64),
    (230, 223, 211),
)
MARGIN, BOTTOM = 16.0, 281.0  # mm; below BOTTOM only the footer
WIDTH = 210.0 - 2 * MARGIN


class _Page(FPDF):
    def __init__(self, report: Report, sentences: int):
        super().__init__(format="A4", unit="mm")
        self.report = report
        self.sentences = sentences  # how many quoted items to print
        self.add_font(FONT, "", str(FONTS / "LiberationSans-Regular.ttf"))
        self.add_font(FONT, "B", str(FONTS / "LiberationSans-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.set_title(report.subject)
        self.set_lang(report.lang)
        self.set_creator("Tryghedspuls")
        self.add_page()

    def text_line(self, text: str, size: float, bold=False, colour=INK, height=None, gap=0.0):
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(
            WIDTH, height or size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(gap)


def _heading(page: _Page, block: Heading) -> None:
    page.ln(2.5 if block.level == 2 else 1)
    page.text_line(block.text, 13 if block.level == 2 else 11, bold=True, gap=1)


def _paragraph(page: _Page, block: Paragraph) -> None:
    page.text_line(block.text, 9.5, colour=MUTED if block.muted else INK, height=4.6, gap=1)


def _figures(page: _Page, block: Figures) -> None:
    width, top = WIDTH / len(block.rows), page.get_y()
    for i, (label, value) in enumerate(block.rows):
        x = MARGIN + i * width
        page.set_fill_color(*SOFT)
        page.rect(x + 1, top, width - 2, 17, style="F")
        page.set_xy(x + 4, top + 2.5)
        page.set_font(FONT, "", 8.5)
        page.set_text_color(*MUTED)
        page.cell(width - 8, 4, label)
        page.set_xy(x + 4, top + 7.5)
        page.set_font(FONT, "B", 16)
        page.set_text_color(*INK)
        page.cell(width - 8, 7, value)
    page.set_xy(MARGIN, top + 20)


def _distribution(page: _Page, block: Distribution) -> None:
    """Ten bars, the count above each and the score below."""
    page.text_line(block.caption, 10, bold=True, gap=1)
    top, height, most = page.get_y(), 30.0, max(block.counts) or 1
    slot = WIDTH / len(block.counts)
    page.set_draw_color(*LINE)
    page.line(MARGIN, top + height, MARGIN + WIDTH, top + height)
    for i, count in enumerate(block.counts):
        x = MARGIN + i * slot
        bar = (height - 6) * count / most
        if count:
            page.set_fill_color(*ACCENT)
            page.rect(x + slot * 0.2, top + height - bar, slot * 0.6, bar, style="F")
        page.set_font(FONT, "", 8.5)
        page.set_text_color(*INK)
        page.set_xy(x, top + height - bar - 4.5)
        page.cell(slot, 4, str(count), align="C")
        page.set_xy(x, top + height + 0.8)
        page.cell(slot, 4, str(i + 1), align="C")
    page.set_xy(MARGIN, top + height + 7)


def _bars(page: _Page, block: Table) -> None:
    """A trend as bars on the 1-10 scale above the table; a suppressed week has no bar."""
    top, height, label_width = page.get_y(), 18.0, 28.0
    slot = (WIDTH - label_width) / len(block.values)
    page.set_draw_color(*LINE)
    page.line(MARGIN + label_width, top + height, MARGIN + WIDTH, top + height)
    for i, value in enumerate(block.values):
        if value is None:
            continue
        bar = height * value / 10
        x = MARGIN + label_width + i * slot
        page.set_fill_color(*ACCENT)
        page.rect(x + slot * 0.3, top + height - bar, slot * 0.4, bar, style="F")
    page.set_xy(MARGIN, top + height + 1.5)


def _table(page: _Page, block: Table) -> None:
    """A small table turned on its side: one column per row of the block (weeks across)."""
    page.text_line(block.caption, 10, bold=True, gap=1)
    if block.values:
        _bars(page, block)
    label_width = 28.0
    slot = (WIDTH - label_width) / max(len(block.rows), 1)
    for line, header in enumerate(block.headers):
        page.set_font(FONT, "B" if line == 0 else "", 8.5)
        page.set_text_color(*(MUTED if line == 0 else INK))
        page.cell(label_width, 5, header)
        for row in block.rows:
            page.cell(slot, 5, row[line], align="C")
        page.ln(5)
    page.ln(2)


def _items(page: _Page, block: Items) -> None:
    shown = block.items[: page.sentences] if block.quoted else block.items
    for item in shown:
        page.set_x(MARGIN + 2)
        page.set_font(FONT, "", 9.5)
        page.set_text_color(*INK)
        text = f"»{item}«" if block.quoted else item
        page.multi_cell(
            WIDTH - 2, 4.6, f"•  {text}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    if len(shown) < len(block.items):
        page.text_line(f"… (+{len(block.items) - len(shown)})", 9.5, colour=MUTED, height=4.6)
    page.ln(1)


_DRAW = {
    Heading: _heading,
    Paragraph: _paragraph,
    Figures: _figures,
    Distribution: _distribution,
    Table: _table,
    Items: _items,
    Links: lambda page, block: None,  # paper has no links
}


def _draw(page: _Page, block: Block) -> None:
    _DRAW[type(block)](page, block)


def _layout(report: Report, sentences: int) -> tuple[_Page, bool]:
    """The page with at most `sentences` sentences, and whether it all fitted above the footer."""
    page = _Page(report, sentences)
    page.text_line(report.kicker.upper(), 9, bold=True, colour=SAND, gap=0.5)
    page.text_line(report.title, 22, bold=True, height=10)
    page.text_line(report.subtitle, 11, colour=MUTED, gap=3)
    fitted = True
    for block in report.blocks:
        _draw(page, block)
        fitted = fitted and page.get_y() <= BOTTOM
    return page, fitted


def report_pdf(report: Report) -> bytes:
    """The report on one A4 page, as PDF bytes."""
    quoted = max(
        (len(b.items) for b in report.blocks if isinstance(b, Items) and b.quoted), default=0
    )
    page, fitted = _layout(report, quoted)
    if not fitted:  # the most sentences that still fit: a binary search over a few layouts
        low, high = 0, quoted - 1
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if _layout(report, middle)[1] else (low, middle - 1)
        page = _layout(report, low)[0]
    page.set_xy(MARGIN, BOTTOM + 2)
    page.set_draw_color(*LINE)
    page.line(MARGIN, BOTTOM + 1, MARGIN + WIDTH, BOTTOM + 1)
    page.text_line(report.footer, 7.5, colour=MUTED, height=3.6)
    return bytes(page.output())
