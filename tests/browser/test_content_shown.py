"""No part of the seed is left out: every text of content/ is on some screen, in Danish and English.

The expected texts are read from content/*.json by the test itself; what the screens show is read
from the browser's accessibility tree (what a screen reader, and so a person, gets).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.screens_driver import Screen
from tests.serving import TEST_ADMIN_TOKEN

pytestmark = pytest.mark.browser

CONTENT = Path(__file__).resolve().parents[2] / "content"
MEETING_STEPS = 6

# Every text of the accessibility tree: the text nodes and the labels.
_SHOWN = """
() => {
  const parts = [];
  for (const node of document.querySelectorAll('flt-semantics, flt-semantics *')) {
    const label = node.getAttribute('aria-label');
    if (label) parts.push(label);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()) {
        parts.push(child.textContent);
      }
    }
  }
  return parts.join('\\n');
}
"""


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_texts(lang: str) -> dict[str, str]:
    """Every text of texts.json and prompts.json in `lang`, named by where it sits."""
    texts = json.loads((CONTENT / "texts.json").read_text(encoding="utf-8"))
    prompts = json.loads((CONTENT / "prompts.json").read_text(encoding="utf-8"))
    named = {
        "title": texts["title"][lang],
        "behaviours_intro": texts["behaviours_intro"][lang],
        "question": texts["question"][lang],
        "shared_intro": texts["shared_intro"][lang],
        "next_step": texts["next_step"][lang],
        "olfa.intro": texts["olfa"]["intro"][lang],
    }
    named |= {f"definition[{i}]": p[lang] for i, p in enumerate(texts["definition"])}
    named |= {f"behaviours[{i}]": b[lang] for i, b in enumerate(texts["behaviours"])}
    named |= {f"follow_ups[{i}]": f[lang] for i, f in enumerate(texts["follow_ups"])}
    for question in texts["olfa"]["questions"]:
        named[f"olfa.{question['id']}.heading"] = question["heading"][lang]
        named[f"olfa.{question['id']}.question"] = question["question"][lang]
    named |= {f"prompts.{p['id']}": p[lang] for p in prompts}
    return {name: normalised(text) for name, text in named.items()}


def shown(page: Page) -> str:
    """What the screen shows right now, as one normalised text."""
    page.wait_for_timeout(300)  # the tree follows the frame that was just built
    return normalised(page.evaluate(_SHOWN))


def pulse_texts(pulse: Screen, next_label: str, about_label: str) -> str:
    """The dashboard with "Om psykologisk tryghed" unfolded, then every step of meeting mode."""
    pulse.button(about_label).click()
    seen = [shown(pulse.page)]
    pulse.page.keyboard.press("Escape")
    pulse.click({"Næste": "Mødetilstand", "Next": "Meeting mode"}[next_label])
    for step in range(MEETING_STEPS):
        seen.append(shown(pulse.page))
        if step < MEETING_STEPS - 1:
            pulse.click(next_label)
    pulse.click({"Næste": "Luk mødetilstand", "Next": "Close meeting mode"}[next_label])
    return "\n".join(seen)


def test_every_seed_text_is_shown_on_some_screen_in_both_languages(chromium, server, admin):
    # Given a workplace whose pulse a viewer opens, and the admin console
    made = admin.post("/v1/workplaces", json={"name": "Strandgården"}).json()
    token = admin.post(f"/v1/workplaces/{made['id']}/viewer-tokens").json()["token"]
    pulse = Screen(chromium, server.base_url, 1920, 1080)
    console = Screen(chromium, server.base_url, 1440, 1000)
    try:
        pulse.open(f"/pulse?token={token}&workplace={made['id']}")
        expect(pulse.button("Mødetilstand")).to_be_visible(timeout=15_000)
        console.open(f"/admin?token={TEST_ADMIN_TOKEN}")
        console.click("Sætninger")
        expect(console.page.get_by_text("Sætningerne", exact=True).first).to_be_visible(
            timeout=15_000
        )
        # When both are read in Danish, then in English
        seen = {"da": pulse_texts(pulse, "Næste", "Om psykologisk tryghed")}
        seen["da"] += "\n" + shown(console.page)
        pulse.click("English")
        console.click("English")
        expect(console.button("Sentences")).to_be_visible(timeout=15_000)
        seen["en"] = pulse_texts(pulse, "Next", "About psychological safety")
        seen["en"] += "\n" + shown(console.page)
        # Then every text of the seed was on a screen, word for word, in each language
        for lang in ("da", "en"):
            missing = [name for name, text in seed_texts(lang).items() if text not in seen[lang]]
            assert not missing, f"{lang}: never shown: {missing}"
    finally:
        pulse.close()
        console.close()
