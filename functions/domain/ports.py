"""The one storage port. Adapters (store/sqlite.py, store/dynamodb.py) implement it; the domain and
the API depend only on this. Methods speak the domain's language, never SQL or DynamoDB."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import (
    AuditEntry,
    CheckinToRecord,
    Completion,
    CompletionStatus,
    CompletionToRecord,
    Device,
    DigestRecord,
    PairingCode,
    Pin,
    Prompt,
    Settings,
    SigninSettings,
    TokenRecord,
    WeekAggregate,
    Workplace,
)


class Store(Protocol):
    """Everything Tryghedspuls keeps. Every method is one short, bounded unit of work."""

    # --- settings -------------------------------------------------------------------------------
    def get_settings(self, default: Settings) -> Settings:
        """The stored settings, or `default` when none were saved yet."""

    def put_settings(self, settings: Settings) -> None:
        """Replace the settings."""

    def get_signin_settings(self) -> SigninSettings:
        """Who is an administrator when signing in, and whether viewer links work (defaults if
        never saved)."""

    def put_signin_settings(self, settings: SigninSettings) -> None:
        """Replace the sign-in settings."""

    # --- workplaces -----------------------------------------------------------------------------
    def create_workplace(self, workplace: Workplace) -> None:
        """Add a workplace; Conflict if the id exists."""

    def get_workplace(self, workplace_id: str) -> Workplace | None:
        """One workplace, or None."""

    def list_workplaces(self) -> list[Workplace]:
        """All workplaces, ordered by name."""

    def update_workplace(self, workplace: Workplace) -> None:
        """Replace name, area and kiosk setting of an existing workplace; NotFound if missing."""

    # --- tokens ---------------------------------------------------------------------------------
    def put_token(self, token: TokenRecord) -> None:
        """Store a new token record (admin or viewer; device tokens come with pair_device)."""

    def find_token(self, token_hash: str) -> TokenRecord | None:
        """The token with this hash, revoked or not, or None."""

    def list_viewer_tokens(self, workplace_id: str) -> list[TokenRecord]:
        """The viewer tokens made for a workplace, revoked ones included."""

    def revoke_viewer_token(self, token_id: str) -> TokenRecord:
        """Revoke a viewer token by its id; NotFound if there is none. Returns the record."""

    def admin_epoch(self) -> int:
        """The current admin epoch (0 before the first rotation): admin and sign-in tokens of
        any other epoch are revoked."""

    def rotate_admin_tokens(self, token: TokenRecord) -> None:
        """At once: raise the admin epoch to token.epoch and store `token`, revoking every admin
        and sign-in token of earlier epochs. Conflict if the epoch is not token.epoch - 1 (a
        rotation happened meanwhile)."""

    def use_sign_in(self, token_hash: str, now: int) -> TokenRecord | None:
        """Atomically revoke the unrevoked, unexpired sign-in token with this hash and return it;
        None when there is no such token (unknown, used or expired)."""

    # --- pairing and devices --------------------------------------------------------------------
    def put_pairing_code(self, code: PairingCode) -> None:
        """Store a fresh pairing code; Conflict if the code exists and is still unexpired."""

    def pair_device(self, code: str, now: int, device: Device, token: TokenRecord) -> None:
        """Atomically: use the code (PairingCodeInvalid if unknown, used, expired or for another
        workplace than device.workplace_id), create the device and its token."""

    def get_pairing_code(self, code: str) -> PairingCode | None:
        """The pairing code record, or None (used to find its workplace before pairing)."""

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

    # --- check-ins and aggregates ---------------------------------------------------------------
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

    # --- sentence completions -------------------------------------------------------------------
    def record_completions(
        self, workplace_id: str, completions: list[CompletionToRecord]
    ) -> list[bool]:
        """Store each completion once (idempotent on event_id, like record_checkins)."""

    def list_completions(
        self, workplace_id: str, week: str, statuses: tuple[CompletionStatus, ...]
    ) -> list[Completion]:
        """A workplace's completions of one week with one of the given statuses."""

    def list_held_completions(self) -> list[Completion]:
        """Every completion waiting for review, across workplaces."""

    def get_completion(self, completion_id: str) -> Completion | None:
        """One completion, or None."""

    def set_completion_status(self, completion_id: str, status: CompletionStatus) -> Completion:
        """Approve (visible) or hide a completion; NotFound if missing. Returns the new record."""

    # --- prompts and rotation -------------------------------------------------------------------
    def list_prompts(self) -> list[Prompt]:
        """Every prompt, active or not, in creation order."""

    def get_prompt(self, prompt_id: str) -> Prompt | None:
        """One prompt, or None."""

    def put_prompt(self, prompt: Prompt) -> None:
        """Create or replace a prompt."""

    def get_rotation(self) -> list[str]:
        """The ordered prompt ids of the rotation."""

    def set_rotation(self, prompt_ids: list[str]) -> None:
        """Replace the rotation order."""

    def list_pins(self, first_week: str, last_week: str) -> list[Pin]:
        """Pins for weeks first_week..last_week (inclusive), for all workplaces and single ones."""

    def put_pin(self, pin: Pin) -> None:
        """Pin a prompt to a week (replacing a pin with the same week and workplace)."""

    def delete_pin(self, week: str, workplace_id: str | None) -> None:
        """Remove a pin; no error if there is none."""

    # --- audit and attempt limiting -------------------------------------------------------------
    def append_audit(self, entry: AuditEntry) -> None:
        """Add one entry to the audit log."""

    def list_audit(self, limit: int) -> list[AuditEntry]:
        """The newest `limit` audit entries, newest first."""

    def count_attempt(self, bucket: str, window: int, expires_at: int) -> int:
        """Add one to the counter of `bucket` in time window `window`; return the new count."""

    def get_attempts(self, bucket: str, window: int) -> int:
        """The counter of `bucket` in `window`, without adding to it."""

    # --- Monday digests ------------------------------------------------------------------------
    def claim_digest(self, week: str, scope: str, recipient_hash: str, now: int) -> bool:
        """Atomically claim one digest before sending it: True when it was never claimed, or
        failed and its retry_at has come (attempts + 1); False when it was sent, is being sent, or
        waits for its retry. Two senders never both get True."""

    def finish_digest(self, record: DigestRecord) -> None:
        """Record how a claimed digest went (status "sent" or "failed", with retry_at and error)."""

    def list_digests(self, week: str) -> list[DigestRecord]:
        """Every digest record of a week (for retries and for the console's report)."""

    # --- digest languages (by the SHA-256 of an address, never the address) --------------------
    def put_language(self, address_hash: str, language: str) -> None:
        """Keep the language ("da" or "en") of the person whose address has this hash."""

    def list_languages(self) -> dict[str, str]:
        """Every kept language: address hash -> "da" or "en" (one bounded read for the digest)."""

    def delete_languages(self, address_hashes: list[str]) -> None:
        """Forget the languages of these hashes (none kept for one is no error)."""

    # --- lifecycle ------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True when nothing was ever stored (the embedded server seeds content then)."""
