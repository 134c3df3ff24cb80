"""Pairing sheets: one fresh, long-lived pairing code per workplace, and the kiosk address that
pairs a tablet with it when opened (a QR code on paper, so no one types a code 150 times).

Why a code may live 14 days (SHEET_CODE_LIFETIME) and still be safe:
- Guessing: the chance that anyone guesses one of a sheet's 150 codes within its 14 days is
  (guesses possible in 14 days) x 150 / (number of codes). With 8-symbol codes (31^8 = 8.5e11) and
  at most 30 wrong codes per 15 minutes: 40,320 x 150 / 8.5e11 = 7e-6. With the 12-symbol codes
  (31^12 = 7.9e17) and no lockout that branch i9-server brings, at the API throttle's 2 guesses a
  second on AWS: 2.4e6 x 150 / 7.9e17 = 5e-10; at the embedded server's cap of 1,000 a second:
  1.2e9 x 150 / 7.9e17 = 2e-7.
- Use: a code pairs one tablet only (the store marks it used in the same transaction that adds
  the device), so once the wall tablet is paired the sheet is worth nothing. A sheet that goes
  astray before that can pair one stranger's tablet to one workplace; the Tablets overview shows
  every tablet, and revoking it stops it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from functions.domain.credentials import shown_code
from functions.domain.errors import InvalidInput, NotFound
from functions.domain.models import Workplace
from functions.domain.pairing import SHEET_CODE_LIFETIME, make_pairing_code
from functions.domain.ports import Store

PAIR_PARAMETER = "pair"  # the kiosk reads the code from this query parameter


@dataclass(frozen=True)
class SheetPage:
    """One printed page: the workplace, its code as people read it, the address, its expiry."""

    workplace: Workplace
    code: str  # "K7QM-3WXP-HT4C"
    url: str
    expires_at: int  # epoch seconds


def check_base_url(base_url: str) -> str:
    """The kiosk's base address without a trailing slash, or InvalidInput.

    `http://host:8550` for `serve`; for the static PWA, which routes after "#", `https://host/#`.
    """
    text = base_url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.netloc or len(text) > 300:
        raise InvalidInput("base_url must be an http(s) address such as https://kiosk.example.dk")
    return text


def kiosk_pairing_url(base_url: str, code: str) -> str:
    """The address that opens the kiosk and pairs it with `code` at once."""
    return f"{check_base_url(base_url)}/kiosk?{PAIR_PARAMETER}={code}"


def workplaces_for_sheets(store: Store, area: str | None) -> list[Workplace]:
    """Every workplace by area and name, or those of one area (NotFound when it has none)."""
    found = store.list_workplaces()
    if area and area.strip():
        wanted = area.strip().casefold()
        found = [w for w in found if (w.area or "").casefold() == wanted]
        if not found:
            raise NotFound(f"No workplace in the area {area.strip()!r}.")
    return sorted(found, key=lambda w: ((w.area or "").casefold(), w.name.casefold()))


def make_sheet_pages(
    store: Store, base_url: str, now: datetime, area: str | None = None
) -> list[SheetPage]:
    """A new single-use code, valid for 14 days, for each workplace (of one area)."""
    check_base_url(base_url)
    pages = []
    for workplace in workplaces_for_sheets(store, area):
        code = make_pairing_code(store, workplace.id, now, SHEET_CODE_LIFETIME)
        shown = shown_code(code.code)
        pages.append(
            SheetPage(workplace, shown, kiosk_pairing_url(base_url, shown), code.expires_at)
        )
    return pages
