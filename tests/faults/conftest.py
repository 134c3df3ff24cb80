"""One real `tryghedspuls serve` for the fault tests; each test makes its own workplaces."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.bench.figures import bench_figures
from tests.serving import Server, running_server

__all__ = ["bench_figures"]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """`tryghedspuls serve` on a free port and a temporary data folder."""
    with running_server(tmp_path_factory.mktemp("faults") / "data") as running:
        yield running
