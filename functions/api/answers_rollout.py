"""The answers of the admin routes for a rollout: the organisation import and the fleet of
tablets (admin_rollout.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from functions.api.answers_common import Answer, WorkplaceBrief


class CreatedWorkplace(WorkplaceBrief):
    """A workplace the import creates."""

    leaders: list[str]


class Change(Answer):
    """One field before and after the import."""

    from_: str | list[str] | None = Field(validation_alias="before", serialization_alias="from")
    to: str | list[str] | None = Field(validation_alias="after")


class UpdatedWorkplace(WorkplaceBrief):
    """A workplace the import changes, with only the fields that change."""

    changes: dict[Literal["name", "area", "leaders"], Change]


class ImportAnswer(Answer):
    """POST /v1/workplaces/import: what was (or, in a dry run, would be) done."""

    dry_run: bool
    created: list[CreatedWorkplace]
    updated: list[UpdatedWorkplace]
    unchanged: int
    missing: list[WorkplaceBrief]
    languages: int  # leaders whose e-mail language the file changes


class TabletRow(Answer):
    """A tablet, or a workplace without one (device fields null), and why it needs a look."""

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


class FleetAnswer(Answer):
    """GET /v1/devices: every unrevoked tablet, those needing attention first."""

    tablets: list[TabletRow]
    needing_attention: int
