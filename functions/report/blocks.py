"""A report as a list of plain blocks, so the HTML e-mail, its plain-text twin and the PDF say
the same thing: one builder (report/content.py), three renderers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A section heading; level 2 for sections, 3 inside one."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Running text; `muted` for notes and explanations."""

    text: str
    muted: bool = False


@dataclass(frozen=True)
class Figures:
    """The headline figures as label/value pairs (answers, mean, change)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Distribution:
    """How many gave each score 1-10: a data table (with bars beside the numbers)."""

    caption: str
    score_label: str
    count_label: str
    counts: tuple[int, ...]


@dataclass(frozen=True)
class Table:
    """A small data table with a caption and column headers (the trend, the areas)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    values: tuple[float | None, ...] = ()  # a trend: one value per row, drawn as bars on paper


@dataclass(frozen=True)
class Items:
    """A bulleted list (sentences, questions, tablets)."""

    items: tuple[str, ...]
    quoted: bool = False  # employees' own sentences, shown as quotes


@dataclass(frozen=True)
class Links:
    """Buttons in the e-mail (left out of the printed page)."""

    links: tuple[tuple[str, str], ...]
    note: str = ""


Block = Heading | Paragraph | Figures | Distribution | Table | Items | Links


@dataclass(frozen=True)
class Report:
    """One e-mail or page: subject, title block, the blocks, a footer."""

    lang: str
    subject: str
    kicker: str
    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
