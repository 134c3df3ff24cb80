"""What a signed-in person may see, from data we already hold: never from the token alone.

- An administrator: the address is in the configured list (TRYGHEDSPULS_ADMIN_EMAILS) or in the
  console's list, or one of the token's groups is in the console's admin groups. Sees everything.
- A leader: the address is among a workplace's leaders. Sees the pulse of those workplaces.
- An area leader: the address is among the leaders of *every* workplace of an area (an area is a
  name on its workplaces, not a record of its own). Sees that area's roll-up as well.

Roles are worked out on every request, so a leader removed from a workplace loses it at once,
even with a token that is still valid.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from functions.domain.models import SignedInPerson, SigninSettings, Workplace


@dataclass(frozen=True)
class Reach:
    """What one signed-in person reaches right now."""

    email: str
    admin: bool = False
    workplaces: tuple[str, ...] = ()  # ids of the workplaces they lead
    areas: tuple[str, ...] = ()  # areas where they lead every workplace

    @property
    def anything(self) -> bool:
        """True when the person is an administrator or leads at least one workplace."""
        return self.admin or bool(self.workplaces)

    def may_see_workplace(self, workplace_id: str) -> bool:
        """An administrator sees every workplace, a leader their own."""
        return self.admin or workplace_id in self.workplaces

    def may_see_area(self, area: str) -> bool:
        """An administrator sees every area, an area leader their own."""
        return self.admin or area in self.areas


def normalise_email(text: str) -> str:
    """The form we compare and store addresses in: trimmed, lower case."""
    return text.strip().lower()


def is_admin(
    person: SignedInPerson, settings: SigninSettings, configured: Iterable[str] = ()
) -> bool:
    """By address (configured or set in the console) or by a group claim."""
    email = normalise_email(person.email)
    if email in {normalise_email(a) for a in (*configured, *settings.admin_emails)}:
        return True
    return bool(set(person.groups) & set(settings.admin_groups))


def reach_of(
    person: SignedInPerson,
    workplaces: Iterable[Workplace],
    settings: SigninSettings,
    configured_admins: Iterable[str] = (),
) -> Reach:
    """The person's role and the workplaces and areas they lead."""
    email = normalise_email(person.email)
    led: list[str] = []
    by_area: dict[str, list[bool]] = defaultdict(list)
    for workplace in workplaces:
        leads = email in workplace.leaders
        if leads:
            led.append(workplace.id)
        if workplace.area:
            by_area[workplace.area].append(leads)
    areas = tuple(sorted(area for area, flags in by_area.items() if all(flags)))
    return Reach(
        email=email,
        admin=is_admin(person, settings, configured_admins),
        workplaces=tuple(led),
        areas=areas,
    )


def leads(person: SignedInPerson, workplace: Workplace | None) -> bool:
    """Whether the person is among the workplace's leaders (False for no workplace)."""
    return workplace is not None and normalise_email(person.email) in workplace.leaders
