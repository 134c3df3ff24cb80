"""The screen opens in the language a signed-in person chose (issue 16).

The choice is kept by the API when they switch (flow.save_language: PUT /v1/me/language) or by
the organisation file, and GET /v1/me gives it back. Reading it never writes it back: a person who
chose nothing keeps the screen as it is, and their Monday e-mail stays Danish.
"""

from __future__ import annotations

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.types_signin import Me
from app.i18n import LANGUAGES


def kept_language(me: Me, current: str) -> str:
    """The language GET /v1/me says this person chose, or `current` when they chose none."""
    chosen = me.get("language")
    return chosen if chosen in LANGUAGES else current


async def language_at_signin(api: ApiClient, current: str) -> str:
    """Ask GET /v1/me for the signed-in person's language; `current` when it cannot be had (the
    screen's next request meets the same failure and shows it better than this could)."""
    try:
        return kept_language(await api.me(), current)
    except (ApiError, Offline):
        return current
