"""A workplace's weekly figures as CSV that Danish Excel opens as a table.

Danish Excel expects ";" between cells and "," as the decimal mark. Cells that begin with = + - @
or a tab or carriage return are prefixed with an apostrophe, so a spreadsheet never reads a cell
as a formula (CSV injection). Our cells are numbers and weeks, but the rule is cheap insurance.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from functions.domain.anonymity import PublicWeek

HEADER = ["week", "responses", "mean", *(f"score_{score}" for score in range(1, 11))]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def weekly_csv(rows: list[PublicWeek]) -> str:
    """Weeks as anonymity.public_week shows them, as semicolon-separated CSV with a header."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        distribution = row.distribution or [None] * 10
        cells = [row.week, row.responses, _decimal(row.mean), *distribution]
        writer.writerow([_neutralised(_cell(value)) for value in cells])
    return out.getvalue()


def _decimal(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}".replace(".", ",")


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
