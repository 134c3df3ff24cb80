"""infra/README.md stays in step with the template and the CLI: every step is a command that
works as written, every output it reads exists, and its table of IAM actions is the template's."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest

from functions.cli import parser
from tests.infra.stack import (
    ROOT,
    allowed_dynamodb_grants,
    cloudformation_template,
    sam_template,
)

README = (ROOT / "infra" / "README.md").read_text(encoding="utf-8")


def shell_lines() -> list[str]:
    """The lines of the README's sh blocks, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    return [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()]


@pytest.mark.parametrize(
    "step",
    [
        "sam build",
        'sam deploy --region "$REGION" --stack-name "$STACK"',
        "tryghedspuls admin-token --table",
        "tryghedspuls build-web --api-url",
        'aws s3 sync build/web "s3://$BUCKET" --delete',
        "--content-type application/wasm",
        "--content-type text/javascript",
        "aws cloudfront create-invalidation",
        "/pairing-codes",
    ],
)
def test_guide_gives_a_command_for_each_step(step):
    assert any(step in line for line in shell_lines())


def test_tryghedspuls_commands_in_the_guide_parse():
    # Given each `tryghedspuls` command the guide shows
    # (an environment assignment before the command is the shell's, not the CLI's)
    lines = [re.sub(r"^(\w+=\S+ )+", "", line) for line in shell_lines()]
    commands = [shlex.split(line) for line in lines if line.startswith("tryghedspuls ")]
    assert len(commands) >= 2
    # When the CLI parses it / Then it is accepted as written
    for command in commands:
        parser().parse_args(command[1:])


def test_guide_reads_only_outputs_the_stack_has():
    read = set(re.findall(r"\$\(output (\w+)\)", README))
    assert read == {
        "ApiUrl",
        "PwaUrl",
        "TableName",
        "PwaBucketName",
        "PwaDistributionId",
        "AlarmTopicArn",
    }
    assert read <= set(cloudformation_template()["Outputs"])


def test_guide_table_of_dynamodb_actions_is_the_templates():
    # Given the README's table "| device | GetItem, Query, ... | Query |" (table, then index)
    rows = re.findall(
        r"^\| (device|viewer|admin) \| ([A-Za-z, ]+) \| ([A-Za-z, ]+) \|$", README, re.MULTILINE
    )
    assert {group for group, _, _ in rows} == {"device", "viewer", "admin"}
    # Then each row lists exactly what that function's role allows on each resource
    for group, on_table, on_index in rows:
        allowed = allowed_dynamodb_grants(cloudformation_template(), f"{group.title()}Function")
        listed = {(f"dynamodb:{a.strip()}", "table") for a in on_table.split(",")} | {
            (f"dynamodb:{a.strip()}", "index/gsi1") for a in on_index.split(",") if a != "none"
        }
        assert listed == allowed, group


def aws_commands() -> list[str]:
    """Every aws and sam command the guide gives, in code blocks or inline."""
    inline = re.findall(r"`((?:aws|sam) [^`]+)`", README)
    return [line for line in shell_lines() if line.startswith(("aws ", "sam "))] + inline


def test_every_aws_command_of_the_guide_names_the_region():
    # Given every command that talks to AWS (not the local ones: build, validate, configure)
    local = ("sam build", "sam validate", "aws configure")
    commands = [c for c in aws_commands() if not c.startswith(local)]
    assert len(commands) >= 8
    # Then none relies on the operator's default region
    assert [c for c in commands if '--region "$REGION"' not in c] == []
    assert 'AWS_REGION="$REGION" tryghedspuls admin-token' in README


def test_guide_deploys_without_questions_and_passes_every_required_parameter():
    # Given the guide's deploy command and the template's parameters without a default
    [deploy] = [c for c in shell_lines() if c.startswith("sam deploy")]
    required = {name for name, p in sam_template()["Parameters"].items() if "Default" not in p}
    # Then it asks nothing (no --guided, whose authorization prompt stops at "N") and passes them
    assert [c for c in aws_commands() if "--guided" in c] == []
    assert required == {"AlarmEmail"}
    assert all(f"{name}=" in deploy for name in required)
    assert "--capabilities CAPABILITY_IAM" in deploy


def test_tracked_samconfig_keeps_no_operator_answers():
    # Given the samconfig.toml in git
    config = tomllib.loads((ROOT / "infra" / "samconfig.toml").read_text(encoding="utf-8"))
    # Then it holds build settings only: no stack, region, bucket or parameter values
    assert set(config) <= {"version", "default"}
    assert set(config.get("default", {})) <= {"build"}


def test_stack_can_only_be_created_in_an_eu_region():
    # Given the template's rule on the region
    [assertion] = sam_template()["Rules"]["DeployOnlyInAnEuRegion"]["Assertions"]
    allowed, region = assertion["Assert"]["Fn::Contains"]
    # Then it checks the stack's region against member states' regions only (not London, Zurich)
    assert region == {"Ref": "AWS::Region"}
    assert set(allowed) == {
        "eu-north-1",
        "eu-central-1",
        "eu-west-1",
        "eu-west-3",
        "eu-south-1",
        "eu-south-2",
    }


def test_guide_has_a_gdpr_section_naming_controller_and_processor():
    section = README.split("## GDPR", 1)[1]
    assert "data controller" in section and "processor" in section
    assert "leaders' work e-mail addresses" in section
