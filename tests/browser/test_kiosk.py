"""The kiosk in a real browser against a real server: pairing, check-ins, offline, reload."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    answers_waiting_offline,
    pairing_code,
    this_week,
    wait_for_responses,
)
from tests.browser.kiosk_driver import Kiosk
from tests.browser.tcp_proxy import TcpProxy
from tests.serving import TEST_ADMIN_TOKEN

pytestmark = pytest.mark.browser


def answer_last_week(admin: httpx.Client, workplace: dict, scores: list[int]) -> None:
    """Check-ins dated a week ago, sent by another tablet of the workplace through the API."""
    code = pairing_code(admin, workplace)
    paired = admin.post("/v1/pair", json={"code": code, "device_name": "Gang"})
    token = paired.json()["device_token"]
    at = (datetime.now(UTC) - timedelta(days=7)).isoformat(timespec="seconds")
    checkins = [{"id": str(uuid.uuid4()), "score": s, "at": at} for s in scores]
    response = admin.post(
        "/v1/checkins",
        json={"checkins": checkins},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert len(response.json()["accepted"]) == len(scores)


def test_a_wrong_code_is_refused_in_danish_and_a_good_one_pairs(kiosk: Kiosk, admin, workplace):
    # Given an unpaired tablet, at a workplace that answered six times last week
    answer_last_week(admin, workplace, [6, 7, 7, 6, 8, 5])
    kiosk.shot("setup")
    # When someone types a wrong code
    kiosk.fill("Parringskode", "FORKERT-1")
    kiosk.page.get_by_role("button", name="Forbind").click()
    # Then it says so, in Danish
    expect(kiosk.by_id("setup-notice")).to_contain_text("Koden er forkert")
    # And a code made through the admin API pairs it with the workplace
    kiosk.pair(pairing_code(admin, workplace))
    expect(kiosk.by_id("workplace")).to_contain_text(workplace["name"])
    expect(kiosk.by_id("question")).to_contain_text("psykologiske tryghed")
    expect(kiosk.by_id("last-week")).to_have_text("Sidste uge: 6,5 — 6 svar")
    kiosk.shot("idle")
    # And the tablet reports in with its version
    devices = admin.get(f"/v1/workplaces/{workplace['id']}/devices").json()["devices"]
    assert "0.1.0" in {d["app_version"] for d in devices}


def test_check_ins_and_a_sentence_arrive_in_the_pulse(kiosk: Kiosk, admin, workplace):
    # Given a paired kiosk
    kiosk.pair(pairing_code(admin, workplace))
    # When five people check in; the first completes the sentence
    kiosk.tap(7)
    kiosk.shot("thanks")
    kiosk.fill("Din sætning", "spørger hinanden om hjælp")
    kiosk.shot("prompt")
    kiosk.page.get_by_role("button", name="Send").click()
    expect(kiosk.by_id("done")).to_be_visible()
    kiosk.shot("done")
    kiosk.back_to_idle()
    for score in (8, 6, 9, 5):
        kiosk.check_in(score)
    # Then the pulse shows five answers with their mean, each counted once
    week = wait_for_responses(admin, workplace, 5)
    assert (week["responses"], week["mean"]) == (5, 7.0)
    completions = admin.get(f"/v1/workplaces/{workplace['id']}/completions").json()
    assert [c["text"] for c in completions["completions"]] == ["spørger hinanden om hjælp"]


def test_the_next_person_sees_nothing_of_the_previous_one(kiosk: Kiosk, admin, workplace):
    kiosk.pair(pairing_code(admin, workplace))
    # Given someone who switched to English and typed half a sentence, then left
    kiosk.page.get_by_role("button", name="English").click()
    expect(kiosk.by_id("question")).to_contain_text("psychological safety")
    kiosk.tap(4)
    expect(kiosk.by_id("thanks")).to_contain_text("Thank you")
    kiosk.fill("Your sentence", "half a thou")
    kiosk.page.get_by_role("button", name="Skip").click()
    kiosk.by_id("done").click()
    # When the next person taps
    expect(kiosk.by_id("question")).to_contain_text("psykologiske tryghed")
    kiosk.tap(6)
    # Then the screen is Danish and the sentence field is empty
    expect(kiosk.by_id("thanks")).to_contain_text("Tak for dit svar")
    expect(kiosk.page.get_by_role("textbox", name="Din sætning")).to_have_value("")


def test_taps_while_the_api_is_down_arrive_once_when_it_returns(
    kiosk: Kiosk, admin, workplace, proxy: TcpProxy
):
    # Given a kiosk paired through a way to the API that then goes down, when four people check in
    answers_waiting_offline(kiosk, admin, workplace, proxy, (3, 4, 5, 6))
    # Then the kiosk keeps working and says, calmly, that answers wait
    expect(kiosk.by_id("sync-status")).to_contain_text("4 svar venter", timeout=15000)
    expect(kiosk.by_id("score-1")).to_be_visible()
    kiosk.shot("offline")
    assert this_week(admin, workplace)["responses"] in (0, None)
    # And when the API is back, the next check-in brings everything along, once
    proxy.start()
    kiosk.check_in(7)
    week = wait_for_responses(admin, workplace, 5)
    assert (week["responses"], week["mean"]) == (5, 5.0)
    expect(kiosk.by_id("sync-status")).to_have_count(0, timeout=15000)


def test_a_reload_in_the_middle_of_a_queue_loses_nothing(
    kiosk: Kiosk, admin, workplace, proxy: TcpProxy
):
    # Given five answers waiting while the API is unreachable
    answers_waiting_offline(kiosk, admin, workplace, proxy, (2, 4, 6, 8, 10))
    # When the tablet reloads, still offline
    kiosk.reload()
    # Then it is still paired, shows the week it saw last, and still holds the five answers
    expect(kiosk.by_id("score-1")).to_be_visible()
    expect(kiosk.by_id("question")).to_contain_text("psykologiske tryghed")
    expect(kiosk.by_id("workplace")).to_contain_text(workplace["name"])
    expect(kiosk.by_id("sync-status")).to_contain_text("5 svar venter", timeout=20000)
    # And once the API is back they all arrive, each once
    proxy.start()
    week = wait_for_responses(admin, workplace, 5, seconds=40)
    assert (week["responses"], week["mean"]) == (5, 6.0)


def test_the_cooldown_rests_the_buttons_visibly(kiosk: Kiosk, admin, workplace):
    # Given a cooldown of a few seconds
    admin.put("/v1/settings", json={"cooldown_seconds": 3}).raise_for_status()
    try:
        kiosk.pair(pairing_code(admin, workplace))
    finally:
        admin.put("/v1/settings", json={"cooldown_seconds": 0}).raise_for_status()
    # When someone checks in and the screen is back on idle
    kiosk.check_in(5)
    # Then the buttons rest, say for how long, and ignore taps
    expect(kiosk.by_id("cooldown")).to_contain_text("Klar igen om")
    expect(kiosk.page.get_by_role("button", name="5 af 10")).to_be_disabled()
    kiosk.shot("cooldown")
    # And they come back by themselves
    expect(kiosk.page.get_by_role("button", name="5 af 10")).to_be_enabled(timeout=5000)


def test_only_an_administrator_can_unpair(kiosk: Kiosk, admin, workplace):
    kiosk.pair(pairing_code(admin, workplace))
    # Given a long press in the top left corner
    kiosk.long_press_corner()
    # When an employee tries a guess
    kiosk.fill("Administratorens nøgle", "gæt")
    kiosk.page.get_by_role("button", name="Fortsæt").click()
    expect(kiosk.by_id("gate-notice")).to_contain_text("ikke godkendt")
    kiosk.shot("admin-gate")
    # Then nothing happens; with the administrator's key the tablet can be unpaired
    kiosk.fill("Administratorens nøgle", TEST_ADMIN_TOKEN)
    kiosk.page.get_by_role("button", name="Fortsæt").click()
    expect(kiosk.by_id("gate-notice")).to_contain_text(workplace["name"])
    kiosk.page.get_by_role("button", name="Fjern parringen").click()
    expect(kiosk.page.get_by_role("textbox", name="Parringskode")).to_be_visible()
    # And it stays unpaired after a reload
    kiosk.reload()
    expect(kiosk.page.get_by_role("textbox", name="Parringskode")).to_be_visible()


def test_a_portrait_tablet_shows_every_button_full_size(chromium, server, admin, workplace):
    context = chromium.new_context(viewport={"width": 800, "height": 1280})
    try:
        kiosk = Kiosk(context.new_page(), server.base_url).open()
        kiosk.pair(pairing_code(admin, workplace))
        for score in range(1, 11):
            box = kiosk.by_id(f"score-{score}").bounding_box()
            assert box and box["width"] >= 64 and box["height"] >= 64
            assert box["x"] >= 0 and box["x"] + box["width"] <= 800
        kiosk.shot("idle-portrait")
    finally:
        context.close()
