"""The storage ports, one small Protocol per aggregate, and `Store`, which is all of them.

Adapters (store/sqlite.py, store/dynamodb.py) build a Store from one part per port; the domain
and the API depend only on these. A function that needs one aggregate takes its port (audit.py
takes an AuditLog); one that needs several takes the Store. Methods speak the domain's language,
never SQL or DynamoDB, and each is one short, bounded unit of work.

A new method goes on its port, into that port's part in both adapters (store/sqlite_*.py,
store/dynamodb_*.py) and, with the DynamoDB actions it uses, into store/dynamodb.py's ACTIONS;
the contract suite (tests/store) then runs it on both. A new aggregate is a new port here, added
to Store's bases, with a part in each adapter's constructor.
"""

from __future__ import annotations

from typing import Protocol

from functions.domain.ports.audit import AuditLog
from functions.domain.ports.checkins import CheckinStore
from functions.domain.ports.completions import CompletionStore
from functions.domain.ports.devices import DeviceStore
from functions.domain.ports.digests import DigestLog
from functions.domain.ports.languages import LanguageStore
from functions.domain.ports.prompts import PromptStore
from functions.domain.ports.settings import SettingsStore
from functions.domain.ports.tokens import TokenStore
from functions.domain.ports.workplaces import WorkplaceStore

__all__ = [
    "PORTS",
    "AuditLog",
    "CheckinStore",
    "CompletionStore",
    "DeviceStore",
    "DigestLog",
    "LanguageStore",
    "PromptStore",
    "SettingsStore",
    "Store",
    "TokenStore",
    "WorkplaceStore",
    "methods_of",
]


class Store(
    SettingsStore,
    WorkplaceStore,
    DeviceStore,
    TokenStore,
    CheckinStore,
    CompletionStore,
    PromptStore,
    AuditLog,
    DigestLog,
    LanguageStore,
    Protocol,
):
    """Everything Tryghedspuls keeps: every port at once, for the places that need several."""


# Every port, each an aggregate of its own: an adapter gives one part for each.
PORTS: tuple[type, ...] = tuple(port for port in Store.__bases__ if port is not Protocol)


def methods_of(port: type) -> tuple[str, ...]:
    """The public methods a port declares, its base ports' included (of Store: every one)."""
    names = [
        name
        for klass in reversed(port.__mro__)
        if klass is not object
        for name, value in vars(klass).items()
        if callable(value) and not name.startswith("_")
    ]
    return tuple(dict.fromkeys(names))
