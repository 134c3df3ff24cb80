"""Cleaning completions and spotting ones that may name a colleague."""

import pytest

from functions.content import load_name_list
from functions.domain.moderation import clean_text, seems_to_name_person

NAMES = load_name_list()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  vi   lytter  ", "vi lytter"),
        ("vi\nlytter\ttil\r\nhinanden", "vi lytter til hinanden"),
        ("vi\u202elytter\u202c", "vilytter"),  # bidi override and pop
        ("vi \u200flytter\u200b\u2060", "vi lytter"),  # RLM, zero-width space, word joiner
        ("\ufeffvi lytter\u00ad", "vi lytter"),  # BOM and soft hyphen
        ("vi\x00 lytter\x1b[31m\x9b", "vi lytter[31m"),  # C0 and C1 controls
        ("vi\u00a0\u2003lytter\u2028", "vi lytter"),  # no-break, em space, line separator
        ("vi sm\u0069\u0301ler", "vi smíler"),  # NFC: i + combining acute -> í
        ("vi lytter \ud800", "vi lytter"),  # a lone surrogate no store could encode
        ("Vi lytter 🙂", "Vi lytter 🙂"),
    ],
)
def test_clean_text_drops_invisible_characters_and_extra_space(raw, clean):
    assert clean_text(raw) == clean


def test_clean_text_composes_to_nfc():
    assert clean_text("a\u030a") == "\u00e5"  # a + ring above -> å


@pytest.mark.parametrize(
    "text",
    [
        "vi lytter når Mette taler",
        "vi spørger Anne-Marie om hjælp",
        "Anne-Marie og vi taler sammen",  # Marie is inside the sentence
        "vi taler med hinanden, også når Jens er sur",
        "vi lytter til hinanden bl.a. når Søren fortæller",
        "vi siger tak. Vi lytter også til Lars",
        "skriv til mette@norddjurs.dk",
        "vi lytter @kim",
        'vi siger "hej" Mette',  # a closing quote opens nothing
    ],
)
def test_a_capitalised_word_inside_a_sentence_looks_like_a_name(text):
    assert seems_to_name_person(text, NAMES) is True


@pytest.mark.parametrize(
    "text",
    [
        "vi spørger, når I er i tvivl",
        "vi holder MED-møder",
        "vi bruger OLFA og MUS til at tale om opgaven",
        "vi tager det op med AMR og TR",
        "vi spørger, om De har tid, og lytter til Dem og Deres ideer",
        "vi lytter. Vi spørger ind",
        "vi stopper op! Hvad mener du?",
        "vi holder pauser sammen… Det hjælper",
        "vi siger det højt: Det er okay at fejle",
        "vi siger »Godt gået« til hinanden",
        'vi siger "Tak for i dag" til hinanden',
        "Vi lytter til hinanden",
        "- Vi lytter til hinanden",
        "vi lytter",
        "",
    ],
)
def test_ordinary_danish_is_not_taken_for_a_name(text):
    assert seems_to_name_person(text, NAMES) is False


@pytest.mark.parametrize(
    "text",
    [
        "Mette lytter aldrig til os",  # a name as the first word: "…når vi" came before it
        "når JENS ikke råber",
        "vi savner at mette lytter",
        "vi ringer til jens på 22334455",
        "spørger 'anna b'",
        "følger mettes forslag",  # the genitive
    ],
)
def test_a_listed_first_name_is_held_in_any_case_and_any_position(text):
    assert seems_to_name_person(text, NAMES) is True


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("mødes en gang per uge", False),  # per: a preposition
        ("tør tage fat i det", False),
        ("held og lykke med det", False),
        ("spørger til hans idé", False),
        ("siger det til Per", True),  # with a capital inside the sentence, still a name
        ("spørger Lykke", True),
    ],
)
def test_names_that_are_common_danish_words_count_only_with_a_capital(text, held):
    assert seems_to_name_person(text, NAMES) is held


@pytest.mark.parametrize(
    "text",
    [
        "ring 22 33 44 55",
        "ring +45 2233 4455",
        "cpr 010190-1234",
        "skriv til a@b.dk",
        "skriv til mette(at)firma.dk",
        "spørg @sh",
        "se facebook.com/someone",
        "se www.example.org",
    ],
)
def test_a_way_to_reach_someone_is_held(text):
    assert seems_to_name_person(text, NAMES) is True


@pytest.mark.parametrize("text", ["mødes kl. 8.30 og 9.30", "hver 14. dag", "i 2 x 45 minutter"])
def test_short_numbers_are_not_phone_numbers(text):
    assert seems_to_name_person(text, NAMES) is False


def test_the_name_list_is_a_real_list_of_danish_names():
    # Denmark's most common first names are in it, and ordinary words are not
    assert {"mette", "jens", "søren", "anne", "lars", "ulla", "bo"} <= NAMES.names
    assert not {"vi", "lytter", "hinanden", "når", "kaffe"} & (NAMES.names - NAMES.common_words)
    assert len(NAMES.names) > 1500
