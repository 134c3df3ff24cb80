"""What kiosks hand in, on DynamoDB: check-ins into week aggregates, sentence completions, review.

Each item is one TransactWriteItems: its marker (Put, attribute_not_exists) with its effect, so a
retried item fails on the marker and adds nothing, and a crash between items leaves each whole.
"""

from __future__ import annotations

from dataclasses import replace

from botocore.exceptions import ClientError

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import (
    CheckinToRecord,
    Completion,
    CompletionStatus,
    CompletionToRecord,
    WeekAggregate,
)
from functions.store import keys
from functions.store.dynamodb_items import (
    aggregate_from,
    aggregate_item,
    completion_from,
    completion_item,
    index,
    key,
    n,
    s,
)
from functions.store.dynamodb_table import Table, TransactionCancelled, error_code
from functions.store.item_checks import require_scores

_NEW = "attribute_not_exists(pk)"
_ADD_CHECKIN = (
    "ADD #count :one, #total :score, #score :one "
    "SET #workplace = :workplace, #week = :week, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk"
)


def record_once(table: Table, event_id: str, marker_expires_at: int, effects: list[dict]) -> bool:
    """Write the event's marker and its effects together; False if the marker existed."""
    # The marker holds its id and a day-precision expiry: nothing that links it to a score.
    marker = key(keys.marker(event_id)) | {"expires_at": n(marker_expires_at)}
    try:
        table.transact([table.put_action(marker, _NEW), *effects])
    except TransactionCancelled as cancelled:
        if cancelled.failed(0):
            return False
        if any(cancelled.failed(i) for i in range(1, len(effects) + 1)):
            raise Conflict(f"Event {event_id!r} collides with a stored record.") from cancelled
        raise
    return True


class DynamoCheckins:
    """Check-ins and week aggregates (the CheckinStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def record_checkins(self, workplace_id: str, checkins: list[CheckinToRecord]) -> list[bool]:
        """Count each check-in once; one transaction per item (marker + aggregate ADD)."""
        require_scores(checkins)
        return [self._record_checkin(workplace_id, checkin) for checkin in checkins]

    def _record_checkin(self, workplace_id: str, checkin: CheckinToRecord) -> bool:
        on_index = keys.aggregate_index(workplace_id, checkin.week)
        add = self._table.update_action(
            keys.aggregate(workplace_id, checkin.week),
            _ADD_CHECKIN,
            {
                ":one": n(1),
                ":score": n(checkin.score),
                ":workplace": s(workplace_id),
                ":week": s(checkin.week),
                ":gsi1pk": s(on_index.pk),
                ":gsi1sk": s(on_index.sk),
            },
            names={
                "#count": "count",
                "#total": "total",
                "#score": f"d{checkin.score}",
                "#workplace": "workplace_id",
                "#week": "week",
            },
        )
        return record_once(self._table, checkin.event_id, checkin.marker_expires_at, [add])

    def week_aggregates(
        self, workplace_id: str, weeks: list[str], released: bool = False
    ) -> dict[str, WeekAggregate]:
        """One Query over the weeks' range of the workplace's partition."""
        if not weeks:
            return {}
        first = keys.aggregate(workplace_id, min(weeks), released)
        last = keys.aggregate(workplace_id, max(weeks), released)
        items = self._table.query(first.pk, between=(first.sk, last.sk))
        wanted = set(weeks)
        return {a.week: a for a in map(aggregate_from, items) if a.week in wanted}

    def organisation_aggregates(
        self, weeks: list[str], released: bool = False
    ) -> dict[str, dict[str, WeekAggregate]]:
        """One gsi1 Query per week: every workplace's aggregate of that week."""
        by_week: dict[str, dict[str, WeekAggregate]] = {}
        for week in dict.fromkeys(weeks):
            items = self._table.query(keys.aggregates_of_week(week, released), on_index=True)
            found = {item["workplace_id"]["S"]: aggregate_from(item) for item in items}
            if found:
                by_week[week] = found
        return by_week

    def release_aggregate(self, workplace_id: str, aggregate: WeekAggregate) -> None:
        """Put the released figures, on condition that none with as many answers are there."""
        on_index = keys.aggregate_index(workplace_id, aggregate.week, released=True)
        item = (
            key(keys.aggregate(workplace_id, aggregate.week, released=True))
            | index(on_index)
            | aggregate_item(workplace_id, aggregate)
        )
        try:
            self._table.put(
                item,
                "attribute_not_exists(pk) OR #count < :count",
                {":count": n(aggregate.count)},
                names={"#count": "count"},
            )
        except ClientError as error:
            if error_code(error) != "ConditionalCheckFailedException":
                raise  # a concurrent release with more answers won: nothing to do


class DynamoCompletions:
    """Sentence completions and their review queue (the CompletionStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def record_completions(
        self, workplace_id: str, completions: list[CompletionToRecord]
    ) -> list[bool]:
        """Store each completion once; one transaction per item (marker + completion + review)."""
        return [self._record_completion(workplace_id, c) for c in completions]

    def _record_completion(self, workplace_id: str, new: CompletionToRecord) -> bool:
        record = Completion(
            id=new.completion_id,
            workplace_id=workplace_id,
            week=new.week,
            prompt_id=new.prompt_id,
            text=new.text,
            status=new.status,
        )
        on_index = keys.completion_index(workplace_id, new.week, record.id)
        stored = key(keys.completion(record.id)) | index(on_index) | completion_item(record)
        effects = [self._table.put_action(stored, _NEW)]
        if record.status is CompletionStatus.HELD:
            queued = key(keys.review(record.id)) | completion_item(record)
            effects.append(self._table.put_action(queued))
        return record_once(self._table, new.event_id, new.marker_expires_at, effects)

    def list_completions(
        self, workplace_id: str, week: str, statuses: tuple[CompletionStatus, ...]
    ) -> list[Completion]:
        """One gsi1 Query of the workplace's week, filtered by status."""
        items = self._table.query(keys.completions_of_week(workplace_id, week), on_index=True)
        return [c for c in map(completion_from, items) if c.status in statuses]

    def list_held_completions(self) -> list[Completion]:
        """One Query of the review queue."""
        items = self._table.query(keys.REVIEW_PK, prefix=keys.REVIEW_PREFIX)
        return [completion_from(item) for item in items]

    def get_completion(self, completion_id: str) -> Completion | None:
        """One completion by id."""
        item = self._table.get(keys.completion(completion_id))
        return completion_from(item) if item else None

    def set_completion_status(self, completion_id: str, status: CompletionStatus) -> Completion:
        """Change the status and the review queue together, in one transaction."""
        current = self.get_completion(completion_id)
        if current is None:
            raise NotFound(f"No completion with id {completion_id!r}.")
        updated = replace(current, status=status)
        change = self._table.update_action(
            keys.completion(completion_id),
            "SET #status = :status",
            {":status": s(status.value)},
            names={"#status": "status"},
            condition="attribute_exists(pk)",
        )
        review = keys.review(completion_id)
        queue = (
            self._table.put_action(key(review) | completion_item(updated))
            if status is CompletionStatus.HELD
            else self._table.delete_action(review)
        )
        try:
            self._table.transact([change, queue])
        except TransactionCancelled as cancelled:
            if cancelled.failed(0):
                raise NotFound(f"No completion with id {completion_id!r}.") from cancelled
            raise
        return updated
