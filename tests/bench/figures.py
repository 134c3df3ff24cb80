"""Figures the slow tests measure, gathered into one table at the end of `make bench`.

Any slow test can ask for the `bench_figures` fixture and add a line; the bench's conftest prints
them side by side with the machine they came from and writes them to
test-artifacts/bench/figures.md, from where they are copied into the README's *Figures*.
"""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "bench" / "figures.md"


@dataclass
class Figures:
    """Lines of (section, what, figure), in the order they were measured."""

    lines: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, section: str, what: str, figure: str) -> None:
        """Record one figure."""
        self.lines.append((section, what, figure))

    def table(self) -> str:
        """The figures as a Markdown table, grouped by section, with the machine."""
        rows = ["| | what | figure |", "|---|---|---|"]
        for section in dict.fromkeys(s for s, _, _ in self.lines):
            lines = [line for line in self.lines if line[0] == section]
            for n, (_, what, figure) in enumerate(lines):
                rows.append(f"| {section if n == 0 else ''} | {what} | {figure} |")
        return f"{machine()}\n\n" + "\n".join(rows)


FIGURES = Figures()


def machine() -> str:
    """Which machine, when, and how busy it was (others' tests share it)."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
        f"load average {load} at the end (the machine was shared)."
    )


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def spread_ms(seconds: list[float]) -> str:
    """p50 and p99 of durations, in milliseconds."""
    return (
        f"p50 {statistics.median(seconds) * 1000:.1f} ms, "
        f"p99 {percentile(seconds, 0.99) * 1000:.1f} ms"
    )


@pytest.fixture
def bench_figures() -> Figures:
    """The run's figures, to add to."""
    return FIGURES


def write_report() -> str | None:
    """Write the table to test-artifacts/bench/figures.md; the table, or None if empty."""
    if not FIGURES.lines:
        return None
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    table = FIGURES.table()
    ARTIFACT.write_text(table + "\n")
    return table
