"""Tablets on SQLite: pairing codes, paired devices, their heartbeats and revocation.

A device's token lives in the tokens table (store/sqlite_tokens.py); pairing adds it and revoking
the device revokes it, each in the device's own transaction.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace

from functions.domain.errors import Conflict, NotFound, PairingCodeInvalid
from functions.domain.models import Device, PairingCode, TokenRecord
from functions.store.sqlite_database import Database, raising_on_duplicate
from functions.store.sqlite_tokens import INSERT_TOKENS, token_row

_DEVICE = (
    "SELECT id, workplace_id, name, token_hash, paired_on, last_seen, app_version, queue_depth, "
    "revoked, dropped, clock_offset_seconds FROM devices"
)


def _device(row: sqlite3.Row) -> Device:
    return Device(
        id=row["id"],
        workplace_id=row["workplace_id"],
        name=row["name"],
        token_hash=row["token_hash"],
        paired_on=row["paired_on"],
        last_seen=row["last_seen"],
        app_version=row["app_version"],
        queue_depth=row["queue_depth"],
        revoked=bool(row["revoked"]),
        dropped=row["dropped"],
        clock_offset_seconds=row["clock_offset_seconds"],
    )


class SqliteDevices:
    """Pairing codes and devices (the DeviceStore part of SqliteStore)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put_pairing_code(self, code: PairingCode) -> None:
        """Store a code; Conflict if the same code is stored and still valid (by the clock)."""
        with self._db.transaction() as db:
            replaced = db.execute(
                "INSERT INTO pairing_codes (code, workplace_id, expires_at, used) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
                "workplace_id = excluded.workplace_id, expires_at = excluded.expires_at, "
                "used = excluded.used WHERE pairing_codes.expires_at <= ?",
                (code.code, code.workplace_id, code.expires_at, int(code.used), int(time.time())),
            )
            if replaced.rowcount == 0:
                raise Conflict("This pairing code is in use.")

    def get_pairing_code(self, code: str) -> PairingCode | None:
        """The code as stored, expired or not (its expires_at tells), or None."""
        rows = self._db.read(
            "SELECT code, workplace_id, expires_at, used FROM pairing_codes WHERE code = ?", (code,)
        )
        if not rows:
            return None
        row = rows[0]
        return PairingCode(
            code=row["code"],
            workplace_id=row["workplace_id"],
            expires_at=row["expires_at"],
            used=bool(row["used"]),
        )

    def pair_device(self, code: str, now: int, device: Device, token: TokenRecord) -> None:
        """One transaction: use the code, add the device, add its token."""
        with self._db.transaction() as db:
            used = db.execute(
                "UPDATE pairing_codes SET used = 1 WHERE code = ? AND used = 0 "
                "AND expires_at > ? AND workplace_id = ?",
                (code, now, device.workplace_id),
            )
            if used.rowcount != 1:
                raise PairingCodeInvalid("The pairing code is unknown, used or expired.")
            with raising_on_duplicate(Conflict("This device or token exists already.")):
                db.execute(
                    "INSERT INTO devices (id, workplace_id, name, token_hash, paired_on, "
                    "last_seen, app_version, queue_depth, revoked, dropped, clock_offset_seconds) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        device.id,
                        device.workplace_id,
                        device.name,
                        device.token_hash,
                        device.paired_on,
                        device.last_seen,
                        device.app_version,
                        device.queue_depth,
                        int(device.revoked),
                        device.dropped,
                        device.clock_offset_seconds,
                    ),
                )
                db.execute(INSERT_TOKENS, token_row(token))

    def get_device(self, device_id: str) -> Device | None:
        """One device, or None."""
        rows = self._db.read(f"{_DEVICE} WHERE id = ?", (device_id,))
        return _device(rows[0]) if rows else None

    def list_devices(self, workplace_id: str) -> list[Device]:
        """A workplace's devices, sorted by name."""
        rows = self._db.read(f"{_DEVICE} WHERE workplace_id = ?", (workplace_id,))
        return sorted(map(_device, rows), key=lambda d: (d.name.casefold(), d.id))

    def record_heartbeat(
        self,
        device_id: str,
        last_seen: int,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None:
        """Note a device's sign of life; NotFound for an unknown device."""
        with self._db.transaction() as db:
            changed = db.execute(
                "UPDATE devices SET last_seen = ?, app_version = ?, queue_depth = ?, dropped = ?, "
                "clock_offset_seconds = ? WHERE id = ?",
                (last_seen, app_version, queue_depth, dropped, clock_offset_seconds, device_id),
            )
            if changed.rowcount == 0:
                raise NotFound(f"No device with id {device_id!r}.")

    def revoke_device(self, device_id: str) -> Device:
        """Revoke a device and its token in one transaction; NotFound if missing."""
        with self._db.transaction() as db:
            rows = db.execute(f"{_DEVICE} WHERE id = ?", (device_id,)).fetchall()
            if not rows:
                raise NotFound(f"No device with id {device_id!r}.")
            device = _device(rows[0])
            db.execute("UPDATE devices SET revoked = 1 WHERE id = ?", (device_id,))
            db.execute("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", (device.token_hash,))
        return replace(device, revoked=True)
