"""Cold start stays lean: importing a Lambda handler module costs at most 1.5x importing boto3 plus
the bare Powertools resolver.

Each is timed in fresh interpreters, interleaved so both see the same machine load, and the fastest
run of each counts: the minimum is the least disturbed by whatever else the machine is doing. Load
can only make the handler look slower, never faster, so a round over budget is measured again
(up to three rounds) before the test fails.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

BASELINE = (
    "import boto3; from aws_lambda_powertools.event_handler import APIGatewayHttpResolver; "
    "APIGatewayHttpResolver()"
)
RUNS = 5


def import_seconds(statement: str) -> float:
    """Wall time of `statement` in a fresh interpreter (the interpreter's own start excluded)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(run.stdout)


def fastest_pair(first: str, second: str) -> tuple[float, float]:
    """The fastest of RUNS interleaved timings of each statement."""
    pairs = [(import_seconds(first), import_seconds(second)) for _ in range(RUNS)]
    return min(p[0] for p in pairs), min(p[1] for p in pairs)


@pytest.mark.parametrize("function", ["device", "viewer", "admin"])
def test_handler_import_costs_at_most_one_and_a_half_times_the_baseline(function):
    for _round in range(3):
        baseline, handler = fastest_pair(BASELINE, f"import functions.api.{function}")
        if handler <= 1.5 * baseline:
            break
    assert handler <= 1.5 * baseline, (
        f"import functions.api.{function}: {handler * 1000:.0f} ms, "
        f"boto3 + bare resolver: {baseline * 1000:.0f} ms"
    )
