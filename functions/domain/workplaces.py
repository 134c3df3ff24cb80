"""Workplaces: the teams that share a kiosk and a pulse."""

from __future__ import annotations

from dataclasses import replace

from functions.domain.credentials import new_id
from functions.domain.errors import InvalidInput
from functions.domain.leaders import clean_leaders
from functions.domain.models import Workplace
from functions.domain.moderation import clean_text
from functions.domain.pairing import require_workplace
from functions.domain.ports import Store

_UNSET = object()


def clean_name(text: str, field: str, max_length: int = 80) -> str:
    """A trimmed single-line name of 1..max_length characters, or InvalidInput."""
    name = clean_text(text)  # no control or bidi characters in what admins and viewers read
    if not 1 <= len(name) <= max_length:
        raise InvalidInput(f"{field} must be 1-{max_length} characters.")
    return name


def create_workplace(
    store: Store, name: str, area: str | None, leaders: list[str] | None = None
) -> Workplace:
    """Add a workplace with a random id."""
    workplace = Workplace(
        id=new_id()[:12],
        name=clean_name(name, "name"),
        area=clean_name(area, "area") if area and area.strip() else None,
        leaders=clean_leaders(leaders or ()),
    )
    store.create_workplace(workplace)
    return workplace


def update_workplace(
    store: Store,
    workplace_id: str,
    name: str | None = None,
    area: object = _UNSET,
    kiosk_shows_last_week: bool | None = None,
    leaders: list[str] | None = None,
) -> Workplace:
    """Rename, regroup (area; empty removes it), change the kiosk setting or the leaders."""
    workplace = require_workplace(store, workplace_id)
    if name is not None:
        workplace = replace(workplace, name=clean_name(name, "name"))
    if area is not _UNSET:
        text = str(area or "").strip()
        workplace = replace(workplace, area=clean_name(text, "area") if text else None)
    if kiosk_shows_last_week is not None:
        workplace = replace(workplace, kiosk_shows_last_week=kiosk_shows_last_week)
    if leaders is not None:
        workplace = replace(workplace, leaders=clean_leaders(leaders))
    store.update_workplace(workplace)
    return workplace
