"""The sentence-prompt library and its rotation: which prompt each workplace sees in which week."""

from __future__ import annotations

from dataclasses import replace

from functions.domain.credentials import new_id
from functions.domain.errors import InvalidInput, NotFound
from functions.domain.models import Pin, Prompt
from functions.domain.moderation import clean_text
from functions.domain.ports import Store
from functions.domain.rotation import schedule
from functions.domain.weeks import shift_week


def _clean_text(text: str, field: str) -> str:
    cleaned = clean_text(text)
    if not 1 <= len(cleaned) <= 200:
        raise InvalidInput(f"{field} must be 1-200 characters.")
    return cleaned


def require_prompt(store: Store, prompt_id: str) -> Prompt:
    """The prompt, or NotFound."""
    prompt = store.get_prompt(prompt_id)
    if prompt is None:
        raise NotFound(f"No prompt with id {prompt_id!r}.")
    return prompt


def create_prompt(store: Store, da: str, en: str) -> Prompt:
    """Add an active prompt at the end of the rotation."""
    prompt = Prompt(id=new_id()[:12], da=_clean_text(da, "da"), en=_clean_text(en, "en"))
    store.put_prompt(prompt)
    store.set_rotation([*store.get_rotation(), prompt.id])
    return prompt


def edit_prompt(
    store: Store, prompt_id: str, da: str | None, en: str | None, active: bool | None
) -> Prompt:
    """Change a prompt's texts, or (de)activate it; deactivating takes it out of the rotation."""
    prompt = require_prompt(store, prompt_id)
    if da is not None:
        prompt = replace(prompt, da=_clean_text(da, "da"))
    if en is not None:
        prompt = replace(prompt, en=_clean_text(en, "en"))
    if active is not None:
        prompt = replace(prompt, active=active)
    store.put_prompt(prompt)
    order = store.get_rotation()
    if not prompt.active and prompt.id in order:
        store.set_rotation([pid for pid in order if pid != prompt.id])
    elif prompt.active and prompt.id not in order:
        store.set_rotation([*order, prompt.id])
    return prompt


def set_order(store: Store, order: list[str]) -> list[str]:
    """Replace the rotation order: active prompts only, each once, at least one."""
    active = {p.id for p in store.list_prompts() if p.active}
    if not order or len(set(order)) != len(order) or not set(order) <= active:
        raise InvalidInput("order must list active prompt ids, each once, at least one.")
    store.set_rotation(order)
    return order


def pin_prompt(store: Store, week: str, prompt_id: str, workplace_id: str | None) -> Pin:
    """Show this prompt in this week, for every workplace or for one."""
    if not require_prompt(store, prompt_id).active:
        raise InvalidInput("Only an active prompt can be pinned.")
    pin = Pin(week=week, prompt_id=prompt_id, workplace_id=workplace_id)
    store.put_pin(pin)
    return pin


def weekly_schedule(
    store: Store, first_week: str, count: int, workplace_id: str | None
) -> list[tuple[str, Prompt | None, str | None]]:
    """The prompt of each of `count` weeks from first_week, with how it was chosen."""
    pins = store.list_pins(first_week, shift_week(first_week, count - 1))
    prompts = {p.id: p for p in store.list_prompts()}
    return [
        (week, prompts.get(pid) if pid else None, pinned)
        for week, pid, pinned in schedule(
            first_week, count, store.get_rotation(), pins, workplace_id
        )
    ]


def prompt_of_week(store: Store, week: str, workplace_id: str | None) -> Prompt | None:
    """The prompt a workplace sees in a week."""
    return weekly_schedule(store, week, 1, workplace_id)[0][1]
