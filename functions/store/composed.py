"""A Store composed of parts: one adapter object per port (functions/domain/ports), all sharing
the one storage object the adapter opened (a SQLite Database, a DynamoDB Table).

The Store's methods are the parts' own bound methods, set on the store once when it is built, so
a call costs what it cost on the part, and a part that lacks a method of its port fails at start
rather than at its first call.
"""

from __future__ import annotations

from collections.abc import Mapping

from functions.domain.ports import PORTS, methods_of


def compose(store: object, parts: Mapping[type, object]) -> None:
    """Give `store` every method of each port, taken from the part given for that port."""
    missing, extra = set(PORTS) - set(parts), set(parts) - set(PORTS)
    if missing or extra:
        raise TypeError(f"a Store needs one part per port: missing {missing}, unknown {extra}")
    for port, part in parts.items():
        for name in methods_of(port):
            method = getattr(part, name, None)
            if not callable(method):
                raise TypeError(f"{type(part).__name__} lacks {port.__name__}.{name}")
            setattr(store, name, method)
