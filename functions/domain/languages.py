"""Each leader's and administrator's language for the Monday digest: Danish unless they chose
English (in the pulse or the console, signed in) or the organisation file says so.

What is kept is the least that does it: the SHA-256 of the address (digest_recipients.
address_hash, as the digests' sent-once records keep it) and "da" or "en". The address itself is
never stored for this; the digest finds a language by hashing the addresses it already has, and
forgets the language of anyone who no longer gets an e-mail (forget_unused_languages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from functions.domain.digest_recipients import Recipient, address_hash
from functions.domain.errors import InvalidInput
from functions.domain.ports import LanguageStore

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
# What people write in the organisation file's language column, Danish first.
_NAMES = {
    "da": "da",
    "dansk": "da",
    "danish": "da",
    "en": "en",
    "engelsk": "en",
    "english": "en",
}


def read_language(text: str) -> str:
    """The code ("da" or "en") of what a person wrote (dansk, English …), or InvalidInput."""
    found = _NAMES.get(text.strip().casefold())
    if found is None:
        raise InvalidInput(f"{text.strip()[:40]!r} is not a language here: write da or en.")
    return found


def save_language(store: LanguageStore, address: str, language: str) -> None:
    """Keep `language` for the person with this address (by its hash, never the address)."""
    if language not in LANGUAGES:
        raise InvalidInput("The language must be da or en.")
    store.put_language(address_hash(address), language)


def stored_language(store: LanguageStore, address: str) -> str | None:
    """The language this person chose ("da" or "en"), or None when none is kept for them (so the
    app keeps the screen's language rather than assume Danish)."""
    return store.list_languages().get(address_hash(address))


def languages_to_set(chosen: Iterable[tuple[str, str]], kept: dict[str, str]) -> dict[str, str]:
    """Address hash -> language for each (address, language) that differs from what is kept
    (nothing kept counts as Danish, so a file's "da" for someone new writes nothing)."""
    wanted = {address_hash(address): language for address, language in chosen}
    return {h: lang for h, lang in wanted.items() if kept.get(h, DEFAULT_LANGUAGE) != lang}


def in_their_languages(store: LanguageStore, recipients: Iterable[Recipient]) -> list[Recipient]:
    """The recipients, each in their stored language (Danish when none is stored)."""
    chosen = store.list_languages()
    return [replace(r, lang=chosen.get(r.address_hash, DEFAULT_LANGUAGE)) for r in recipients]


def forget_unused_languages(store: LanguageStore, recipients: Iterable[Recipient]) -> int:
    """Delete the kept languages of people who get no e-mail any more (no longer a leader or an
    administrator); how many were deleted."""
    wanted = {r.address_hash for r in recipients}
    unused = sorted(h for h in store.list_languages() if h not in wanted)
    if unused:
        store.delete_languages(unused)
    return len(unused)
