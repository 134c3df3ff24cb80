"""The pulse of a living (demo) team: figures, meeting mode, CSV, on a laptop, phone and projector.

Runs against `tryghedspuls serve --demo`, whose made-up weeks make the screenshots in
test-artifacts/screens/ look like a dashboard in use.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
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


def everything_on_screen(screen: Screen) -> str:
    """All text the page shows or tells a screen reader, one string."""
    labels = screen.page.evaluate(
        "() => Array.from(document.querySelectorAll('[aria-label]'), "
        "e => e.getAttribute('aria-label'))"
    )
    return "\n".join([screen.page.inner_text("body"), *labels])


def test_a_small_team_sees_no_numbers_on_a_phone(chromium, demo):
    phone = Screen(chromium, demo.base_url, 390, 844).open(demo_link(demo, "Demo: Lille team"))
    try:
        expect(phone.text("Svar i denne uge: For få svar").first).to_be_visible()
        expect(phone.text("Gennemsnit (1–10): For få svar").first).to_be_visible()
        expect(phone.text("For få svar i denne uge til at vise fordelingen").first).to_be_visible()
        # (the threshold itself may be told: "mindst 5 svar", "hver gang 5 nye svar")
        shown = re.sub(r"(?:mindst|hver gang) \d+ (?:nye )?svar", "", everything_on_screen(phone))
        # Then no mean, no count of answers and no distribution of the team is anywhere on it
        assert not re.findall(r"\d+,\d", shown), shown  # a mean is written 7,1
        assert not re.findall(r"\d+ svar\b", shown), shown
        assert not re.findall(r"(?:Svar i denne uge|Gennemsnit \(1–10\)): \d", shown), shown
        assert "Fordeling 1–10:" not in shown
        phone.shot("pulse-phone-too-few")
    finally:
        phone.close()


def a_workplace_with_answers(admin: httpx.Client, name: str, area: str, scores: list[int]) -> None:
    """Create a workplace in an area and send its tablet's answers for this week."""
    made = admin.post("/v1/workplaces", json={"name": name, "area": area})
    assert made.status_code == 201, made.text
    code = admin.post(f"/v1/workplaces/{made.json()['id']}/pairing-codes").json()["code"]
    paired = admin.post(
        "/v1/pair", json={"code": code, "device_name": "Tablet"}, headers={"Authorization": ""}
    )
    assert paired.status_code == 201, paired.text
    now = datetime.now(UTC).isoformat()
    taps = [{"id": str(uuid.uuid4()), "score": s, "at": now} for s in scores]
    if taps:
        device = {"Authorization": f"Bearer {paired.json()['device_token']}"}
        sent = admin.post("/v1/checkins", json={"checkins": taps}, headers=device)
        assert len(sent.json()["accepted"]) == len(taps), sent.text


def test_the_admin_overview_puts_attention_first(chromium, demo):
    # Given an area whose name sorts after the demo's, holding (in alphabetical order) a silent
    # workplace, a low one, one with too few answers and a content one
    headers = {"Authorization": f"Bearer {TEST_ADMIN_TOKEN}"}
    with httpx.Client(base_url=demo.api, headers=headers, timeout=30) as admin:
        a_workplace_with_answers(admin, "Alfa stille", "Zone opmærksom", [])
        a_workplace_with_answers(admin, "Beta lav", "Zone opmærksom", [3, 3, 3, 3, 3])
        a_workplace_with_answers(admin, "Delta få", "Zone opmærksom", [9, 9])
        a_workplace_with_answers(admin, "Gamma fin", "Zone opmærksom", [9, 9, 9, 9, 9])
    console = Screen(chromium, demo.base_url, 1440, 1000).open_console(TEST_ADMIN_TOKEN)
    try:
        # (the console has loaded its first section: a click on a row still laying out can miss)
        expect(console.text("Beta lav").first).to_be_visible()
        console.click("Overblik")
        expect(console.text("Områder og arbejdspladser").first).to_be_visible()
        expect(console.text("Beta lav").first).to_be_visible()
        shown = console.page.inner_text("body")
        # Then the area needing attention comes before the demo area, though it sorts after it
        assert shown.index("Zone opmærksom") < shown.index("Demo (opdigtede data)"), shown
        # And in it the low mean comes first, then the silent one, then by mean, too few last
        order = ["Beta lav", "Alfa stille", "Gamma fin", "Delta få"]
        assert sorted(order, key=shown.index) == order, shown
        console.shot("admin-overview")
        console.click("Indstillinger")
        expect(console.text("Anonymitet").first).to_be_visible()
        console.shot("admin-settings")
        console.click("Gennemsyn")
        expect(console.text("Venter på godkendelse").first).to_be_visible()
        console.shot("admin-review")
    finally:
        console.close()
