"""Cleaning sentence completions, and a cautious guess at whether one names or reaches a person.

Completions are shown to the whole workplace, so one that seems to point at someone is held for an
admin to review instead of being shown at once. Three signs, any of them enough:
- a way to reach someone: a phone or CPR-like number, an e-mail address, an @handle, a web
  address (contact_details.py);
- a first name common in Denmark, in any case and any position (name_list.py: "mette", "JENS");
- a capitalised word in the middle of a sentence: Danish writes common nouns in lowercase, so it
  is most likely a name, also one no list holds.
It errs towards holding: a false alarm costs an admin a click, a missed name can hurt a colleague.
"""

from __future__ import annotations

import re
import unicodedata

from functions.domain.contact_details import reaches_a_person
from functions.domain.name_list import NameList

# Control characters that separate words become spaces; the rest are dropped.
_SPACING_CONTROLS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")
# Cc: C0/C1 controls; Cf: format characters (bidi overrides, RLM, zero-width, BOM, soft hyphen);
# Cs: lone surrogates, which JSON can carry but no store can encode.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})

# Capitalised words that are not names: the pronoun "I" (you, plural) and the formal "you".
_PRONOUNS = frozenset({"I", "De", "Dem", "Deres"})
_SENTENCE_ENDS = frozenset(".!?…")
_QUOTES = frozenset("\"'«»„“”‚‘’‹›")
# Danish abbreviations whose full stop does not end the sentence ("bl.a. Mette" still names her).
_ABBREVIATIONS = (
    "f.eks",
    "bl.a",
    "m.m",
    "m.fl",
    "o.l",
    "dvs",
    "mht",
    "ca",
    "evt",
    "pga",
    "jf",
    "kl",
    "nr",
    "inkl",
    "ift",
    "fx",
    "vedr",
    "iflg",
    "tlf",
)
_TOKEN = re.compile(
    r"(?P<abbreviation>(?<![^\W\d_])(?:"
    + "|".join(re.escape(a) for a in _ABBREVIATIONS)
    + r")\.)|(?P<word>[^\W\d_]+)|(?P<mark>\S)",
    re.IGNORECASE,
)


def clean_text(text: str) -> str:
    """The text without control or format characters, whitespace runs as one space, trimmed, NFC."""
    kept = []
    for char in text:
        if char in _SPACING_CONTROLS:
            kept.append(" ")
        elif unicodedata.category(char) not in _DROPPED_CATEGORIES:
            kept.append(char)
    return unicodedata.normalize("NFC", " ".join("".join(kept).split()))


def seems_to_name_person(text: str, names: NameList) -> bool:
    """True when the text may identify or reach a person: a way to reach someone, a listed first
    name in any case, or a capitalised word inside a sentence."""
    if reaches_a_person(text):
        return True
    # True where a capital letter is expected: the text's start, a new sentence, after ":" or an
    # opening quote. Commas, dashes and digits leave it as it was ("- Vi lytter" starts the text).
    capital_expected = True
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        if kind == "word":
            if names.is_a_name(token[0]):
                return True
            if not capital_expected and _looks_like_name(token[0]):
                return True
            capital_expected = False
        elif kind == "abbreviation":
            capital_expected = False
        elif _starts_a_phrase(token[0], text, token.end()):
            capital_expected = True
    return False


def _looks_like_name(word: str) -> bool:
    if not word[0].isupper() or word in _PRONOUNS:
        return False
    # MED, OLFA, MUS, AMR, TR: abbreviations, not people ("MED-møder" splits into MED and møder).
    return not (len(word) >= 2 and word.isupper())


def _starts_a_phrase(mark: str, text: str, after: int) -> bool:
    if mark in _SENTENCE_ENDS or mark == ":":
        return True
    # A quote opens when it clings to the word after it: »Hej«, "Hej" (not the closing one).
    return mark in _QUOTES and after < len(text) and text[after].isalpha()
