"""`make bench` prints how the moderation does on the labelled set of completions."""

from __future__ import annotations

import pytest

from functions.content import load_name_list
from tests.domain.labelled_completions import judge_the_set


@pytest.mark.slow
def test_moderation_rates_on_the_labelled_set(bench_figures):
    outcome = judge_the_set(load_name_list())
    print(f"\nModeration: {outcome.describe()}")
    for sentence in outcome.shown_naming + outcome.held_clean:
        print(f"  {sentence}")
    bench_figures.add("Moderation", "labelled completions (tests/domain/data/)", outcome.describe())
