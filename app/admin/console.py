"""What every admin section shares: the API client, the language, and saying how an action went.

`attempt()` runs one API call: on success it announces what happened, on failure what to do next;
sections never catch errors themselves. `notify(text, error)` is a snack bar in the app and a
list in tests.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.i18n import DEFAULT_LANGUAGE, t

T = TypeVar("T")
Notify = Callable[[str, bool], None]
_FAILED = object()

# Each API error code has a text that says what to do (locale key admin.error.<code>).
_KNOWN_CODES = {
    "unauthorized",
    "forbidden",
    "not_found",
    "conflict",
    "invalid_request",
    "too_many_attempts",
}


def error_text(problem: Exception, lang: str) -> str:
    """What went wrong and what to do, for an ApiError or Offline."""
    if isinstance(problem, Offline):
        return t("admin.error.offline", lang)
    if isinstance(problem, ApiError) and problem.code in _KNOWN_CODES:
        return t(f"admin.error.{problem.code}", lang, message=problem.message)
    return t("admin.error.other", lang)


class Console:
    """The admin's connection to the API, with feedback for every action."""

    def __init__(self, api: ApiClient, notify: Notify, lang: str = DEFAULT_LANGUAGE) -> None:
        self.api = api
        self.notify = notify
        self.lang = lang

    def say(self, key: str, **values: Any) -> None:
        """Confirm what happened."""
        self.notify(t(key, self.lang, **values), False)

    def warn(self, key: str, **values: Any) -> None:
        """Say what is wrong and what to do."""
        self.notify(t(key, self.lang, **values), True)

    async def attempt(self, call: Awaitable[T], done: str | None = None, **values: Any) -> Any:
        """The call's answer, announced with `done`; on failure the error is told and
        `FAILED` returned (check with `failed()`)."""
        try:
            answer = await call
        except (ApiError, Offline) as problem:
            self.notify(error_text(problem, self.lang), True)
            return _FAILED
        if done:
            self.say(done, **values)
        return answer


def failed(answer: Any) -> bool:
    """True when `Console.attempt` failed (and has already told the admin)."""
    return answer is _FAILED


def local_time(stamp: str | None, lang: str, with_date: bool = True) -> str:
    """An API time (UTC, RFC 3339) as Danish local time: "27.11. 14:35" (or "–")."""
    if not stamp:
        return "–"
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    try:
        from zoneinfo import ZoneInfo

        moment = moment.astimezone(ZoneInfo("Europe/Copenhagen"))
    except Exception:  # noqa: BLE001, S110 - no tz database (e.g. in the browser): keep UTC
        pass
    if not with_date:
        return moment.strftime("%H:%M")
    return moment.strftime("%d.%m.%Y %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")
