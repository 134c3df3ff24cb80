"""No sentence that names or reaches a person reaches the pulse, and few clean ones wait.

Measured on the labelled set in tests/domain/data/ (over 300 realistic completions of the six
prompts, about half naming or reaching someone in every form we could think of).
"""

from __future__ import annotations

from functions.content import load_name_list
from tests.domain.labelled_completions import clean, judge_the_set, naming


def test_the_labelled_set_is_large_and_about_half_naming():
    naming_sentences, clean_sentences = naming(), clean()
    assert len(naming_sentences) + len(clean_sentences) >= 300
    assert 0.4 <= len(naming_sentences) / (len(naming_sentences) + len(clean_sentences)) <= 0.6
    assert not set(naming_sentences) & set(clean_sentences)


def test_no_sentence_that_names_or_reaches_a_person_is_shown_without_review():
    outcome = judge_the_set(load_name_list())
    assert outcome.shown_naming == [], outcome.describe()


def test_at_most_a_tenth_of_the_clean_sentences_wait_for_review():
    outcome = judge_the_set(load_name_list())
    assert len(outcome.held_clean) <= 0.10 * outcome.clean_total, outcome.describe()
