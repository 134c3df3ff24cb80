"""A report as plain text: the e-mail's alternative part, readable in any client and by ear."""

from __future__ import annotations

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


def block_text(block: Block) -> str:
    """One block as plain text (ends with a blank line)."""
    if isinstance(block, Heading):
        underline = "=" if block.level == 2 else "-"
        return f"{block.text}\n{underline * len(block.text)}\n"
    if isinstance(block, Paragraph):
        return block.text + "\n"
    if isinstance(block, Figures):
        return "".join(f"{label}: {value}\n" for label, value in block.rows)
    if isinstance(block, Distribution):
        lines = [f"{block.caption} ({block.score_label}: {block.count_label})"]
        lines += [f"  {score:>2}: {count}" for score, count in enumerate(block.counts, start=1)]
        return "\n".join(lines) + "\n"
    if isinstance(block, Table):
        lines = [block.caption, "  " + " | ".join(h for h in block.headers if h)]
        lines += ["  " + " | ".join(row) for row in block.rows]
        return "\n".join(lines) + "\n"
    if isinstance(block, Items):
        quote = "»{}«" if block.quoted else "{}"
        return "".join(f"- {quote.format(item)}\n" for item in block.items)
    if isinstance(block, Links):
        lines = [f"{label}: {url}" for label, url in block.links]
        return "\n".join(lines + ([block.note] if block.note else [])) + "\n"
    raise TypeError(f"no plain-text form for {type(block).__name__}")


def report_text(report: Report) -> str:
    """The whole e-mail as plain text."""
    parts = [f"{report.kicker}\n{report.title}\n{report.subtitle}\n"]
    parts += [block_text(b) for b in report.blocks]
    parts.append("-- \n" + report.footer + "\n")
    return "\n".join(parts)
