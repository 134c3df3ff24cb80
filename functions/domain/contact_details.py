"""Ways to reach a person written into a sentence: phone numbers, CPR-like numbers, e-mail
addresses, @handles and web addresses. Any of them holds a completion for review.

Danish phone numbers have eight digits, CPR numbers ten; people group them as they like
("22 33 44 55", "+45 2233 4455", "010190-1234"). Eight or more digits in one run, whatever the
spaces, dots, dashes or slashes between them, count. That also holds a full date written with
dots ("01.02.2024"), a price in the millions, or a long case number: rare in a sentence about how
a team works, and an admin approves those with one click.
"""

from __future__ import annotations

import re

_AT_SIGNS = ("@", "\uff20")  # "@" and its full-width form
_LONG_NUMBER = re.compile(r"\d(?:[\s.\-/]{0,3}\d){7,}")
# An address without its "@", or a web address: mette(at)firma.dk, firma.dk/mette, www.…
_ADDRESS = re.compile(
    r"(?:\bwww\.|https?:|\(at\)|\[at\]|\b[\w-]+\.(?:dk|com|net|org|eu|se|no|de|io|me)\b)",
    re.IGNORECASE,
)


def reaches_a_person(text: str) -> bool:
    """True when the text holds a phone or CPR-like number, an e-mail address, an @handle or a
    web address."""
    if any(sign in text for sign in _AT_SIGNS):
        return True
    return bool(_LONG_NUMBER.search(text) or _ADDRESS.search(text))
