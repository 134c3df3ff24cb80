"""Leaders' addresses: normalised, checked for form, split as people type them."""

from __future__ import annotations

import pytest

from functions.domain.errors import InvalidInput
from functions.domain.leaders import MAX_LEADERS, clean_leaders, split_addresses


def test_addresses_are_trimmed_lower_cased_deduplicated_and_sorted():
    # Given addresses typed with spaces, capitals and a duplicate
    typed = [" Mette.Hansen@Norddjurs.dk", "jens@norddjurs.dk ", "mette.hansen@norddjurs.dk"]
    # When they are cleaned
    # Then each is kept once, lower-case, in a stable order
    assert clean_leaders(typed) == ("jens@norddjurs.dk", "mette.hansen@norddjurs.dk")


@pytest.mark.parametrize(
    "typed",
    [
        "mette",
        "mette@",
        "@norddjurs.dk",
        "mette@norddjurs",
        "a b@norddjurs.dk",
        "a@@b.dk",
        "mette@norddjurs..dk",
        "<mette@norddjurs.dk>",
        "x" * 250 + "@n.dk",
    ],
)
def test_what_cannot_be_an_address_is_refused_by_name(typed):
    # Given something that is not an e-mail address
    # When it is cleaned
    # Then it is refused, quoting (the start of) what was typed
    with pytest.raises(InvalidInput, match="is not an e-mail address"):
        clean_leaders([typed])


def test_blank_entries_are_ignored_and_the_list_is_bounded():
    # Given blanks and one address too many
    # Then blanks vanish, and too many leaders are refused
    assert clean_leaders(["", "  "]) == ()
    with pytest.raises(InvalidInput, match="at most"):
        clean_leaders([f"leder{i}@norddjurs.dk" for i in range(MAX_LEADERS + 1)])


def test_a_cell_splits_on_commas_semicolons_and_spaces():
    # Given a cell as an admin types it in Excel
    cell = "a@norddjurs.dk, b@norddjurs.dk;c@norddjurs.dk  d@norddjurs.dk,"
    # When it is split
    # Then each address stands alone
    assert split_addresses(cell) == [
        "a@norddjurs.dk",
        "b@norddjurs.dk",
        "c@norddjurs.dk",
        "d@norddjurs.dk",
    ]
