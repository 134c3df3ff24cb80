"""The template is valid before and after the SAM transform, as cfn-lint sees it.

cfn-lint misses some function properties on a SAM template (a bad runtime or architecture), so the
transformed CloudFormation is linted too, in the regions we would deploy to.
"""

from __future__ import annotations

import json

import pytest
from cfnlint.api import ManualArgs, lint

from tests.infra.stack import TEMPLATE, cloudformation_template, resources_of_type

REGIONS = ["eu-north-1", "eu-central-1", "eu-west-1"]
# Informational checks included: e.g. I3011 wants every stateful resource to say what happens to
# its data when the stack goes, which we want said.
LINT = ManualArgs(regions=REGIONS, include_checks=["I"])


def findings(text: str) -> list[str]:
    """cfn-lint's findings on a template's text, one line each."""
    return [f"{m.rule.id} {m.path_string}: {m.message}" for m in lint(text, config=LINT)]


def test_sam_template_has_no_lint_findings():
    # Given the template as written / When cfn-lint checks it / Then it finds nothing
    assert findings(TEMPLATE.read_text(encoding="utf-8")) == []


def test_sam_transform_succeeds_offline():
    # Given the SAM template / When aws-sam-translator transforms it with no AWS account
    template = cloudformation_template()
    # Then plain CloudFormation comes out: no serverless resources, and the roles SAM generates
    assert "Transform" not in template
    assert not [r for r in template["Resources"].values() if "Serverless" in r["Type"]]
    assert set(resources_of_type(template, "AWS::IAM::Role")) == {
        "DeviceFunctionRole",
        "ViewerFunctionRole",
        "AdminFunctionRole",
        "DigestFunctionRole",
        "DigestFunctionMondayRole",  # EventBridge Scheduler's, to invoke the digest function
        "DigestFunctionRetryRole",
    }


@pytest.mark.timeout(60)
def test_transformed_cloudformation_has_no_lint_findings():
    # Given the transformed template / When cfn-lint checks it / Then it finds nothing
    assert findings(json.dumps(cloudformation_template())) == []
