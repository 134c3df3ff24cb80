"""Cold start stays lean: importing a Lambda handler module costs at most 1.5x importing boto3 plus
the bare Powertools resolver (each measured as the median of fresh interpreter processes)."""

from __future__ import annotations

import statistics
import subprocess
import sys

import pytest

BASELINE = (
    "import boto3; from aws_lambda_powertools.event_handler import APIGatewayHttpResolver; "
    "APIGatewayHttpResolver()"
)
RUNS = 7


def import_seconds(statement: str) -> float:
    """Median wall time of `statement` alone in fresh interpreters, minus the interpreter start."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(RUNS)
    ]
    return statistics.median(times)


@pytest.mark.parametrize("function", ["device", "viewer", "admin"])
def test_handler_import_costs_at_most_one_and_a_half_times_the_baseline(function):
    baseline = import_seconds(BASELINE)
    handler = import_seconds(f"import functions.api.{function}")
    assert handler <= 1.5 * baseline, (
        f"import functions.api.{function}: {handler * 1000:.0f} ms, "
        f"boto3 + bare resolver: {baseline * 1000:.0f} ms"
    )
