"""Tokens, pairing codes and ids: random from the `secrets` module, tokens kept only as hashes.

Named credentials.py so it does not shadow the standard library's `secrets`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
import uuid

TOKEN_BYTES = 32
# No 0/O, 1/I/L: a code is read off one screen and typed on another.
PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
# 12 symbols: 31^12 ≈ 7.9e17 codes, so no lockout is needed to keep guessing hopeless (README,
# Figures: Guessing); typed as three groups of four, or read from a QR code.
PAIRING_LENGTH = 12
PAIRING_GROUP = 4
# Spaces and every kind of dash people (or their keyboards' autocorrect) put into a code.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")


def new_token() -> str:
    """A new bearer token: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest we store and look tokens up by.

    A plain hash is enough: tokens carry 256 random bits, so there is nothing to guess or to look
    up in a table, unlike passwords that need a slow, salted hash.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token_id() -> str:
    """A short random id (8 hex characters) for a token, safe to show and to log."""
    return secrets.token_hex(4)


def new_pairing_code() -> str:
    """A new pairing code as shown to people, e.g. "K7QM-3WXP-HT4C"."""
    return shown_code("".join(secrets.choice(PAIRING_ALPHABET) for _ in range(PAIRING_LENGTH)))


def shown_code(code: str) -> str:
    """A code as people read and type it: groups of four joined by dashes."""
    plain = normalise_code(code)
    return "-".join(plain[i : i + PAIRING_GROUP] for i in range(0, len(plain), PAIRING_GROUP))


def normalise_code(text: str) -> str:
    """The stored form of a typed code ("k7qm 3wxp-ht4c" → "K7QM3WXPHT4C"): upper case, no
    separators."""
    # NFKC folds full-width letters a tablet keyboard may produce into plain ones.
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def new_id() -> str:
    """A new random id (uuid4 as 32 hex characters)."""
    return uuid.uuid4().hex
