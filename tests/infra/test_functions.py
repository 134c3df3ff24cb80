"""Three Lambda functions, one per caller group: Python 3.12+ on arm64, configured by environment
the way functions/config.py reads it, with their logs kept for a set time and alarms on failure."""

from __future__ import annotations

import importlib

import pytest

from functions.config import config_from
from tests.infra.stack import (
    FUNCTIONS,
    cloudformation_template,
    handler_module,
    parameter_defaults,
    resources_of_type,
    sam_template,
)

STAND_IN = "resolved-by-cloudformation"


def environment(function: str) -> dict[str, str]:
    """A function's environment as deployed with default parameters (other intrinsics stand in)."""
    template = cloudformation_template()
    defaults = parameter_defaults(template)
    variables = template["Resources"][function]["Properties"]["Environment"]["Variables"]

    def resolve(value) -> str:
        if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in defaults:
            return defaults[value["Ref"]]
        return value if isinstance(value, str) else STAND_IN

    return {name: resolve(value) for name, value in variables.items()}


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_runs_python_3_12_or_later_on_arm64(function):
    props = cloudformation_template()["Resources"][function]["Properties"]
    language, version = props["Runtime"][:6], props["Runtime"][6:]
    assert language == "python"
    assert tuple(int(part) for part in version.split(".")) >= (3, 12)
    assert props["Architectures"] == ["arm64"]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_handler_is_a_lambda_handler_in_functions(function):
    # Given the handler the template names / When its module is imported
    module = importlib.import_module(handler_module(sam_template(), function))
    # Then it holds a callable lambda_handler
    assert callable(module.lambda_handler)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_configuration_reads_the_stack_table_and_threshold(function):
    # Given the function's environment with the stack's default parameters
    env = environment(function)
    # When functions/config.py reads it
    config = config_from(env)
    # Then the function uses DynamoDB on the stack's table with the threshold parameter
    assert config.store == "dynamodb"
    assert cloudformation_template()["Resources"][function]["Properties"]["Environment"][
        "Variables"
    ]["TRYGHEDSPULS_TABLE"] == {"Ref": "Table"}
    assert config.table_name == STAND_IN
    assert config.anonymity_threshold == 5
    assert config.tracing is False


def test_every_stack_setting_is_one_config_reads():
    # Given the names functions/config.py asks its environment for
    asked: set[str] = set()

    class Asking(dict):
        def get(self, key, default=None):
            asked.add(key)
            return super().get(key, default)

    config_from(Asking())
    # Then each TRYGHEDSPULS_ variable the template sets is one of them (no silent typo)
    for function in FUNCTIONS:
        ours = {name for name in environment(function) if name.startswith("TRYGHEDSPULS_")}
        assert ours <= asked, ours - asked


@pytest.mark.parametrize("function", FUNCTIONS)
def test_powertools_is_configured_by_environment(function):
    env = environment(function)
    assert env["POWERTOOLS_SERVICE_NAME"] == f"tryghedspuls-{function[: -len('Function')].lower()}"
    assert env["POWERTOOLS_METRICS_NAMESPACE"] == "Tryghedspuls"
    assert env["POWERTOOLS_LOG_LEVEL"] == "INFO"
    assert env["POWERTOOLS_LOGGER_LOG_EVENT"] == "false"  # events carry bearer tokens
    assert env["POWERTOOLS_TRACER_CAPTURE_RESPONSE"] == "false"  # answers carry new tokens


@pytest.mark.parametrize("function", FUNCTIONS)
def test_x_ray_rights_come_only_with_tracing(function):
    # Given the stack with tracing off (the default) and on
    for mode, traced in (("Disabled", False), ("Active", True)):
        resources = cloudformation_template({"Tracing": mode})["Resources"]
        # Then the function is traced, and its role may write to X-Ray, only when it is on
        config = resources[function]["Properties"].get("TracingConfig")
        assert (config is not None) is traced
        assert config in (None, {"Mode": "Active"}, {"Mode": {"Ref": "Tracing"}})
        policies = resources[f"{function}Role"]["Properties"]["ManagedPolicyArns"]
        assert any("AWSXrayWriteOnlyAccess" in str(p) for p in policies) is traced


@pytest.mark.parametrize("function", FUNCTIONS)
def test_function_logs_go_to_a_group_with_retention(function):
    # Given the function's logging configuration
    template = cloudformation_template()
    group = template["Resources"][function]["Properties"]["LoggingConfig"]["LogGroup"]
    # Then its log group is ours, kept for the stack's retention
    props = template["Resources"][group["Ref"]]["Properties"]
    assert props["RetentionInDays"] == {"Ref": "LogRetentionDays"}


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize("metric", ["Errors", "Throttles"])
def test_function_errors_and_throttles_raise_an_alarm(function, metric):
    # Given the stack's alarms
    alarms = resources_of_type(cloudformation_template(), "AWS::CloudWatch::Alarm").values()
    # Then one watches this function's metric from its first occurrence and notifies the topic
    [alarm] = [
        a["Properties"]
        for a in alarms
        if a["Properties"]["MetricName"] == metric
        and a["Properties"]["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": function}}]
    ]
    assert alarm["Namespace"] == "AWS/Lambda"
    assert alarm["Threshold"] == 1
    assert alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_silent_tablets_raise_an_alarm_even_when_no_heartbeat_arrives_at_all():
    # Given the alarm on the heartbeats the device function publishes
    template = cloudformation_template()
    alarm = template["Resources"]["TabletsSilentAlarm"]["Properties"]
    # Then it counts the device function's heartbeats per hour against the operator's minimum
    assert (alarm["Namespace"], alarm["MetricName"]) == ("Tryghedspuls", "Heartbeats")
    device = template["Resources"]["DeviceFunction"]["Properties"]["Environment"]["Variables"]
    assert alarm["Dimensions"] == [{"Name": "service", "Value": device["POWERTOOLS_SERVICE_NAME"]}]
    assert alarm["ComparisonOperator"] == "LessThanThreshold"
    assert alarm["Threshold"] == {"Ref": "MinHeartbeatsPerHour"}
    # And a fleet that sends nothing at all (no data) is an alarm, not silence
    assert alarm["TreatMissingData"] == "breaching"
    assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]
