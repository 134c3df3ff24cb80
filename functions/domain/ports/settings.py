"""The port for the organisation's settings: the pulse's own, and who may sign in as what."""

from __future__ import annotations

from typing import Protocol

from functions.domain.models import Settings, SigninSettings


class SettingsStore(Protocol):
    """One record of settings and one of sign-in settings, each replaced whole."""

    def get_settings(self, default: Settings) -> Settings:
        """The stored settings, or `default` when none were saved yet."""

    def put_settings(self, settings: Settings) -> None:
        """Replace the settings."""

    def get_signin_settings(self) -> SigninSettings:
        """Who is an administrator when signing in, and whether viewer links work (defaults if
        never saved)."""

    def put_signin_settings(self, settings: SigninSettings) -> None:
        """Replace the sign-in settings."""
