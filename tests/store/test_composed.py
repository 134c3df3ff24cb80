"""How a Store is put together from one part per port: every method from exactly one part, and a
part that lacks a method of its port stops the store from being built at all."""

from __future__ import annotations

from collections import Counter

import pytest

from functions.domain import ports
from functions.domain.ports import PORTS, Store, methods_of
from functions.store.composed import compose
from functions.store.sqlite import SqliteStore
from functions.store.sqlite_audit import SqliteAudit


def test_no_method_belongs_to_two_ports():
    # Given every port's methods
    declared = Counter(name for port in PORTS for name in methods_of(port))
    # When they are counted across ports
    # Then each is declared once, so no part's method can shadow another's
    assert [name for name, times in declared.items() if times > 1] == []
    assert set(declared) == set(methods_of(Store))


def test_each_method_is_its_parts_own(tmp_path):
    # Given a SQLite store
    store = SqliteStore(str(tmp_path / "store.db"))
    try:
        # When its audit methods are looked at
        # Then they are bound to the audit part, on the store's one database
        part = store.append_audit.__self__
        assert isinstance(part, SqliteAudit)
        assert store.list_audit.__self__ is part
        assert part._db is store.db
    finally:
        store.close()


class HalfAudit:
    """An audit part that forgot list_audit."""

    def append_audit(self, entry) -> None:
        """Nothing kept."""


def test_a_part_missing_a_method_of_its_port_stops_the_build(tmp_path):
    # Given the parts of a SQLite store, one of which lacks a method of its port
    store = SqliteStore(str(tmp_path / "store.db"))
    try:
        parts = {port: getattr(store, methods_of(port)[0]).__self__ for port in PORTS}
        parts[ports.AuditLog] = HalfAudit()
        # When a store is composed of them
        # Then that fails at once, naming the method
        with pytest.raises(TypeError, match="AuditLog.list_audit"):
            compose(object.__new__(SqliteStore), parts)
        # and so does a store missing a whole port
        del parts[ports.AuditLog]
        with pytest.raises(TypeError, match="one part per port"):
            compose(object.__new__(SqliteStore), parts)
    finally:
        store.close()
