"""Filling an empty store with the seed's prompts, so a new installation works at once."""

from __future__ import annotations

from functions.domain.models import Prompt
from functions.domain.ports import PromptStore


def seed_prompts(store: PromptStore, prompts: list[dict]) -> int:
    """Add the content's prompts and their rotation if the store has no prompts; return how many."""
    if store.list_prompts():
        return 0
    for item in prompts:
        store.put_prompt(Prompt(id=item["id"], da=item["da"], en=item["en"]))
    store.set_rotation([item["id"] for item in prompts])
    return len(prompts)
