"""Reading the organisation file: `område;arbejdsplads;ledere` as Danish Excel saves it.

Semicolons (Excel's separator where the decimal comma is used) or commas; UTF-8 with or without a
byte order mark; CRLF or LF. A header row is optional; with one, columns may come in any order and
an optional `id` column names the workplace a row updates (see org_import.py). Every problem is
collected with its line number, so a refused file can be fixed in one go.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from functions.domain.errors import FileRefused, InvalidInput
from functions.domain.leaders import clean_leaders, split_addresses
from functions.domain.workplaces import clean_name

MAX_ROWS = 2000
MAX_PROBLEMS_SHOWN = 50
COLUMNS = ("area", "name", "leaders", "id")
# Header names people write, Danish first; matched without case, spaces or accents mattering much.
_HEADERS = {
    "område": "area",
    "omrade": "area",
    "omraade": "area",
    "area": "area",
    "arbejdsplads": "name",
    "workplace": "name",
    "navn": "name",
    "name": "name",
    "ledere": "leaders",
    "leder": "leaders",
    "leaders": "leaders",
    "id": "id",
}


@dataclass(frozen=True)
class OrgRow:
    """One workplace as the file describes it, with the line it came from."""

    line: int
    area: str | None
    name: str
    leaders: tuple[str, ...]
    id: str | None = None


def decode(data: bytes) -> str:
    """The file's text: UTF-8, a byte order mark dropped; anything else is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(
            "The file is not UTF-8. In Excel: Save as, 'CSV UTF-8 (kommasepareret)'.",
            [{"line": line, "message": "not UTF-8"}],
        ) from None


def _columns(first: list[str]) -> tuple[list[str], bool]:
    """The column of each position, and whether the first row was a header."""
    named = [_HEADERS.get(cell.strip().casefold()) for cell in first]
    if "name" in named:
        return [n or "" for n in named], True
    return list(COLUMNS[: max(3, len(first))]), False


def read_org_file(text: str) -> list[OrgRow]:
    """The rows of the file, or FileRefused listing every problem by line (nothing half-read)."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, problems = [], []
    columns: list[str] | None = None
    seen_names: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # Excel leaves empty rows (";;") at the end
            if columns is None:
                columns, header = _columns(cells)
                if header:
                    continue
            if len(rows) >= MAX_ROWS:
                problems.append({"line": line, "message": f"more than {MAX_ROWS} rows"})
                break
            values = {col: cells[i].strip() for i, col in enumerate(columns) if i < len(cells)}
            row, row_problems = _row(line, values)
            problems += row_problems
            if row is None:
                continue
            key = " ".join(row.name.casefold().split())
            for seen, value, what in ((seen_names, key, "name"), (seen_ids, row.id, "id")):
                if value and value in seen:
                    problems.append({"line": line, "message": f"same {what} as line {seen[value]}"})
                elif value:
                    seen[value] = line
            rows.append(row)
    except csv.Error as error:
        problems.append({"line": reader.line_num, "message": f"not readable as CSV: {error}"})
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        raise FileRefused(f"The file has {len(problems)} problem(s); nothing was imported.", shown)
    if not rows:
        raise FileRefused("The file holds no workplaces.", [{"line": 1, "message": "no rows"}])
    return rows


def _row(line: int, values: dict[str, str]) -> tuple[OrgRow | None, list[dict]]:
    problems = []

    def checked(check, *args):
        try:
            return check(*args)
        except InvalidInput as error:
            problems.append({"line": line, "message": error.message})
            return None

    name = checked(clean_name, values.get("name", ""), "arbejdsplads (name)")
    area_text = values.get("area", "")
    area = checked(clean_name, area_text, "område (area)") if area_text else None
    leaders = checked(clean_leaders, split_addresses(values.get("leaders", "")))
    if problems or name is None or leaders is None:
        return None, problems
    return OrgRow(line, area, name, leaders, values.get("id") or None), []
