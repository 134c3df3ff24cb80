"""First names common in Denmark, and the Danish words among them, as the moderation reads them.

The lists are data (content/names/, made by its regenerate.py from the names-dataset package):
first_names.txt holds every name part of the 2,500 first names most common in Denmark;
danish_words.txt the common Danish words that are also such names ("per", "tage", "lykke").
A listed name counts in any case and any position: a completion finishes "…når vi", so its
first word is mid-sentence, and people type names in lowercase or capitals ("når JENS råber").
A name that is also a common word counts only the way any word does: with a capital inside a
sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class NameList:
    """Names to hold on sight (lowercase), and names that are also common Danish words."""

    names: frozenset[str]
    common_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, names: Iterable[str], common_words: Iterable[str] = ()) -> NameList:
        """A list from any iterables of words (casefolded here)."""
        return cls(
            frozenset(n.casefold() for n in names), frozenset(w.casefold() for w in common_words)
        )

    def is_a_name(self, word: str) -> bool:
        """True for a listed name in any case, or its genitive ("Mettes", "JENS'"), unless the word
        is a common Danish word as well."""
        folded = word.casefold()
        if folded in self.common_words:
            return False
        if folded in self.names:
            return True
        stem = folded.removesuffix("s")  # the Danish genitive: Mettes idé
        return stem != folded and stem in self.names and stem not in self.common_words
