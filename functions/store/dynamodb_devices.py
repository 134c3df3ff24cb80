"""Tablets on DynamoDB: pairing codes, paired devices, their heartbeats and revocation.

A device's token is a token item (store/dynamodb_tokens.py reads it); pairing puts it and
revoking the device revokes it, each in the device's own transaction.
"""

from __future__ import annotations

import time
from dataclasses import replace

from functions.domain.errors import Conflict, NotFound, PairingCodeInvalid
from functions.domain.models import Device, PairingCode, TokenRecord
from functions.store import keys
from functions.store.dynamodb_items import (
    device_from,
    device_item,
    flag,
    n,
    pairing_code_from,
    pairing_code_item,
    s,
    token_item,
)
from functions.store.dynamodb_table import Table, TransactionCancelled, raising_on_failed_condition

_NEW = "attribute_not_exists(pk)"
_EXISTS = "attribute_exists(pk)"
_CODE_STILL_VALID = (
    "attribute_exists(pk) AND used = :false AND expires_at > :now AND workplace_id = :workplace"
)


class DynamoDevices:
    """Pairing codes and devices (the DeviceStore part of DynamoStore)."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def put_pairing_code(self, code: PairingCode) -> None:
        """A conditional PutItem: a code still valid (by the wall clock) is never overwritten."""
        with raising_on_failed_condition(Conflict("This pairing code is in use.")):
            self._table.put(
                pairing_code_item(code),
                "attribute_not_exists(pk) OR expires_at <= :now",
                {":now": n(int(time.time()))},
            )

    def get_pairing_code(self, code: str) -> PairingCode | None:
        """One GetItem. An expired code TTL has not removed yet comes back as it is: its
        `expires_at` tells, and pair_device refuses it."""
        item = self._table.get(keys.pairing_code(code))
        return pairing_code_from(item) if item else None

    def pair_device(self, code: str, now: int, device: Device, token: TokenRecord) -> None:
        """One transaction: use the code (on its condition), add the device, add its token."""
        use_code = self._table.update_action(
            keys.pairing_code(code),
            "SET used = :true",
            {
                ":true": flag(True),
                ":false": flag(False),
                ":now": n(now),
                ":workplace": s(device.workplace_id),
            },
            condition=_CODE_STILL_VALID,
        )
        try:
            self._table.transact(
                [
                    use_code,
                    self._table.put_action(device_item(device), _NEW),
                    self._table.put_action(token_item(token), _NEW),
                ]
            )
        except TransactionCancelled as cancelled:
            if cancelled.failed(0):
                raise PairingCodeInvalid(
                    "The pairing code is unknown, used or expired."
                ) from cancelled
            if cancelled.failed(1) or cancelled.failed(2):
                raise Conflict("This device or token exists already.") from cancelled
            raise

    def get_device(self, device_id: str) -> Device | None:
        """One consistent GetItem."""
        item = self._table.get(keys.device(device_id))
        return device_from(item) if item else None

    def list_devices(self, workplace_id: str) -> list[Device]:
        """One gsi1 Query of the workplace's devices, sorted by name."""
        items = self._table.query(keys.devices_of(workplace_id), on_index=True)
        return sorted(map(device_from, items), key=lambda d: (d.name.casefold(), d.id))

    def record_heartbeat(
        self,
        device_id: str,
        last_seen: int,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None:
        """A conditional UpdateItem (no stray item for an unknown device: NotFound). What the
        kiosk did not report is removed, so an old figure never passes for a fresh one."""
        sets = ["last_seen = :seen", "app_version = :version", "queue_depth = :depth"]
        values = {":seen": n(last_seen), ":version": s(app_version), ":depth": n(queue_depth)}
        removes = []
        for name, value in (("dropped", dropped), ("clock_offset_seconds", clock_offset_seconds)):
            if value is None:
                removes.append(name)
            else:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = n(value)
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        with raising_on_failed_condition(NotFound(f"No device with id {device_id!r}.")):
            self._table.update(keys.device(device_id), expression, values, condition=_EXISTS)

    def revoke_device(self, device_id: str) -> Device:
        """GetItem the device, then one transaction revoking it and its token."""
        device = self.get_device(device_id)
        if device is None:
            raise NotFound(f"No device with id {device_id!r}.")
        revoke = "SET revoked = :true"
        try:
            self._table.transact(
                [
                    self._table.update_action(
                        keys.device(device_id), revoke, {":true": flag(True)}, condition=_EXISTS
                    ),
                    self._table.update_action(
                        keys.token(device.token_hash),
                        revoke,
                        {":true": flag(True)},
                        condition=_EXISTS,
                    ),
                ]
            )
        except TransactionCancelled as cancelled:
            if cancelled.failed(0) or cancelled.failed(1):
                raise NotFound(f"No device with id {device_id!r}.") from cancelled
            raise
        return replace(device, revoked=True)
