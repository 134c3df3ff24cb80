"""The weekly figures as CSV for Danish Excel."""

import csv
import io
from dataclasses import replace

from functions.domain.anonymity import PublicWeek
from functions.domain.csv_export import weekly_csv


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


SHOWN = PublicWeek(
    week="2026-W48",
    responses=12,
    mean=7.33,
    distribution=[0, 0, 0, 1, 1, 2, 3, 3, 1, 1],
    suppressed=False,
)
SUPPRESSED = PublicWeek(
    week="2026-W47",
    responses=None,
    mean=None,
    distribution=None,
    suppressed=True,
)


def test_csv_has_a_header_and_one_line_per_week():
    lines = rows_of(weekly_csv([SUPPRESSED, SHOWN]))
    assert lines[0] == ["week", "responses", "mean", *(f"score_{n}" for n in range(1, 11))]
    assert len(lines) == 3


def test_csv_uses_semicolons_and_a_decimal_comma():
    text = weekly_csv([SHOWN])
    assert text.splitlines()[1] == "2026-W48;12;7,33;0;0;0;1;1;2;3;3;1;1"
    assert weekly_csv([replace(SHOWN, mean=8.0)]).splitlines()[1].startswith("2026-W48;12;8,00;")


def test_suppressed_weeks_leave_their_cells_empty():
    assert weekly_csv([SUPPRESSED]).splitlines()[1] == "2026-W47" + ";" * 12


def test_week_without_answers_shows_zero_responses():
    row = PublicWeek(
        week="2026-W46",
        responses=0,
        mean=None,
        distribution=None,
        suppressed=True,
    )
    assert rows_of(weekly_csv([row]))[1][:3] == ["2026-W46", "0", ""]


def test_csv_cells_cannot_start_a_formula():
    # (typed text where numbers belong: the export must neutralise whatever reaches a cell)
    rows = [
        PublicWeek(
            week='=HYPERLINK("http://x")',
            responses="+1",
            mean=None,
            distribution=["-2", "@SUM(A1)", "\tx", "\rx", 3, 4, 5, 6, 7, 8],
            suppressed=False,
        ),
    ]
    cells = rows_of(weekly_csv(rows))[1]
    assert cells[:2] == ['\'=HYPERLINK("http://x")', "'+1"]
    assert cells[3:7] == ["'-2", "'@SUM(A1)", "'\tx", "'\rx"]
    assert cells[7] == "3"


def test_empty_export_is_just_the_header():
    assert len(rows_of(weekly_csv([]))) == 1
