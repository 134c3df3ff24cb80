"""The port for the sentence prompts, the order they rotate in and the weeks they are pinned to."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import Pin, Prompt


class PromptStore(Protocol):
    """Prompts, the rotation order, and pins of a prompt to a week."""

    def list_prompts(self) -> list[Prompt]:
        """Every prompt, active or not, in creation order."""

    def get_prompt(self, prompt_id: str) -> Prompt | None:
        """One prompt, or None."""

    def put_prompt(self, prompt: Prompt) -> None:
        """Create or replace a prompt."""

    def get_rotation(self) -> list[str]:
        """The ordered prompt ids of the rotation."""

    def set_rotation(self, prompt_ids: list[str]) -> None:
        """Replace the rotation order."""

    def list_pins(self, first_week: str, last_week: str) -> list[Pin]:
        """Pins for weeks first_week..last_week (inclusive), for all workplaces and single ones."""

    def put_pin(self, pin: Pin) -> None:
        """Pin a prompt to a week (replacing a pin with the same week and workplace)."""

    def delete_pin(self, week: str, workplace_id: str | None) -> None:
        """Remove a pin; no error if there is none."""
