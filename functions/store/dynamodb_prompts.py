"""Prompts, their rotation order and pins on DynamoDB (the PROMPTS and PINS partitions)."""

from __future__ import annotations

import time

from functions.domain.models import Pin, Prompt
from functions.store import keys
from functions.store.dynamodb_items import flag, key, n, pin_from, pin_item, prompt_from, s
from functions.store.dynamodb_table import Table


class DynamoPrompts:
    """Prompts, rotation and pins (the PromptStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def list_prompts(self) -> list[Prompt]:
        """One Query of the prompts' partition, in creation order (attribute `seq`)."""
        items = sorted(
            self._table.query(keys.PROMPTS_PK, prefix=keys.PROMPT_PREFIX),
            key=lambda item: (int(item["seq"]["N"]), item["id"]["S"]),
        )
        return [prompt_from(item) for item in items]

    def get_prompt(self, prompt_id: str) -> Prompt | None:
        """One GetItem."""
        item = self._table.get(keys.prompt(prompt_id))
        return prompt_from(item) if item else None

    def put_prompt(self, prompt: Prompt) -> None:
        """One UpdateItem; the first write stamps `seq`, which later ones keep."""
        self._table.update(
            keys.prompt(prompt.id),
            "SET id = :id, da = :da, en = :en, active = :active, seq = if_not_exists(seq, :seq)",
            {
                ":id": s(prompt.id),
                ":da": s(prompt.da),
                ":en": s(prompt.en),
                ":active": flag(prompt.active),
                # Prompts are made one at a time by an admin or a seed loop: the clock orders them.
                ":seq": n(time.time_ns()),
            },
        )

    def get_rotation(self) -> list[str]:
        """One GetItem."""
        item = self._table.get(keys.ROTATION)
        return [value["S"] for value in item["prompt_ids"]["L"]] if item else []

    def set_rotation(self, prompt_ids: list[str]) -> None:
        """One PutItem."""
        self._table.put(key(keys.ROTATION) | {"prompt_ids": {"L": [s(i) for i in prompt_ids]}})

    def list_pins(self, first_week: str, last_week: str) -> list[Pin]:
        """One Query over the weeks' range of the pins' partition."""
        items = self._table.query(keys.PINS_PK, between=keys.pin_range(first_week, last_week))
        return [pin_from(item) for item in items]

    def put_pin(self, pin: Pin) -> None:
        """One PutItem (replaces the pin of the same week and scope)."""
        self._table.put(pin_item(pin))

    def delete_pin(self, week: str, workplace_id: str | None) -> None:
        """One DeleteItem (admin only)."""
        self._table.delete(keys.pin(week, workplace_id))
