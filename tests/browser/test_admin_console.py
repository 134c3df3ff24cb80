"""The admin console end to end: set up a workplace, pair its tablet, pin a prompt, hide a sentence.

It runs as one story because each step needs the one before: the kiosk pairs with the code the
console shows, people check in on that kiosk, and the pulse opens with the link the console made.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import UTC, datetime

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.kiosk_driver import Kiosk
from tests.browser.screens_driver import Screen
from tests.serving import TEST_ADMIN_TOKEN

pytestmark = pytest.mark.browser

SENTENCE = "lytter færdigt, før vi svarer"


def pulse_week(admin: httpx.Client, workplace_id: str) -> dict:
    """This week's figures as a viewer sees them."""
    answer = admin.get(f"/v1/workplaces/{workplace_id}/pulse", params={"weeks": 1})
    answer.raise_for_status()
    return answer.json()["weeks"][-1]


def wait_until(check, seconds: float = 20) -> None:
    """Poll until `check()` is true (the kiosk sends its outbox in the background)."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the kiosk's answers did not arrive in time"
        time.sleep(0.3)


def another_prompt(admin: httpx.Client, workplace_id: str) -> dict:
    """An active prompt that is not already this week's for the workplace."""
    now = admin.get("/v1/rotation", params={"weeks": 1, "workplace_id": workplace_id}).json()
    current = now["schedule"][0]["prompt"]["id"]
    prompts = admin.get("/v1/prompts").json()["prompts"]
    return next(p for p in prompts if p["active"] and p["id"] != current)


def test_admin_sets_up_a_workplace_and_its_pulse_follows(chromium, server, admin, kiosk: Kiosk):
    console = Screen(chromium, server.base_url).open_console(TEST_ADMIN_TOKEN)
    viewer = Screen(chromium, server.base_url, 1440, 1300)
    name = f"Solsikken {time.monotonic_ns() % 100000}"
    try:
        # Given an administrator who creates a workplace in an area
        console.fill("Navn", name)
        console.fill("Område", "Børn og unge")
        console.click("Opret")
        console.expect_notice(f"{name} er oprettet.")
        workplace_id = next(
            w["id"] for w in admin.get("/v1/workplaces").json()["workplaces"] if w["name"] == name
        )

        # When the console makes a pairing code and the tablet pairs with it
        console.click("Lav parringskode")
        code = console.by_id("pairing-code")
        expect(code).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$"))
        kiosk.pair(code.inner_text())
        console.click("Opdater")
        expect(console.text("Tablet i pauserummet").first).to_be_visible()

        # And makes a viewer link
        console.click("Lav link til pulsen")
        link = console.by_id("viewer-link").inner_text().strip()
        assert link.startswith(f"{server.base_url}/pulse?token=")
        assert link.endswith(f"&workplace={workplace_id}")
        console.shot("admin-workplace")

        # And pins another prompt to this week for that workplace
        pinned = another_prompt(admin, workplace_id)
        console.click("Sætninger")
        console.button("Gælder for: Alle arbejdspladser").click()
        console.click(name)
        expect(console.button(f"Gælder for: {name}")).to_be_visible()
        console.button("Fastlæg").first.click()
        console.click(pinned["da"])
        console.expect_notice("Sætningen er fastlagt")
        console.shot("admin-prompts")

        # Then the kiosk shows the pinned prompt after a tap, and takes a sentence
        kiosk.reload()
        kiosk.tap(7)
        expect(kiosk.by_id("prompt")).to_have_text(pinned["da"])
        kiosk.send(SENTENCE)
        for score in (5, 6, 8):
            kiosk.check_in(score)
        wait_until(lambda: pulse_week(admin, workplace_id)["responses"] != 0)

        # And with four answers the pulse shows no number at all
        viewer.open(link[len(server.base_url) :])
        expect(viewer.labelled("Svar i denne uge: For få svar").first).to_be_visible()
        expect(viewer.text("6,5")).to_have_count(0)
        viewer.shot("pulse-too-few")

        # And with the fifth the count and the mean appear
        kiosk.check_in(9)
        wait_until(lambda: pulse_week(admin, workplace_id)["responses"] == 5)
        viewer.page.close()
        viewer = viewer.new_tab().open("/pulse")  # the browser kept the link
        expect(viewer.labelled("Svar i denne uge: 5").first).to_be_visible()
        expect(viewer.labelled("Gennemsnit (1–10): 7,0").first).to_be_visible()
        expect(viewer.text(f"… {SENTENCE}").first).to_be_visible()
        viewer.shot("pulse-week")

        # When the administrator hides the sentence
        console.click("Gennemsyn")
        console.button("Arbejdsplads: vælg").click()
        console.click(name)
        expect(console.text(f"… {SENTENCE}").first).to_be_visible()
        console.click("Skjul")
        dialog = console.page.get_by_role("alertdialog")
        expect(dialog).to_be_visible()
        dialog.get_by_role("button", name="Skjul").click()
        console.expect_notice("Sætningen er skjult.")

        # Then it is gone from the pulse once the page is reloaded
        viewer.reload()
        expect(viewer.labelled("Svar i denne uge: 5").first).to_be_visible()
        expect(viewer.text(SENTENCE)).to_have_count(0)
    finally:
        console.close()
        viewer.close()


def test_a_revoked_link_says_so_and_offers_another(chromium, server, admin):
    made = admin.post("/v1/workplaces", json={"name": "Åkanden"}).json()
    token = admin.post(f"/v1/workplaces/{made['id']}/viewer-tokens").json()
    admin.delete(f"/v1/viewer-tokens/{token['token_id']}")
    viewer = Screen(chromium, server.base_url, 1024, 768)
    try:
        viewer.open(f"/pulse?token={token['token']}&workplace={made['id']}")
        expect(viewer.text("Linket virker ikke længere").first).to_be_visible()
        expect(viewer.button("Brug et andet link")).to_be_visible()
    finally:
        viewer.close()


def test_a_wrong_admin_key_is_refused_with_a_reason(chromium, server):
    console = Screen(chromium, server.base_url, 1024, 768).open("/admin")
    try:
        console.fill("Administratorens nøgle", "not-a-key-" + "x" * 30)
        console.click("Log ind")
        expect(console.text("Nøglen er ukendt eller trukket tilbage").first).to_be_visible()
    finally:
        console.close()


def paired_tablet(api: str, admin: httpx.Client, workplace_id: str) -> httpx.Client:
    """A tablet paired through the API, as a client speaking with its device token."""
    code = admin.post(f"/v1/workplaces/{workplace_id}/pairing-codes").json()["code"]
    paired = httpx.post(f"{api}/v1/pair", json={"code": code, "device_name": "Gang"})
    assert paired.status_code == 201, paired.text
    headers = {"Authorization": f"Bearer {paired.json()['device_token']}"}
    return httpx.Client(base_url=api, headers=headers, timeout=10)


def test_a_held_sentence_waits_for_approval_then_shows(chromium, server, admin):
    # Given a sentence that seems to name someone, held for review
    made = admin.post("/v1/workplaces", json={"name": "Havblik", "area": "Ældre"}).json()
    prompt = admin.get("/v1/rotation", params={"weeks": 1, "workplace_id": made["id"]}).json()
    prompt_id = prompt["schedule"][0]["prompt"]["id"]
    now = datetime.now(UTC).isoformat()
    with paired_tablet(server.api, admin, made["id"]) as tablet:
        sent = tablet.post(
            "/v1/completions",
            json={
                "completions": [
                    {
                        "id": str(uuid.uuid4()),
                        "prompt_id": prompt_id,
                        "text": "spørger Mette om hjælp",
                        "at": now,
                    }
                ]
            },
        )
        assert sent.json()["accepted"], sent.text
    token = admin.post(f"/v1/workplaces/{made['id']}/viewer-tokens").json()["token"]
    viewer = Screen(chromium, server.base_url, 1280, 900)
    console = Screen(chromium, server.base_url).open_console(TEST_ADMIN_TOKEN)
    try:
        viewer.open(f"/pulse?token={token}&workplace={made['id']}")
        expect(viewer.text("Ingen har fuldført sætningen endnu").first).to_be_visible()
        # When the administrator sees the review tab's count (its name says it aloud) and
        # approves the sentence in the review queue
        waiting = re.compile(r"^Gennemsyn, (\d+) sætninger venter på godkendelse")
        tab = console.page.get_by_role("button", name=waiting)
        expect(tab).to_be_visible()
        before = int(waiting.match(tab.get_attribute("aria-label") or tab.inner_text())[1])
        tab.click()
        expect(console.text("… spørger Mette om hjælp").first).to_be_visible()
        console.shot("admin-review-queue")
        console.click("Godkend")
        console.expect_notice("Sætningen er godkendt og vises nu.")
        if before == 1:
            expect(console.button("Gennemsyn")).to_be_visible()
        else:
            expect(tab).to_have_accessible_name(waiting)
        # Then the pulse shows it
        viewer.click("Opdater")
        expect(viewer.text("… spørger Mette om hjælp").first).to_be_visible()
    finally:
        console.close()
        viewer.close()


def test_a_tablet_that_lost_answers_or_has_a_wrong_clock_is_flagged_in_plain_words(
    chromium, server, admin
):
    # Given a tablet whose clock is 3 days fast and that had 2 answers refused
    made = admin.post("/v1/workplaces", json={"name": "Urværket", "area": "Ældre"}).json()
    with paired_tablet(server.api, admin, made["id"]) as tablet:
        beat = {"app_version": "1", "queue_depth": 0, "dropped": 2, "clock_offset_seconds": 259_300}
        assert tablet.post("/v1/heartbeat", json=beat).status_code == 204
    console = Screen(chromium, server.base_url).open_console(TEST_ADMIN_TOKEN)
    try:
        # When the administrator opens the workplace
        console.text("Urværket").first.click()
        # Then the tablet asks for attention, and says why in words
        expect(console.text("Tjek tabletten").first).to_be_visible()
        expect(console.text(re.compile("^Tablettens ur er 3 dage foran")).first).to_be_visible()
        expect(
            console.text(re.compile("^2 svar fra denne tablet kunne ikke")).first
        ).to_be_visible()
        console.shot("admin-tablet-flagged")
    finally:
        console.close()
