"""The pulse of a living (demo) team: figures, meeting mode, CSV, on a laptop, phone and projector.

Runs against `tryghedspuls serve --demo`, whose made-up weeks make the screenshots in
test-artifacts/screens/ look like a dashboard in use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.screens_driver import Screen
from tests.serving import TEST_ADMIN_TOKEN, Server, start_server

pytestmark = pytest.mark.browser

MEETING_STEPS = ["definition", "reflect", "result", "sentences", "next-step", "olfa"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[Server]:
    """A server filled with the demo workplaces."""
    server = start_server(tmp_path_factory.mktemp("demo") / "data", args=("--demo",))
    try:
        yield server
    finally:
        server.kill()


def demo_link(server: Server, name: str) -> str:
    """The pulse address of a demo team, exactly as `serve --demo` printed it."""
    return re.search(rf"{re.escape(name)}: \S+?(/pulse\?\S+)", server.log()).group(1)


def test_a_team_reads_its_week_and_downloads_the_figures(chromium, demo):
    laptop = Screen(chromium, demo.base_url, 1440, 1400).open(demo_link(demo, "Demo: Solsikken"))
    try:
        expect(laptop.button("Mødetilstand")).to_be_visible()
        expect(laptop.text("Fordeling 1–10").first).to_be_visible()
        expect(laptop.text("Udvikling").first).to_be_visible()
        laptop.shot("pulse-laptop")
        with laptop.page.expect_download() as download:
            laptop.click("Hent CSV")
        assert download.value.suggested_filename.endswith(".csv")
        csv = Path(download.value.path()).read_text(encoding="utf-8-sig")
        assert csv.splitlines()[0].startswith("week;responses;mean")
        assert len(csv.strip().splitlines()) == 13  # a header and 12 weeks
        laptop.expect_notice("Ugetallene er hentet som CSV.")
        laptop.click("English")
        expect(laptop.text("This week's pulse".upper()).first).to_be_visible()
        laptop.shot("pulse-laptop-en")
    finally:
        laptop.close()


def test_meeting_mode_walks_through_the_dialogue_on_a_projector(chromium, demo):
    projector = Screen(chromium, demo.base_url, 1920, 1080).open(demo_link(demo, "Demo: Solsikken"))
    try:
        projector.click("Mødetilstand")
        # the municipality's definition comes first, then the individual reflection
        expect(projector.text("Psykologisk tryghed i Norddjurs").first).to_be_visible()
        expect(projector.text("1 af 6").first).to_be_visible()
        projector.page.keyboard.press("ArrowRight")  # a presenter's clicker sends arrow keys
        expect(projector.text("2 af 6").first).to_be_visible()
        expect(projector.text("Overvej hver især").first).to_be_visible()
        projector.page.keyboard.press("ArrowLeft")
        for number, step in enumerate(MEETING_STEPS, start=1):
            expect(projector.text(f"{number} af 6").first).to_be_visible()
            projector.shot(f"meeting-{number}-{step}")
            if number < len(MEETING_STEPS):
                projector.click("Næste")
        expect(projector.text("Organisation").first).to_be_visible()
        projector.click("Forrige")
        expect(projector.text("5 af 6").first).to_be_visible()
        projector.click("Luk mødetilstand")
        expect(projector.button("Mødetilstand")).to_be_visible()
    finally:
        projector.close()


def test_a_small_team_sees_no_numbers_on_a_phone(chromium, demo):
    phone = Screen(chromium, demo.base_url, 390, 844).open(demo_link(demo, "Demo: Lille team"))
    try:
        expect(phone.text("Svar i denne uge: For få svar").first).to_be_visible()
        expect(phone.text("For få svar i denne uge til at vise fordelingen").first).to_be_visible()
        phone.shot("pulse-phone-too-few")
    finally:
        phone.close()


def test_the_admin_overview_puts_attention_first(chromium, demo):
    console = Screen(chromium, demo.base_url, 1440, 1000).open(f"/admin?token={TEST_ADMIN_TOKEN}")
    try:
        console.click("Overblik")
        expect(console.text("Områder og arbejdspladser").first).to_be_visible()
        console.shot("admin-overview")
        console.click("Indstillinger")
        expect(console.text("Anonymitet").first).to_be_visible()
        console.shot("admin-settings")
        console.click("Gennemsyn")
        expect(console.text("Venter på godkendelse").first).to_be_visible()
        console.shot("admin-review")
    finally:
        console.close()
