"""What a paired tablet remembers in its own storage: its pairing, and the last week config seen.

Kept apart from the outbox keys so unpairing can forget the pairing while answers still wait.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from app.client.storage import KeyValueStore

PAIRING_KEY = "tp.device.pairing"
CONFIG_KEY = "tp.device.kiosk"
CONTENT_KEY = "tp.device.content"
START_KEYS = (PAIRING_KEY, CONTENT_KEY, CONFIG_KEY)  # what the kiosk's first screen is drawn from
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pairing:
    """The tablet's link to one workplace: where the API is and the device token it holds."""

    api_url: str
    device_id: str
    device_token: str
    workplace_id: str
    workplace_name: str


async def _read_json(store: KeyValueStore, key: str) -> dict | None:
    raw = await store.get(key)
    try:
        value = json.loads(raw) if raw else None
    except ValueError:
        log.warning("device: unreadable %s, ignoring it", key)
        return None
    return value if isinstance(value, dict) else None


async def load_pairing(store: KeyValueStore) -> Pairing | None:
    """The stored pairing, or None when the tablet is not paired."""
    data = await _read_json(store, PAIRING_KEY)
    try:
        return Pairing(**data) if data else None
    except TypeError:
        return None


async def save_pairing(store: KeyValueStore, pairing: Pairing) -> None:
    """Remember the pairing (survives reloads and restarts)."""
    await store.set(PAIRING_KEY, json.dumps(asdict(pairing)))


async def forget_pairing(store: KeyValueStore) -> None:
    """Forget the pairing and what it cached; the outbox is the caller's decision."""
    for key in (PAIRING_KEY, CONFIG_KEY, CONTENT_KEY):
        await store.remove(key)


async def load_cached(store: KeyValueStore, key: str) -> dict | None:
    """The last configuration or content document seen (for when the API can't be reached)."""
    return await _read_json(store, key)


async def save_cached(store: KeyValueStore, key: str, value: dict) -> None:
    """Cache a configuration or content document."""
    await store.set(key, json.dumps(value, ensure_ascii=False))
