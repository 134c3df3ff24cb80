"""The bench prints every figure the slow tests measured, side by side, at the end of the run."""

from __future__ import annotations

from tests.bench.figures import ARTIFACT, bench_figures, write_report

__all__ = ["bench_figures"]


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the figures and say where they were written."""
    table = write_report()
    if table:
        terminalreporter.write_sep("=", "Figures")
        terminalreporter.write_line(table)
        terminalreporter.write_line(f"(written to {ARTIFACT})")
