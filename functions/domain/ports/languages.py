"""The port for the language each person reads their Monday digest in.

Kept by the SHA-256 of the person's address, never the address: the digest finds a language by
hashing the addresses it already has.
"""

from __future__ import annotations

from typing import Protocol


class LanguageStore(Protocol):
    """Digest languages by address hash ("da" or "en"; Danish for anyone not listed)."""

    def put_language(self, address_hash: str, language: str) -> None:
        """Keep the language ("da" or "en") of the person whose address has this hash."""

    def list_languages(self) -> dict[str, str]:
        """Every kept language: address hash -> "da" or "en" (one bounded read for the digest)."""

    def delete_languages(self, address_hashes: list[str]) -> None:
        """Forget the languages of these hashes (none kept for one is no error)."""
