"""The port for check-ins and the week aggregates they add up to (running and released)."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import CheckinToRecord, WeekAggregate


class CheckinStore(Protocol):
    """Counts check-ins into week aggregates, and keeps what viewers were last shown of a week."""

    def record_checkins(self, workplace_id: str, checkins: list[CheckinToRecord]) -> list[bool]:
        """Count each check-in exactly once: per item, atomically write its idempotency marker and
        add it to the week's aggregate. Returns, per item, True if counted now, False if its event
        id was counted before (a duplicate). A failure part-way leaves every item either fully
        counted or not at all."""

    def week_aggregates(
        self, workplace_id: str, weeks: list[str], released: bool = False
    ) -> dict[str, WeekAggregate]:
        """Aggregates for the given weeks of one workplace; weeks with no check-ins are absent.
        One bounded read, whatever the number of check-ins. `released`: the figures as last
        released to viewers (see release_aggregate) instead of the running count."""

    def organisation_aggregates(
        self, weeks: list[str], released: bool = False
    ) -> dict[str, dict[str, WeekAggregate]]:
        """For each given week, the aggregate of every workplace that has one: week -> wp -> agg.
        `released` as in week_aggregates."""

    def release_aggregate(self, workplace_id: str, aggregate: WeekAggregate) -> None:
        """Make `aggregate` the week's released figures, unless the released ones already hold
        as many answers or more (a late, concurrent release never goes backwards)."""
