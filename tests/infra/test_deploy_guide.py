"""infra/README.md stays in step with the template and the CLI: every step is a command that
works as written, every output it reads exists, and its table of IAM actions is the template's."""

from __future__ import annotations

import re
import shlex

import pytest

from functions.cli import parser
from tests.infra.stack import ROOT, allowed_dynamodb_grants, cloudformation_template

README = (ROOT / "infra" / "README.md").read_text(encoding="utf-8")


def shell_lines() -> list[str]:
    """The lines of the README's sh blocks, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    return [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()]


@pytest.mark.parametrize(
    "step",
    [
        "sam build && sam deploy --guided",
        "tryghedspuls admin-token --table",
        "tryghedspuls build-web --api-url",
        'aws s3 sync build/web "s3://$BUCKET" --delete',
        "--content-type application/wasm",
        "--content-type text/javascript",
        "aws cloudfront create-invalidation",
        "/pairing-codes",
        "aws sesv2 create-email-identity --email-identity",
        "aws sesv2 put-account-details --production-access-enabled",
        "DigestSender=",
    ],
)
def test_guide_gives_a_command_for_each_step(step):
    assert any(step in line for line in shell_lines())


def test_tryghedspuls_commands_in_the_guide_parse():
    # Given each `tryghedspuls` command the guide shows
    commands = [shlex.split(line) for line in shell_lines() if line.startswith("tryghedspuls ")]
    assert len(commands) >= 2
    # When the CLI parses it / Then it is accepted as written
    for command in commands:
        parser().parse_args(command[1:])


def test_guide_reads_only_outputs_the_stack_has():
    read = set(re.findall(r"\$\(output (\w+)\)", README))
    assert read == {"ApiUrl", "PwaUrl", "TableName", "PwaBucketName", "PwaDistributionId"}
    assert read <= set(cloudformation_template()["Outputs"])


def test_guide_table_of_dynamodb_actions_is_the_templates():
    # Given the README's table "| device | GetItem, Query, ... | Query |" (table, then index)
    rows = re.findall(
        r"^\| (device|viewer|admin|digest) \| ([A-Za-z, ]+) \| ([A-Za-z, ]+) \|$",
        README,
        re.MULTILINE,
    )
    assert {group for group, _, _ in rows} == {"device", "viewer", "admin", "digest"}
    # Then each row lists exactly what that function's role allows on each resource
    for group, on_table, on_index in rows:
        allowed = allowed_dynamodb_grants(cloudformation_template(), f"{group.title()}Function")
        listed = {(f"dynamodb:{a.strip()}", "table") for a in on_table.split(",")} | {
            (f"dynamodb:{a.strip()}", "index/gsi1") for a in on_index.split(",") if a != "none"
        }
        assert listed == allowed, group
