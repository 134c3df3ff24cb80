"""Every fixed text exists in Danish and English, and every key the kiosk uses exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.i18n import number, pick, t

APP = Path(__file__).resolve().parents[2] / "app"


def locale(name: str) -> dict:
    return json.loads((APP / "locales" / name).read_text(encoding="utf-8"))


def test_danish_and_english_have_the_same_keys():
    for danish in (APP / "locales").glob("*da.json"):
        english = danish.name.removesuffix("da.json") + "en.json"
        assert set(locale(danish.name)) == set(locale(english)), danish.name


def test_every_key_the_kiosk_uses_exists():
    used: set[str] = set()
    for path in [
        *(APP / "kiosk").glob("*.py"),
        *(APP / "components").glob("*.py"),
        APP / "root.py",
    ]:
        used |= set(re.findall(r'(?:t|Notice)\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text()))
        used |= set(re.findall(r'"((?:setup|gate|kiosk|sync)\.[a-z_.]+)"', path.read_text()))
    missing = {key for key in used if t(key, "da") == key or t(key, "en") == key}
    assert not missing


def test_texts_fill_placeholders_and_fall_back_to_danish():
    assert t("kiosk.last_week", "da", mean="6,8", responses=14) == "Sidste uge: 6,8 — 14 svar"
    assert t("no.such.key", "en") == "no.such.key"
    assert pick({"da": "hej"}, "en") == "hej"


def test_numbers_read_the_danish_way_in_danish():
    assert number(6.8333, "da") == "6,8"
    assert number(6.8333, "en") == "6.8"


def test_every_audited_action_has_a_readable_name_in_both_languages():
    # Given every action the API and the digest write to the audit log
    root = Path(__file__).resolve().parents[2] / "functions"
    code = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    actions = set(re.findall(r'audit\(\s*services\.store,\s*caller,\s*"([a-z_.]+)"', code))
    actions |= set(re.findall(r'AuditEntry\([^)]*action="([a-z_.]+)"', code))
    assert {"workplace.create", "admin.session", "digest_failed"} <= actions
    # Then the console can name each in Danish and English
    for lang in ("da", "en"):
        missing = [a for a in actions if t(f"admin.audit.{a}", lang) == f"admin.audit.{a}"]
        assert missing == [], lang
