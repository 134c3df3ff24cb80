"""Reading a language as people write it, which kept languages an organisation file changes, and
finding a signed-in person's own."""

from __future__ import annotations

import pytest

from functions.domain.digest_recipients import address_hash
from functions.domain.errors import InvalidInput
from functions.domain.languages import languages_to_set, read_language, stored_language


@pytest.mark.parametrize(
    ("written", "code"),
    [("da", "da"), (" Dansk ", "da"), ("danish", "da"), ("EN", "en"), ("engelsk", "en")],
)
def test_a_language_is_read_as_people_write_it(written, code):
    assert read_language(written) == code


@pytest.mark.parametrize("written", ["tysk", "de", "", "da-DK"])
def test_anything_else_is_refused_naming_what_was_written(written):
    with pytest.raises(InvalidInput, match="write da or en"):
        read_language(written)


def test_only_changes_are_set_and_danish_for_someone_new_is_no_change():
    mette, jens, lis = (address_hash(a) for a in ("mette@x.dk", "jens@x.dk", "lis@x.dk"))
    kept = {mette: "en", jens: "en"}
    chosen = [("mette@x.dk", "en"), ("jens@x.dk", "da"), ("lis@x.dk", "da"), ("ole@x.dk", "en")]
    assert languages_to_set(chosen, kept) == {jens: "da", address_hash("ole@x.dk"): "en"}
    assert lis not in languages_to_set(chosen, kept)


class KeptLanguages:
    """A LanguageStore holding a dict: address hash -> language."""

    def __init__(self, kept: dict[str, str]):
        self.kept = kept

    def list_languages(self) -> dict[str, str]:
        return dict(self.kept)


def test_a_persons_language_is_found_by_their_address_as_any_provider_writes_it():
    store = KeptLanguages({address_hash("lea@x.dk"): "en"})
    assert stored_language(store, " Lea@X.dk ") == "en"


def test_someone_who_chose_nothing_has_no_language_not_danish():
    # None, not the digest's Danish default: the app then keeps the screen's language
    assert stored_language(KeptLanguages({address_hash("lea@x.dk"): "en"}), "ole@x.dk") is None
