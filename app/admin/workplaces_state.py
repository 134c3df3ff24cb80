"""Workplaces: create, rename, group by area; pairing codes, viewer links and tablets of one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import flet as ft

from app.admin.console import Console, failed
from app.pulse.access import viewer_link


def leaders_of(text: str) -> list[str]:
    """The addresses typed into one field, separated by commas, semicolons or spaces."""
    return [part for part in re.split(r"[\s,;]+", text) if part]


@ft.observable
@dataclass
class WorkplacesState:
    """All workplaces, and the details of the one selected."""

    console: Console
    items: list[dict] = field(default_factory=list)
    selected_id: str | None = None
    devices: list[dict] = field(default_factory=list)
    viewer_tokens: list[dict] = field(default_factory=list)
    pairing_code: dict | None = None  # {code, expires_at} of the selected workplace
    new_link: str | None = None  # shown once, right after it is made

    async def load(self) -> None:
        """Fetch the workplaces (and the selected one's details)."""
        items = await self.console.attempt(self.console.api.workplaces())
        if failed(items):
            return
        self.items = items
        if self.selected_id and self.selected() is None:
            self.selected_id = None
        if self.selected_id:
            await self._load_details()

    def selected(self) -> dict | None:
        """The selected workplace."""
        return next((w for w in self.items if w["id"] == self.selected_id), None)

    def ids(self) -> set[str]:
        """The ids of all workplaces."""
        return {w["id"] for w in self.items}

    def name_of(self, workplace_id: str | None) -> str:
        """A workplace's name (its id when unknown)."""
        found = next((w for w in self.items if w["id"] == workplace_id), None)
        return found["name"] if found else (workplace_id or "")

    def areas(self) -> list[str]:
        """The areas in use, alphabetically."""
        return sorted({w["area"] for w in self.items if w.get("area")})

    def grouped(self) -> list[tuple[str | None, list[dict]]]:
        """Workplaces by area (no area last), each group by name."""
        groups: dict[str | None, list[dict]] = {}
        for workplace in sorted(self.items, key=lambda w: w["name"].lower()):
            groups.setdefault(workplace.get("area") or None, []).append(workplace)
        return sorted(groups.items(), key=lambda g: (g[0] is None, (g[0] or "").lower()))

    async def create(self, name: str, area: str) -> bool:
        """Create a workplace and select it."""
        name, area = name.strip(), area.strip()
        if not name:
            self.console.warn("admin.workplaces.name_missing")
            return False
        made = await self.console.attempt(
            self.console.api.create_workplace(name, area or None),
            "admin.workplaces.created",
            name=name,
        )
        if failed(made):
            return False
        await self.load()
        await self.select(made["id"])
        return True

    async def update(self, workplace_id: str, done: str, **changes: Any) -> bool:
        """Rename, move to another area, or switch the kiosk's last-week result."""
        changed = await self.console.attempt(
            self.console.api.update_workplace(workplace_id, **changes),
            done,
            name=changes.get("name") or self.name_of(workplace_id),
        )
        if failed(changed):
            return False
        self.items = [changed if w["id"] == workplace_id else w for w in self.items]
        return True

    async def rename(
        self, workplace_id: str, name: str, area: str, leaders: str | None = None
    ) -> bool:
        """New name and area (and leaders: addresses separated by commas or spaces)."""
        if not name.strip():
            self.console.warn("admin.workplaces.name_missing")
            return False
        changes: dict[str, Any] = {"name": name.strip(), "area": area.strip() or None}
        if leaders is not None:
            changes["leaders"] = leaders_of(leaders)
        return await self.update(workplace_id, "admin.workplaces.renamed", **changes)

    async def select(self, workplace_id: str) -> None:
        """Show one workplace's pairing, link and tablets."""
        if workplace_id != self.selected_id:
            self.pairing_code, self.new_link = None, None
        self.selected_id = workplace_id
        await self._load_details()

    async def _load_details(self) -> None:
        api, wid = self.console.api, self.selected_id or ""
        devices = await self.console.attempt(api.devices(wid))
        tokens = await self.console.attempt(api.viewer_tokens(wid))
        self.devices = [] if failed(devices) else devices
        self.viewer_tokens = [] if failed(tokens) else tokens

    async def make_pairing_code(self) -> None:
        """A fresh single-use code for pairing a tablet with the selected workplace."""
        code = await self.console.attempt(
            self.console.api.create_pairing_code(self.selected_id or ""), "admin.pairing.made"
        )
        if not failed(code):
            self.pairing_code = code

    async def make_viewer_link(self, origin: str) -> None:
        """A new viewer link for the selected workplace (its token is shown only now)."""
        made = await self.console.attempt(
            self.console.api.create_viewer_token(self.selected_id or ""), "admin.link.made"
        )
        if failed(made):
            return
        self.new_link = viewer_link(origin, made["token"], self.selected_id or "")
        await self._load_details()

    async def revoke_viewer_token(self, token_id: str) -> None:
        """Stop a viewer link from working."""
        if not failed(
            await self.console.attempt(
                self.console.api.revoke_viewer_token(token_id), "admin.link.revoked"
            )
        ):
            await self._load_details()

    async def revoke_device(self, device_id: str, name: str) -> None:
        """Unpair a tablet: it stops sending at once."""
        if not failed(
            await self.console.attempt(
                self.console.api.revoke_device(device_id), "admin.devices.revoked", name=name
            )
        ):
            await self._load_details()
