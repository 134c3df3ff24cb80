"""The organisation's workplaces on DynamoDB: one partition (keys.WORKPLACES_PK), one item each."""

from __future__ import annotations

from functions.domain.errors import Conflict, NotFound
from functions.domain.models import Workplace
from functions.store import keys
from functions.store.dynamodb_items import workplace_from, workplace_item
from functions.store.dynamodb_table import Table, raising_on_failed_condition


class DynamoWorkplaces:
    """Workplaces (the WorkplaceStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def create_workplace(self, workplace: Workplace) -> None:
        """A PutItem on condition that the id is new."""
        with raising_on_failed_condition(Conflict(f"Workplace {workplace.id!r} exists.")):
            self._table.put(workplace_item(workplace), "attribute_not_exists(pk)")

    def get_workplace(self, workplace_id: str) -> Workplace | None:
        """One GetItem."""
        item = self._table.get(keys.workplace(workplace_id))
        return workplace_from(item) if item else None

    def list_workplaces(self) -> list[Workplace]:
        """One Query of the organisation's partition, sorted by name."""
        items = self._table.query(keys.WORKPLACES_PK, prefix=keys.WORKPLACE_PREFIX)
        return sorted(map(workplace_from, items), key=lambda w: (w.name.casefold(), w.id))

    def update_workplace(self, workplace: Workplace) -> None:
        """A PutItem on condition that the workplace exists."""
        with raising_on_failed_condition(NotFound(f"No workplace with id {workplace.id!r}.")):
            self._table.put(workplace_item(workplace), "attribute_exists(pk)")
