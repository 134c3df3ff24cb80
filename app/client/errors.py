"""How an API call fails: the server said no (ApiError), or no answer came at all (Offline)."""

from __future__ import annotations


class ApiError(Exception):
    """The API answered with an error: `{"error": {"code", "message"}}` and its HTTP status."""

    def __init__(self, status: int, code: str, message: str = "", details=None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details: list[dict] = details if isinstance(details, list) else []

    @property
    def retryable(self) -> bool:
        """Worth trying again later: rate limited or a server-side failure."""
        return self.status == 429 or self.status >= 500


class Offline(Exception):
    """No answer: the network is down, the server unreachable, or the call timed out."""
