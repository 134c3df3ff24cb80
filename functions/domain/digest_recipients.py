"""Who gets which Monday digest: one per workplace a leader leads, one per area for area leaders,
and the organisation summary for administrators.

How an area leader is represented is not settled yet (sign-in, issue 15, may give them a record of
their own). Until then `leads_area` is the one place that decides it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from functions.domain.models import Workplace

ORGANISATION = "org"


@dataclass(frozen=True)
class Recipient:
    """One digest to write: to whom, and about what (one workplace, an area, or everything)."""

    address: str
    kind: str  # "workplace" | "area" | "organisation"
    workplaces: tuple[Workplace, ...]
    area: str | None = None
    lang: str = "da"  # Danish unless they chose another (domain/languages.py)

    @property
    def scope(self) -> str:
        """What the digest is about, as a store key part: wp:<id>, area:<name> or org."""
        if self.kind == "workplace":
            return f"wp:{self.workplaces[0].id}"
        if self.kind == "area":
            return f"area:{self.area}"
        return ORGANISATION

    @property
    def address_hash(self) -> str:
        """What the sent-once record keeps instead of the address."""
        return address_hash(self.address)


def address_hash(address: str) -> str:
    """SHA-256 of the normalised address: enough to tell recipients apart, not to write to them."""
    return hashlib.sha256(address.strip().lower().encode("utf-8")).hexdigest()


def leads_area(address: str, members: Iterable[Workplace]) -> bool:
    """An area leader, for now: someone who leads every workplace of an area of two or more."""
    members = list(members)
    return len(members) >= 2 and all(address in w.leaders for w in members)


def leader_recipients(workplaces: Iterable[Workplace]) -> list[Recipient]:
    """One recipient per (leader, workplace), folded into one per area for area leaders."""
    areas: dict[str, list[Workplace]] = defaultdict(list)
    for workplace in workplaces:
        areas[workplace.area or ""].append(workplace)
    found: list[Recipient] = []
    for area, members in sorted(areas.items()):
        members.sort(key=lambda w: w.name)
        leaders = sorted({a for w in members for a in w.leaders})
        for address in leaders:
            if area and leads_area(address, members):
                found.append(Recipient(address, "area", tuple(members), area))
                continue
            led = [w for w in members if address in w.leaders]
            found += [Recipient(address, "workplace", (w,)) for w in led]
    return found


def admin_recipients(addresses: Iterable[str], workplaces: Iterable[Workplace]) -> list[Recipient]:
    """The organisation summary for each administrator address."""
    everything = tuple(workplaces)
    return [Recipient(a, "organisation", everything) for a in sorted(set(addresses))]
