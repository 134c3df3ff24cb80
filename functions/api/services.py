"""What every route needs (store, content, clock, defaults), built once per process.

Routes receive it with `Depends(get_services)`. The composition root (functions/wiring.py) makes
them: `serve`, the commands and tests hand theirs in with `use_services`; a Lambda function names
how to build them (`build_services_with`) and they are built on its first request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from functions.api.signin import Signin
from functions.content import load_name_list
from functions.domain.models import Settings
from functions.domain.name_list import NameList
from functions.domain.ports import Store


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


_current: Services | None = None
_build: Callable[[], Services] | None = None


def use_services(services: Services | None) -> None:
    """Replace the process's services (serve, the commands and tests); None: build them again on
    first use."""
    global _current
    _current = services


def build_services_with(build: Callable[[], Services]) -> None:
    """How the services are made on first use when none were handed in (a Lambda cold start)."""
    global _build
    _build = build


def get_services() -> Services:
    """The process's services, built on first use when none were handed in."""
    global _current
    if _current is None:
        if _build is None:
            raise RuntimeError("no services: the entry point builds them (functions/wiring.py)")
        _current = _build()
    return _current
