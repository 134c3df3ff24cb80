"""The Monday digest on AWS: EventBridge Scheduler invokes the digest function at 07:00 on a
Copenhagen clock (the scheduler follows summer time itself), retries in the daytime, and may do
nothing else; with no sender configured the schedules are off."""

from __future__ import annotations

import json

from tests.infra.stack import cloudformation_template, resources_of_type

DIGEST = {"Fn::GetAtt": ["DigestFunction", "Arn"]}


def schedules() -> dict[str, dict]:
    return {
        name: r["Properties"]
        for name, r in resources_of_type(
            cloudformation_template(), "AWS::Scheduler::Schedule"
        ).items()
    }


def test_the_digest_goes_out_at_seven_on_mondays_copenhagen_time():
    monday = schedules()["DigestFunctionMonday"]
    assert monday["ScheduleExpression"] == "cron(0 7 ? * MON *)"
    assert monday["ScheduleExpressionTimezone"] == "Europe/Copenhagen"
    assert monday["FlexibleTimeWindow"] == {"Mode": "OFF"}
    assert monday["Target"]["Arn"] == DIGEST
    assert json.loads(monday["Target"]["Input"]) == {"run": "monday"}


def test_failed_sends_are_retried_hourly_in_the_daytime():
    retry = schedules()["DigestFunctionRetry"]
    assert retry["ScheduleExpression"] == "cron(30 8-20 ? * * *)"
    assert retry["ScheduleExpressionTimezone"] == "Europe/Copenhagen"
    assert retry["Target"]["Arn"] == DIGEST


def test_schedules_are_off_without_a_sender_and_named_per_stack():
    for schedule in schedules().values():
        assert schedule["State"] == {"Fn::If": ["HasDigestSender", "ENABLED", "DISABLED"]}
        assert schedule["Name"]["Fn::Sub"].startswith("${AWS::StackName}-digest-")


def test_the_scheduler_may_only_invoke_the_digest_function():
    template = cloudformation_template()
    for schedule in schedules().values():
        role = template["Resources"][schedule["Target"]["RoleArn"]["Fn::GetAtt"][0]]["Properties"]
        principals = [s["Principal"] for s in role["AssumeRolePolicyDocument"]["Statement"]]
        assert principals == [{"Service": ["scheduler.amazonaws.com"]}]
        statements = [s for p in role["Policies"] for s in p["PolicyDocument"]["Statement"]]
        assert statements == [
            {"Action": "lambda:InvokeFunction", "Effect": "Allow", "Resource": DIGEST}
        ]
        assert "ManagedPolicyArns" not in role
