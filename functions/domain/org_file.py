"""Reading the organisation file: `område;arbejdsplads;ledere` as Danish Excel saves it.

Semicolons (Excel's separator where the decimal comma is used) or commas; UTF-8 with or without a
byte order mark; CRLF or LF. A header row is optional; with one, columns may come in any order and
an optional `id` column names the workplace a row updates (see org_import.py). An optional `sprog`
(language) column gives the leaders' Monday e-mail language: one value (da or en) for every leader
of the row, or one per leader in the order they are written; empty leaves their language as it
is. Every problem is collected with its line number, so a refused file can be fixed in one go.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from functions.domain.errors import FileRefused, InvalidInput, Problem
from functions.domain.languages import read_language
from functions.domain.leaders import clean_leaders, normalise_address, split_addresses
from functions.domain.workplaces import clean_name

MAX_ROWS = 2000
MAX_PROBLEMS_SHOWN = 50
COLUMNS = ("area", "name", "leaders", "id", "language")
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
    "sprog": "language",
    "language": "language",
}


@dataclass(frozen=True)
class OrgRow:
    """One workplace as the file describes it, with the line it came from."""

    line: int
    area: str | None
    name: str
    leaders: tuple[str, ...]
    id: str | None = None
    languages: tuple[tuple[str, str], ...] = ()  # (leader's address, "da" or "en") the row sets


def decode(data: bytes) -> str:
    """The file's text: UTF-8, a byte order mark dropped; anything else is refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(
            "The file is not UTF-8. In Excel: Save as, 'CSV UTF-8 (kommasepareret)'.",
            [Problem(line, "not UTF-8")],
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
    seen_languages: dict[str, tuple[str, int]] = {}
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
                problems.append(Problem(line, f"more than {MAX_ROWS} rows"))
                break
            values = {col: cells[i].strip() for i, col in enumerate(columns) if i < len(cells)}
            row, row_problems = _row(line, values)
            problems += row_problems
            if row is None:
                continue
            key = " ".join(row.name.casefold().split())
            for seen, value, what in ((seen_names, key, "name"), (seen_ids, row.id, "id")):
                if value and value in seen:
                    problems.append(Problem(line, f"same {what} as line {seen[value]}"))
                elif value:
                    seen[value] = line
            for address, language in row.languages:
                earlier = seen_languages.setdefault(address, (language, line))
                if earlier[0] != language:
                    message = f"{address} has another language on line {earlier[1]}"
                    problems.append(Problem(line, message))
            rows.append(row)
    except csv.Error as error:
        problems.append(Problem(reader.line_num, f"not readable as CSV: {error}"))
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        raise FileRefused(f"The file has {len(problems)} problem(s); nothing was imported.", shown)
    if not rows:
        raise FileRefused("The file holds no workplaces.", [Problem(1, "no rows")])
    return rows


def _row(line: int, values: dict[str, str]) -> tuple[OrgRow | None, list[Problem]]:
    problems: list[Problem] = []

    def checked(check, *args):
        try:
            return check(*args)
        except InvalidInput as error:
            problems.append(Problem(line, error.message))
            return None

    name = checked(clean_name, values.get("name", ""), "arbejdsplads (name)")
    area_text = values.get("area", "")
    area = checked(clean_name, area_text, "område (area)") if area_text else None
    leaders = checked(clean_leaders, split_addresses(values.get("leaders", "")))
    languages = checked(_languages, values.get("leaders", ""), values.get("language", ""))
    if problems or name is None or leaders is None or languages is None:
        return None, problems
    return OrgRow(line, area, name, leaders, values.get("id") or None, languages), []


def _languages(leaders_text: str, language_text: str) -> tuple[tuple[str, str], ...]:
    """(address, language) for the row's leaders: one language for all, or one each in order."""
    languages = [read_language(part) for part in split_addresses(language_text)]
    if not languages:
        return ()
    addresses = [normalise_address(a) for a in split_addresses(leaders_text)]
    if not addresses:
        raise InvalidInput("sprog (language) is given, but the row has no leaders")
    if len(languages) == 1:
        languages *= len(addresses)
    if len(languages) != len(addresses):
        raise InvalidInput(
            "sprog (language): write one language for all the row's leaders, or one per leader"
        )
    return tuple(zip(addresses, languages, strict=True))
