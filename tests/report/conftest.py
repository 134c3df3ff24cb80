"""Fixtures of the digest and PDF tests: the organisation on SQLite, a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from functions.store.sqlite import SqliteStore
from tests.report.organisation import build_organisation
from tests.report.smtp_server import SmtpServer, smtp_server


@pytest.fixture
def store(tmp_path) -> Iterator[SqliteStore]:
    """The organisation of tests/report/organisation.py in a fresh SQLite file."""
    store = build_organisation(str(tmp_path / "tryghedspuls.db"))
    yield store
    store.close()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server that accepts everything until a test tells it otherwise."""
    with smtp_server() as server:
        yield server
