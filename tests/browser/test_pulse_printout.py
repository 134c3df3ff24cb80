"""From the pulse to paper, and from the Monday e-mail to the meeting: the pulse's PDF button
downloads the week on one A4 page, and a link with `meeting=1` opens meeting mode. Against
`tryghedspuls serve --demo`, over real HTTP through the local gateway (a binary answer)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.screens_driver import Screen
from tests.browser.test_pulse_screens import demo, demo_link  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"


def test_the_pdf_button_downloads_the_week_on_one_page(chromium, demo):  # noqa: F811
    laptop = Screen(chromium, demo.base_url, 1440, 1200).open(demo_link(demo, "Demo: Solsikken"))
    try:
        with laptop.page.expect_download() as download:
            laptop.click("Hent side til opslagstavlen (PDF)")
        laptop.expect_notice("Siden er hentet som PDF.")
        assert download.value.suggested_filename.endswith(".pdf")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / "pulse-button-solsikken.pdf"
        download.value.save_as(path)
        assert path.read_bytes().startswith(b"%PDF-")
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        assert "Pages:           1" in info.stdout and "A4" in info.stdout
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Solsikken" in text and "Spørgsmål til samtalen" in text
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-singlefile", str(path), str(path.with_suffix(""))],
            check=True,
        )
    finally:
        laptop.close()


def test_the_emails_meeting_link_opens_meeting_mode(chromium, demo):  # noqa: F811
    # Given a browser that opened the team's link before (it keeps the token)
    projector = Screen(chromium, demo.base_url, 1920, 1080).open(demo_link(demo, "Demo: Solsikken"))
    try:
        expect(projector.button("Mødetilstand")).to_be_visible()
        workplace = demo_link(demo, "Demo: Solsikken").split("workplace=")[1].split("&")[0]
        # When the leader follows the Monday e-mail's meeting link (a mail client opens a new tab)
        from_email = projector.new_tab().open(f"/pulse?workplace={workplace}&meeting=1")
        # Then the pulse opens straight in meeting mode, at its first step
        expect(from_email.button("Luk mødetilstand")).to_be_visible()
        expect(from_email.text(re.compile(r"^1 af \d+$")).first).to_be_visible()
    finally:
        projector.close()
