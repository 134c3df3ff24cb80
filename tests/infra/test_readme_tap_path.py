"""The README's "Follow a tap through the code" names files that exist: a newcomer who follows it
must never land on a module that was renamed or split away."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def tap_path() -> str:
    start = README.index("### Follow a tap through the code")
    return README[start : README.index("\n## ", start)]


def test_every_file_on_the_tap_path_exists():
    named = re.findall(r"`([\w/]+\.py|[\w/]+/)`", tap_path())
    assert len(named) >= 8, named  # the path names its files, from button to store
    known = {path.name for folder in ("app", "functions") for path in (ROOT / folder).rglob("*.py")}
    missing = [
        name for name in named if not ((ROOT / name).exists() if "/" in name else name in known)
    ]
    assert missing == [], f"README names files that are not there: {missing}"


def test_the_tap_path_runs_from_the_button_to_the_store():
    steps = re.findall(r"^\d\. `([\w/.]+)`", tap_path(), flags=re.MULTILINE)
    assert [step.split("/")[0] for step in steps] == ["app"] * 3 + ["functions"] * 3
