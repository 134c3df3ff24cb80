"""`tryghedspuls import-org --data-dir DIR FILE [--dry-run]`: the organisation from a CSV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from functions.commands.embedded_admin import call_admin, error_lines
from functions.domain.errors import FileRefused
from functions.domain.org_file import decode


def add_parser(sub) -> None:
    """Register the command."""
    cmd = sub.add_parser(
        "import-org",
        help="create and update workplaces, areas and leaders from område;arbejdsplads;ledere",
    )
    cmd.add_argument("--data-dir", default=".tryghedspuls", help="the embedded data folder")
    cmd.add_argument("--dry-run", action="store_true", help="only say what would change")
    cmd.add_argument("file", help="the CSV file (UTF-8, semicolons or commas)")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, or show what an import would change; exit 1 when the file is refused."""
    try:
        text = decode(Path(args.file).read_bytes())
    except FileRefused as refused:
        print(f"import-org: {refused.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"import-org: {error}", file=sys.stderr)
        return 2
    body = {"csv": text, "dry_run": args.dry_run}
    answer = call_admin(Path(args.data_dir), "POST", "/v1/workplaces/import", body)
    if answer.status != 200:
        print("\n".join(error_lines(answer)), file=sys.stderr)
        return 1
    print("\n".join(summary(answer.json())))
    return 0


def summary(plan: dict) -> list[str]:
    """The plan as lines: what was (or would be) created, updated, left alone and is missing."""
    verb = "would be" if plan["dry_run"] else "were"
    lines = [f"{len(plan['created'])} workplaces {verb} created:"]
    lines += [f"  + {w['name']} ({w['area'] or '-'})" for w in plan["created"]]
    lines.append(f"{len(plan['updated'])} {verb} updated:")
    for workplace in plan["updated"]:
        changes = ", ".join(
            f"{name}: {change['from']} -> {change['to']}"
            for name, change in workplace["changes"].items()
        )
        lines.append(f"  ~ {workplace['name']}: {changes}")
    lines.append(f"{plan['unchanged']} unchanged.")
    if plan.get("languages"):
        done = "would be set" if plan["dry_run"] else "was set"
        lines.append(f"E-mail language {done} for {plan['languages']} leader(s).")
    if plan["missing"]:
        lines.append(f"{len(plan['missing'])} not in the file (kept, not deleted):")
        lines += [f"  ? {w['name']} ({w['area'] or '-'}) id {w['id']}" for w in plan["missing"]]
    return lines
