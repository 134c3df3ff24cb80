"""The port for sentence completions: stored once as kiosks send them, then reviewed."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import Completion, CompletionStatus, CompletionToRecord


class CompletionStore(Protocol):
    """Sentence completions by workplace and week, and the queue of those held for review."""

    def record_completions(
        self, workplace_id: str, completions: list[CompletionToRecord]
    ) -> list[bool]:
        """Store each completion once (idempotent on event_id, like record_checkins)."""

    def list_completions(
        self, workplace_id: str, week: str, statuses: tuple[CompletionStatus, ...]
    ) -> list[Completion]:
        """A workplace's completions of one week with one of the given statuses."""

    def list_held_completions(self) -> list[Completion]:
        """Every completion waiting for review, across workplaces."""

    def get_completion(self, completion_id: str) -> Completion | None:
        """One completion, or None."""

    def set_completion_status(self, completion_id: str, status: CompletionStatus) -> Completion:
        """Approve (visible) or hide a completion; NotFound if missing. Returns the new record."""
