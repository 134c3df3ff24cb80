"""Leaders' e-mail addresses: the only personal data kept about people, and only for leaders.

A workplace keeps its leaders' work addresses so that sign-in can find what a leader may see and
the weekly digest knows whom to write to. Addresses are stored lower-case, trimmed, without
duplicates, in a stable order, so a re-import of the same list changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from functions.domain.errors import InvalidInput

MAX_LEADERS = 20
MAX_ADDRESS_LENGTH = 254  # RFC 5321's limit for a forward path
# Deliberately plain: one @, no spaces or list separators, a dot in the domain. Whether the mailbox
# exists is for the mail server to say; this only catches what cannot be an address at all.
_ADDRESS = re.compile(r"[^@\s,;<>\"']+@[^@\s,;<>\"'.]+(\.[^@\s,;<>\"'.]+)+")
_SEPARATORS = re.compile(r"[\s,;]+")


def normalise_address(text: str) -> str:
    """One address, trimmed and lower-cased, or InvalidInput naming what was wrong."""
    address = text.strip().lower()
    if len(address) > MAX_ADDRESS_LENGTH or not _ADDRESS.fullmatch(address):
        raise InvalidInput(f"{text.strip()[:80]!r} is not an e-mail address.")
    return address


def clean_leaders(addresses: Iterable[str]) -> tuple[str, ...]:
    """Normalised addresses without duplicates, sorted; at most MAX_LEADERS."""
    cleaned = tuple(sorted({normalise_address(a) for a in addresses if a.strip()}))
    if len(cleaned) > MAX_LEADERS:
        raise InvalidInput(f"A workplace can have at most {MAX_LEADERS} leaders.")
    return cleaned


def split_addresses(text: str) -> list[str]:
    """The addresses in a cell as people type them: separated by commas, semicolons or spaces."""
    return [part for part in _SEPARATORS.split(text) if part]
