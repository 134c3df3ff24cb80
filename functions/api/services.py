"""What every route needs (store, content, clock, defaults), built once per process.

Routes receive it with `Depends(get_services)`; tests and the embedded server hand in their own
with `use_services`, so nothing is patched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from functions.config import Config, load_config
from functions.content import load_content, load_name_list
from functions.domain.anonymity import validate_threshold
from functions.domain.models import Settings
from functions.domain.name_list import NameList
from functions.domain.ports import Store

if TYPE_CHECKING:
    from functions.api.signin import Signin


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """The collaborators of a request."""

    store: Store
    content: dict  # the content document (functions.content)
    defaults: Settings = field(default_factory=Settings)
    clock: Callable[[], datetime] = _utc_now
    names: NameList = field(default_factory=load_name_list)  # what moderation takes for names
    signin: Signin | None = None  # the OpenID provider, when one is configured (issue 15)

    def now(self) -> datetime:
        """The current time, from the injected clock."""
        return self.clock()

    def settings(self) -> Settings:
        """The organisation's settings, or the configured defaults."""
        return self.store.get_settings(self.defaults)


def services_from(config: Config) -> Services:
    """Services for a process configured by `config`."""
    from functions.api.signin import signin_from
    from functions.wiring import build_store

    return Services(
        store=build_store(config),
        content=load_content(config.content_dir).as_document(),
        names=load_name_list(config.content_dir),
        defaults=Settings(anonymity_threshold=validate_threshold(config.anonymity_threshold)),
        signin=signin_from(config),
    )


_current: Services | None = None


def use_services(services: Services | None) -> None:
    """Replace the process's services (the embedded server and tests); None rebuilds from config."""
    global _current
    _current = services


def get_services() -> Services:
    """The process's services, built from the environment on first use (a Lambda cold start)."""
    global _current
    if _current is None:
        _current = services_from(load_config())
    return _current
