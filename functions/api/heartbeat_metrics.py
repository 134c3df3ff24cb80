"""Heartbeat metrics for CloudWatch (Powertools Metrics, as embedded metric format log lines).

On AWS the device function's Lambda entry flushes them after each call (resolvers.lambda_entry),
and infra/template.yaml alarms on them: fewer heartbeats than the fleet sends means tablets fell
silent. Deliberately no dimension per tablet or workplace: each distinct dimension is a custom
metric billed every month (infra/README.md, cost model), and the console's Tablets overview names
the silent ones. Embedded (`serve`) publishes nothing: no one would read it.
"""

from __future__ import annotations

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.metrics import MetricUnit

from functions.config import load_config

NAMESPACE = "Tryghedspuls"
_metrics = Metrics(namespace=NAMESPACE)  # shares its metric set with lambda_entry's instance


def publish_heartbeat(dropped: int | None) -> None:
    """Count one heartbeat, and the refused items a tablet reports.

    Two metrics only: each is $3.60 a year. Waiting answers and clock errors are in the console's
    Tablets overview, which also names the tablet; a metric could not, at any sane price.
    """
    if load_config().store != "dynamodb":
        return
    _metrics.add_metric(name="Heartbeats", unit=MetricUnit.Count, value=1)
    if dropped:
        _metrics.add_metric(name="DroppedTaps", unit=MetricUnit.Count, value=dropped)
