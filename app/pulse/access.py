"""How a pulse page finds its token and workplace: the link's query, else what the browser kept.

A viewer link is `<origin>/pulse?token=…&workplace=…`. The token (and workplace) are kept in the
browser's storage, so the bare `/pulse` works again later. An admin's token, kept by the admin
console, opens the pulse too; the admin then chooses the workplace.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from app.client.storage import KeyValueStore

TOKEN_KEY = "tryghedspuls.pulse.token"  # noqa: S105 (a storage key, not a secret)
WORKPLACE_KEY = "tryghedspuls.pulse.workplace"
ADMIN_TOKEN_KEY = "tryghedspuls.admin.token"  # noqa: S105


@dataclass(frozen=True)
class LinkParts:
    """What a pulse link (or a pasted token) carries."""

    token: str | None = None
    workplace_id: str | None = None


def parse_link(text: str) -> LinkParts:
    """The token and workplace of a route, a full link, or a bare token pasted into a field."""
    text = (text or "").strip()
    if not text:
        return LinkParts()
    query = urlsplit(text).query if ("?" in text or "://" in text) else ""
    if not query and "=" in text:
        query = text
    if not query:
        return LinkParts(token=text) if " " not in text and "/" not in text else LinkParts()
    values = parse_qs(query)
    token = (values.get("token") or [None])[0]
    workplace = (values.get("workplace") or [None])[0]
    return LinkParts(token=token or None, workplace_id=workplace or None)


def sign_in_code(route: str) -> str | None:
    """The one-time sign-in code of an admin link (`/admin?signin=…`), if any."""
    query = urlsplit(route or "").query
    return (parse_qs(query).get("signin") or [None])[0] or None


def viewer_link(origin: str, token: str, workplace_id: str) -> str:
    """The full link a workplace's viewers open."""
    return f"{origin.rstrip('/')}/pulse?" + urlencode({"token": token, "workplace": workplace_id})


async def remembered(store: KeyValueStore, link: LinkParts) -> tuple[LinkParts, bool]:
    """The link to use (given, else kept) and whether it is an admin's kept token."""
    if link.token:
        await store.set(TOKEN_KEY, link.token)
        if link.workplace_id:
            await store.set(WORKPLACE_KEY, link.workplace_id)
        else:
            await store.remove(WORKPLACE_KEY)
        return link, False
    token, kept_workplace = await store.get(TOKEN_KEY), await store.get(WORKPLACE_KEY)
    admin = await store.get(ADMIN_TOKEN_KEY)
    # An admin opening another workplace's pulse from the console uses the admin token.
    asks_other = link.workplace_id and link.workplace_id != kept_workplace
    if token and not (admin and asks_other):
        return LinkParts(token, link.workplace_id or kept_workplace), False
    return LinkParts(admin, link.workplace_id), bool(admin)


async def forget(store: KeyValueStore) -> None:
    """Drop the kept viewer token (a revoked link, or the person asked to)."""
    await store.remove(TOKEN_KEY)
    await store.remove(WORKPLACE_KEY)
