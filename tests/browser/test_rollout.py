"""A rollout as a new administrator does it, following the README: import the organisation file,
print the pairing sheets, pair a tablet by opening its sheet's QR code, see it under Tablets."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.screens_driver import Screen
from tests.serving import TEST_ADMIN_TOKEN
from tests.sheets import pages_text, qr_codes_of

pytestmark = pytest.mark.browser


def test_admin_imports_prints_pairs_by_qr_and_sees_the_tablet(
    chromium, server, admin: httpx.Client, tmp_path: Path
):
    run = time.monotonic_ns() % 1_000_000
    area, school = f"Område {run}", f"Skolen {run}"
    org = tmp_path / "organisation.csv"
    org.write_bytes(
        (
            "\ufeffområde;arbejdsplads;ledere\r\n"
            f"{area};{school};mette@norddjurs.dk, jens@norddjurs.dk\r\n"
            f"{area};Børnehuset {run};anna@norddjurs.dk\r\n"
        ).encode()
    )
    console = Screen(chromium, server.base_url).open_console(TEST_ADMIN_TOKEN)
    tablet = Screen(chromium, server.base_url, 1280, 800)
    try:
        # Given an administrator who uploads the organisation file in the Workplaces tab
        with console.page.expect_file_chooser() as chooser:
            console.click("Vælg CSV-fil")
        chooser.value.set_files(str(org))
        # Then the console shows what the import would change, before anything is kept
        summary = console.by_id("import-summary")
        expect(summary).to_contain_text("2 nye · 0 ændres")
        names = {w["name"] for w in admin.get("/v1/workplaces").json()["workplaces"]}
        assert school not in names
        # When the import is confirmed
        console.click("Importér")
        console.expect_notice("Importeret: 2 nye, 0 ændret.")
        stored = {w["name"]: w for w in admin.get("/v1/workplaces").json()["workplaces"]}
        assert stored[school]["area"] == area
        assert stored[school]["leaders"] == ["jens@norddjurs.dk", "mette@norddjurs.dk"]

        # And prints the pairing sheets
        with console.page.expect_download() as download:
            console.click("Print parringsark")
        pdf = Path(download.value.path()).read_bytes()
        assert download.value.suggested_filename == "tryghedspuls-parring.pdf"
        pages = dict(zip(pages_text(pdf, tmp_path), qr_codes_of(pdf, tmp_path), strict=True))
        url = next(qr for text, qr in pages.items() if school in text)
        assert url.startswith(f"{server.base_url}/kiosk?pair=")

        # And a new tablet opens the address of the school's QR code
        tablet.open(url.removeprefix(server.base_url))
        # Then it is paired at once with the school, with nothing typed
        expect(tablet.by_id("score-1")).to_be_visible(timeout=20000)
        expect(tablet.by_id("workplace")).to_contain_text(school)
        expect(tablet.page).not_to_have_url(url)  # the used code left the address bar
        tablet.shot("rollout-tablet-paired")

        # And the Tablets tab lists it under the school
        console.click("Tablets")
        expect(console.text(f"{school} · Tablet i pauserummet").first).to_be_visible()
        expect(console.text(f"Børnehuset {run}").first).to_be_visible()
        console.shot("rollout-tablets")
    finally:
        console.close()
        tablet.close()
