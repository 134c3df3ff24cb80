"""What an operator sets and reads: parameters for the stage and the threshold, outputs for the
API, the PWA, its bucket and the table."""

from __future__ import annotations

from functions.domain.anonymity import MAX_THRESHOLD, MIN_THRESHOLD
from tests.infra.stack import cloudformation_template, sam_template


def test_stage_name_is_a_parameter_of_the_api():
    template = cloudformation_template()
    assert "StageName" in template["Parameters"]
    stage = template["Resources"]["HttpApiStage"]["Properties"]
    assert stage["StageName"] == {"Ref": "StageName"}


def test_threshold_parameter_defaults_to_five_and_allows_only_what_the_domain_accepts():
    # Given the threshold parameter
    parameter = sam_template()["Parameters"]["AnonymityThreshold"]
    # Then its default is 5, and its range is the domain's: nothing deploys that would fail later
    assert parameter["Default"] == 5
    assert (parameter["MinValue"], parameter["MaxValue"]) == (MIN_THRESHOLD, MAX_THRESHOLD)


def test_outputs_give_the_api_url_pwa_url_bucket_and_table():
    outputs = sam_template()["Outputs"]
    assert outputs["PwaUrl"]["Value"] == {
        "Fn::If": [
            "HasOwnDomain",
            {"Fn::Sub": ["https://${Domain}", {"Domain": {"Ref": "DomainName"}}]},
            {"Fn::Sub": "https://${PwaDistribution.DomainName}"},
        ]
    }
    assert outputs["PwaBucketName"]["Value"] == {"Ref": "PwaBucket"}
    assert outputs["PwaDistributionId"]["Value"] == {"Ref": "PwaDistribution"}
    assert outputs["TableName"]["Value"] == {"Ref": "Table"}


def test_api_url_ends_with_the_stage_unless_it_is_the_default_stage():
    # Given the ApiUrl output
    condition, default_stage, named_stage = sam_template()["Outputs"]["ApiUrl"]["Value"]["Fn::If"]
    # Then it is the execute-api address, with /<stage> for a named stage
    assert condition == "IsDefaultStage"
    base = "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
    assert default_stage == {"Fn::Sub": base}
    assert named_stage == {"Fn::Sub": base + "/${StageName}"}
