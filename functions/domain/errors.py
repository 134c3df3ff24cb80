"""Typed domain errors: adapters raise them; the API maps each to one status (api/errors.py)."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """Base of every error the API turns into a 4xx answer."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """The request breaks a rule of the domain (bad score, text too long, unknown prompt)."""

    code = "invalid_request"


class NotFound(DomainError):
    """The named thing does not exist (or the caller may not know that it does)."""

    code = "not_found"


class Conflict(DomainError):
    """The thing exists already or is in a state that forbids the change."""

    code = "conflict"


class Unauthorized(DomainError):
    """No credentials, or credentials we do not recognise."""

    code = "unauthorized"


class Forbidden(DomainError):
    """Valid credentials that do not reach this resource."""

    code = "forbidden"


class PairingCodeInvalid(DomainError):
    """A pairing code that is unknown, used or expired: one answer for all three, on purpose.
    `hold_seconds`: how long the answer is held back, to slow guessing (see domain/pairing.py)."""

    code = "pairing_code_invalid"
    hold_seconds = 0


class TooManyAttempts(DomainError):
    """Too many failed guesses in the current window; try again later."""

    code = "too_many_attempts"


class StorageFull(DomainError):
    """The store has no room to write (a full disk): nothing was stored; try again later.

    Not the caller's fault, so the API answers 503; a kiosk keeps what it sent and retries."""

    code = "storage_full"


@dataclass(frozen=True)
class Problem:
    """One problem of an uploaded file: the line it is on and what is wrong there."""

    line: int
    message: str


class FileRefused(InvalidInput):
    """An uploaded file has problems; `details` lists each with its line, and nothing was kept."""

    code = "invalid_file"

    def __init__(self, message: str, details: list[Problem]):
        super().__init__(message)
        self.details = details


class SigninUnavailable(DomainError):
    """The OpenID provider's keys cannot be fetched now, so no sign-in token can be checked."""

    code = "sign_in_unavailable"
