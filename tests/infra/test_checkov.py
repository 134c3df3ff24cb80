"""checkov, the policy scanner an IT department runs, finds nothing the template does not justify.

Each skip sits in the template beside the resource it concerns (Metadata: checkov: skip), with the
reason, so a reviewer reads the exception where the resource is written.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.infra.stack import ROOT, TEMPLATE, cloudformation_template, sam_template

CHECKOV = ROOT / ".venv" / "tools" / "checkov" / "bin" / "checkov"


def scan(*paths: Path) -> dict:
    """checkov's JSON report on CloudFormation or SAM templates (one run: it starts slowly)."""
    if not CHECKOV.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHECKOV} is missing: `make test` installs it")
        pytest.skip(f"{CHECKOV} is missing: `make test` installs it")
    run = subprocess.run(
        [
            str(CHECKOV),
            *(arg for path in paths for arg in ("-f", str(path))),
            "--framework",
            "cloudformation",
            "--skip-download",
            "--compact",
            "-o",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    report = json.loads(run.stdout)
    return report if isinstance(report, dict) else report[0]


@pytest.mark.timeout(300)
def test_checkov_finds_nothing_unjustified_before_and_after_the_sam_transform(tmp_path):
    # Given the template as written and as CloudFormation receives it
    transformed = tmp_path / "cloudformation.json"
    transformed.write_text(json.dumps(cloudformation_template()), encoding="utf-8")
    # When checkov scans both
    report = scan(TEMPLATE, transformed)
    # Then no check fails, and both were checked (a parse failure passes nothing)
    failed = [
        f"{c['file_path']} {c['check_id']} {c['resource']}"
        for c in report["results"]["failed_checks"]
    ]
    assert failed == []
    assert report["summary"]["parsing_errors"] == 0
    checked = {c["file_path"] for c in report["results"]["passed_checks"]}
    assert {Path(p).name for p in checked} == {TEMPLATE.name, transformed.name}


def test_every_checkov_skip_says_why():
    # Given every skip written into the template
    skips = [
        (name, skip)
        for name, resource in sam_template()["Resources"].items()
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", [])
    ]
    # Then each names a check and gives a reason a reviewer can weigh
    assert skips
    for name, skip in skips:
        assert skip["id"].startswith("CKV_"), name
        assert len(skip.get("comment", "")) >= 40, (name, skip["id"])
