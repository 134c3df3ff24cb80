"""The pairing code in a kiosk address, as a pairing sheet's QR code carries it.

`http://host:8550/kiosk?pair=K7QM-3WXP` (served) or `https://host/#/kiosk?pair=K7QM-3WXP` (the
static PWA routes after "#"). Flet hands the kiosk its route with the query in both cases
("/kiosk?pair=…"); a full address is read too, so `code=` from a typed link works as well.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

PARAMETERS = ("pair", "code")


def pairing_code_from(route_or_url: str | None) -> str | None:
    """The code of a `pair` (or `code`) parameter in the route's query or fragment, else None."""
    parts = urlsplit(route_or_url or "")
    for query in (parts.query, urlsplit(parts.fragment).query):
        values = parse_qs(query)
        for name in PARAMETERS:
            code = (values.get(name) or [""])[0].strip()
            if code and len(code) <= 32:
                return code
    return None
