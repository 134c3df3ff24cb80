"""`tryghedspuls pairing-sheet --data-dir DIR --base-url URL --out FILE.pdf [--area AREA]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from functions.commands.embedded_admin import call_admin, error_lines


def add_parser(sub) -> None:
    """Register the command."""
    cmd = sub.add_parser(
        "pairing-sheet", help="a PDF with a QR code per workplace that pairs its tablet"
    )
    cmd.add_argument("--data-dir", default=".tryghedspuls", help="the embedded data folder")
    cmd.add_argument(
        "--base-url",
        required=True,
        help="where tablets open the kiosk: http://host:8550 (serve) or https://host/# (PWA)",
    )
    cmd.add_argument("--out", required=True, help="the PDF file to write")
    cmd.add_argument("--area", default=None, help="only the workplaces of this area")
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Make new codes (valid 14 days, single use) and write the sheets."""
    body = {"base_url": args.base_url, "area": args.area}
    answer = call_admin(Path(args.data_dir), "POST", "/v1/pairing-sheets", body)
    if answer.status != 200:
        print("\n".join(error_lines(answer)), file=sys.stderr)
        return 1
    Path(args.out).write_bytes(answer.body)
    print(f"Wrote {args.out}: one page per workplace; each code pairs one tablet within 14 days.")
    return 0
