"""The answers of a rollout: the organisation import and the fleet of tablets, as TypedDicts
(checked against the OpenAPI document like those in types.py)."""

from __future__ import annotations

from typing import Literal, TypedDict

from app.client.types import WorkplaceBrief

# "from" is a Python keyword, so this one is spelt the functional way.
Change = TypedDict("Change", {"from": "str | list[str] | None", "to": "str | list[str] | None"})


class CreatedWorkplace(WorkplaceBrief):
    """A workplace an import creates."""

    leaders: list[str]


class UpdatedWorkplace(WorkplaceBrief):
    """A workplace an import changes: only the fields that change (name, area, leaders)."""

    changes: dict[str, Change]


class ImportResult(TypedDict):
    """POST /v1/workplaces/import."""

    dry_run: bool
    created: list[CreatedWorkplace]
    updated: list[UpdatedWorkplace]
    unchanged: int
    missing: list[WorkplaceBrief]
    languages: int  # leaders whose e-mail language the file changes


class TabletRow(TypedDict):
    """A tablet, or a workplace without one (device fields None), and why it needs a look."""

    workplace_id: str
    workplace_name: str
    area: str | None
    device_id: str | None
    device_name: str | None
    last_seen: str | None
    app_version: str | None
    queue_depth: int | None
    dropped: int | None
    clock_offset_seconds: int | None
    attention: list[Literal["no_tablet", "never_seen", "silent", "dropping", "clock"]]


class Fleet(TypedDict):
    """GET /v1/devices."""

    tablets: list[TabletRow]
    needing_attention: int
