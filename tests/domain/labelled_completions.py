"""The labelled set of sentence completions (tests/domain/data/): ones that name or reach a person,
and clean ones, as people finish the prompts. Read by the moderation test and by `make bench`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from functions.domain.moderation import seems_to_name_person
from functions.domain.name_list import NameList

DATA = Path(__file__).resolve().parent / "data"


def completions(name: str) -> list[str]:
    """The sentences of one file: one a line, "#" lines are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def naming() -> list[str]:
    """Sentences that name or reach a person."""
    return completions("naming_completions.txt")


def clean() -> list[str]:
    """Sentences that name and reach nobody."""
    return completions("clean_completions.txt")


@dataclass(frozen=True)
class Outcome:
    """What the moderation did with the labelled set."""

    shown_naming: list[str]  # naming sentences it let through (the target is none)
    held_clean: list[str]  # clean sentences it held back (the target is at most 10 %)
    naming_total: int
    clean_total: int

    def describe(self) -> str:
        """Both rates in one line."""
        missed = len(self.shown_naming) / self.naming_total
        held = len(self.held_clean) / self.clean_total
        return (
            f"{len(self.shown_naming)} of {self.naming_total} naming sentences shown without "
            f"review ({missed:.1%}); {len(self.held_clean)} of {self.clean_total} clean ones "
            f"held ({held:.1%})"
        )


def judge_the_set(names: NameList) -> Outcome:
    """Run the moderation over the whole labelled set."""
    naming_sentences, clean_sentences = naming(), clean()
    return Outcome(
        shown_naming=[t for t in naming_sentences if not seems_to_name_person(t, names)],
        held_clean=[t for t in clean_sentences if seems_to_name_person(t, names)],
        naming_total=len(naming_sentences),
        clean_total=len(clean_sentences),
    )
