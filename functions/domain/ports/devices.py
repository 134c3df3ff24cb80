"""The port for the tablets: the pairing codes they pair with, and the devices they become."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import Device, PairingCode, TokenRecord


class DeviceStore(Protocol):
    """Pairing codes and paired devices (a device's token is made and revoked with it)."""

    def put_pairing_code(self, code: PairingCode) -> None:
        """Store a fresh pairing code; Conflict if the code exists and is still unexpired."""

    def get_pairing_code(self, code: str) -> PairingCode | None:
        """The pairing code record, or None (used to find its workplace before pairing)."""

    def pair_device(self, code: str, now: int, device: Device, token: TokenRecord) -> None:
        """Atomically: use the code (PairingCodeInvalid if unknown, used, expired or for another
        workplace than device.workplace_id), create the device and its token."""

    def get_device(self, device_id: str) -> Device | None:
        """One device, revoked or not, or None."""

    def list_devices(self, workplace_id: str) -> list[Device]:
        """The devices of a workplace, revoked ones included, ordered by name."""

    def record_heartbeat(
        self,
        device_id: str,
        last_seen: int,
        app_version: str,
        queue_depth: int,
        dropped: int | None = None,
        clock_offset_seconds: int | None = None,
    ) -> None:
        """Note that a device is alive, its app version, how many answers wait on it, how many the
        server refused since pairing and how far its clock is off (None: not reported, stored so);
        NotFound for an unknown device."""

    def revoke_device(self, device_id: str) -> Device:
        """Revoke a device and its token at once; NotFound if there is none. Returns the record."""
