"""A report as an HTML e-mail that Outlook and phones both read: one 600 px column of tables,
inline styles only, no images, no remote resources, no tracking; the distribution is a real data
table (caption, header cells) with the bars beside the numbers hidden from screen readers."""

from __future__ import annotations

from html import escape

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

INK, MUTED, ACCENT, SOFT, LINE, PAGE = (
    "#1F2A33",
    "#5B6770",
    "#2F5D62",
    "#DDE8E6",
    "#E6DFD3",
    "#F4F1EC",
)
FONT = "Arial, Helvetica, sans-serif"
_TEXT = f"font-family:{FONT};color:{INK};font-size:16px;line-height:1.5;"
_CELL = f"font-family:{FONT};font-size:15px;padding:6px 8px;border-bottom:1px solid {LINE};"


def _heading(block: Heading) -> str:
    size = 20 if block.level == 2 else 17
    return (
        f'<h{block.level} style="{_TEXT}font-size:{size}px;margin:28px 0 8px;">'
        f"{escape(block.text)}</h{block.level}>"
    )


def _paragraph(block: Paragraph) -> str:
    colour = MUTED if block.muted else INK
    return f'<p style="{_TEXT}color:{colour};margin:0 0 12px;">{escape(block.text)}</p>'


def _figures(block: Figures) -> str:
    width = 100 // len(block.rows)
    cells = "".join(
        f'<td width="{width}%" style="{_TEXT}padding:12px;background:{SOFT};'
        f'border:4px solid #ffffff;" valign="top">'
        f'<div style="font-size:13px;color:{MUTED};">{escape(label)}</div>'
        f'<div style="font-size:24px;font-weight:bold;">{escape(value)}</div></td>'
        for label, value in block.rows
    )
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        f'style="margin:8px 0 12px;"><tr>{cells}</tr></table>'
    )


def _bar(count: int, most: int) -> str:
    if not count:
        return ""
    width = max(2, round(100 * count / most))
    return (
        f'<table role="presentation" aria-hidden="true" width="{width}%" cellpadding="0" '
        f'cellspacing="0"><tr><td bgcolor="{ACCENT}" style="background:{ACCENT};height:14px;'
        'font-size:0;line-height:0;">&nbsp;</td></tr></table>'
    )


def _distribution(block: Distribution) -> str:
    most = max(block.counts) or 1
    rows = "".join(
        f'<tr><th scope="row" style="{_CELL}text-align:right;width:3em;">{score}</th>'
        f'<td style="{_CELL}text-align:right;width:4em;">{count}</td>'
        f'<td style="{_CELL}">{_bar(count, most)}</td></tr>'
        for score, count in enumerate(block.counts, start=1)
    )
    return _data_table(
        block.caption,
        f'<th scope="col" style="{_CELL}text-align:right;">{escape(block.score_label)}</th>'
        f'<th scope="col" style="{_CELL}text-align:right;">{escape(block.count_label)}</th>'
        f'<td style="{_CELL}"></td>',
        rows,
    )


def _table(block: Table) -> str:
    head = "".join(
        f'<th scope="col" style="{_CELL}text-align:left;">{escape(h)}</th>' for h in block.headers
    )
    rows = "".join(
        "<tr>"
        + f'<th scope="row" style="{_CELL}text-align:left;font-weight:normal;">'
        + f"{escape(row[0])}</th>"
        + "".join(f'<td style="{_CELL}">{escape(cell)}</td>' for cell in row[1:])
        + "</tr>"
        for row in block.rows
    )
    return _data_table(block.caption, head, rows)


def _data_table(caption: str, head: str, rows: str) -> str:
    return (
        f'<table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;'
        f'margin:8px 0 16px;"><caption style="{_TEXT}font-weight:bold;text-align:left;'
        f'padding:0 0 6px;">{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _items(block: Items) -> str:
    def item(text: str) -> str:
        shown = f"»{escape(text)}«" if block.quoted else escape(text)
        return f'<li style="{_TEXT}margin:0 0 6px;">{shown}</li>'

    return f'<ul style="margin:0 0 12px;padding-left:22px;">{"".join(map(item, block.items))}</ul>'


def _links(block: Links) -> str:
    buttons = "".join(
        f'<td style="padding:0 8px 8px 0;"><a href="{escape(url)}" style="display:inline-block;'
        f"font-family:{FONT};font-size:16px;font-weight:bold;color:#ffffff;background:{ACCENT};"
        f'padding:12px 18px;border-radius:6px;text-decoration:none;">{escape(label)}</a></td>'
        for label, url in block.links
    )
    note = _paragraph(Paragraph(block.note, muted=True)) if block.note else ""
    return (
        '<table role="presentation" cellpadding="0" cellspacing="0" style="margin:4px 0 8px;">'
        f"<tr>{buttons}</tr></table>{note}"
    )


_RENDER = {
    Heading: _heading,
    Paragraph: _paragraph,
    Figures: _figures,
    Distribution: _distribution,
    Table: _table,
    Items: _items,
    Links: _links,
}


def block_html(block: Block) -> str:
    """One block as HTML."""
    return _RENDER[type(block)](block)


def report_html(report: Report) -> str:
    """The whole e-mail: a complete HTML document in the report's language."""
    body = "".join(block_html(b) for b in report.blocks)
    return f"""<!DOCTYPE html>
<html lang="{report.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light"><title>{escape(report.subject)}</title></head>
<body style="margin:0;padding:0;background:{PAGE};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:{PAGE};">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0"
 style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:24px 20px;">
<p style="{_TEXT}font-size:13px;font-weight:bold;letter-spacing:1px;color:#7A6440;margin:0;">
{escape(report.kicker.upper())}</p>
<h1 style="{_TEXT}font-size:28px;margin:4px 0 2px;">{escape(report.title)}</h1>
<p style="{_TEXT}color:{MUTED};margin:0 0 16px;">{escape(report.subtitle)}</p>
{body}
<p style="{_TEXT}font-size:13px;color:{MUTED};border-top:1px solid {LINE};padding-top:12px;
margin:24px 0 0;">{escape(report.footer)}</p>
</td></tr></table></td></tr></table></body></html>
"""
