"""The Monday digest over a real SMTP server (aiosmtpd): one e-mail per leader and workplace (one
per area for an area leader), the released figures and nothing more, each sent once, and a server
that refuses or drops the connection gets retries, an entry in the admin console's audit log,
and no duplicate once it recovers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest

from functions.api.services import Services
from functions.content import load_content
from functions.domain.models import Device, PairingCode, Settings, TokenKind, TokenRecord
from functions.local.digest_loop import DigestLoop
from functions.report.digests import DigestSetup
from functions.report.smtp import SmtpMailer, parse_smtp_url
from tests.report.organisation import DUE, SCORES, WEEK, WEEK_BEFORE, K

PULSE_URL = "https://puls.norddjurs.dk/pulse"
SETUP = DigestSetup("Tryghedspuls <puls@norddjurs.dk>", PULSE_URL, ("admin@norddjurs.dk",))
EVERYONE = {"anna@norddjurs.dk", "bo@norddjurs.dk", "carl@norddjurs.dk", "admin@norddjurs.dk"}


class Clock:
    """The time the loop sees; tests move it."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def digest_loop(store, smtp, clock) -> DigestLoop:
    """serve's digest loop on the test store, sending through the test SMTP server."""
    services = Services(store, load_content().as_document(), Settings(anonymity_threshold=K))
    return DigestLoop(services, SmtpMailer(parse_smtp_url(smtp.url)), SETUP, clock=clock)


def plain(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def html(message) -> str:
    return message.get_body(("html",)).get_content()


def mean_text(scores: list[int]) -> str:
    return f"{sum(scores) / len(scores):.1f}".replace(".", ",")


def test_each_leader_gets_one_email_per_workplace_and_an_area_leader_one_for_the_area(store, smtp):
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    delivered = {rcpt for _, rcpts in smtp.mailbox.envelopes for rcpt in rcpts}
    assert delivered == EVERYONE
    assert len(smtp.mailbox.received) == 4
    assert [m["Subject"] for m in smtp.mailbox.to("anna@norddjurs.dk")] == [
        "Ugens puls for Børn – uge 48"
    ]
    assert [m["Subject"] for m in smtp.mailbox.to("bo@norddjurs.dk")] == [
        "Ugens puls for Solsikken – uge 48"
    ]


def test_the_email_carries_the_released_figures_change_and_distribution(store, smtp):
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    [message] = smtp.mailbox.to("carl@norddjurs.dk")
    text = plain(message)
    now, before = SCORES[("lageret", WEEK)], SCORES[("lageret", WEEK_BEFORE)]
    change = sum(now) / len(now) - sum(before) / len(before)
    assert f"Svar: {len(now)}\n" in text
    assert f"Gennemsnit (1–10): {mean_text(now)}\n" in text
    assert f"Ændring fra ugen før: −{abs(change):.1f}".replace(".", ",") in text
    for score in range(1, 11):
        assert f"{score:>4}: {now.count(score)}\n" in text
    # The HTML part says the same in an accessible table, with no images and no tracking
    page = html(message)
    assert "<caption" in page and 'scope="row"' in page
    for score in range(1, 11):
        assert re.search(rf">{score}</th><td[^>]*>{now.count(score)}</td>", page)
    assert "<img" not in page.lower()
    assert set(re.findall(r'(?:href|src)="([^"]+)"', page)) == {
        f"{PULSE_URL}?workplace=lageret",
        f"{PULSE_URL}?workplace=lageret&amp;meeting=1",
    }
    # The seed's conversation questions and the week's approved sentences only
    assert "Hvad skal der til at få den et eller flere point op?" in text
    assert "Ledelse: Er rammerne og retningen for løsning af opgaven klare?" in text


def test_a_week_under_the_threshold_shows_no_figure(store, smtp):
    # Given a leader of Mælkebøtten alone, whose week 48 has 3 answers (under 5)
    workplace = store.get_workplace("maelkeboetten")
    store.update_workplace(replace(workplace, leaders=(*workplace.leaders, "dora@norddjurs.dk")))
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    [message] = smtp.mailbox.to("dora@norddjurs.dk")
    text, page = plain(message), html(message)
    scores = SCORES[("maelkeboetten", WEEK)]
    # Then it says too few answered and shows no count, mean or distribution of the week
    assert "Svar: For få svar\n" in text
    assert "Ugens tal vises først, når mindst 5 har svaret." in text
    assert "Gennemsnit (1–10):" not in text and "Fordeling" not in text + page
    assert mean_text(scores) not in text + page
    assert f"Svar: {len(scores)}" not in text
    # The week before (5 answers) is shown in the trend as the pulse shows it
    assert mean_text(SCORES[("maelkeboetten", WEEK_BEFORE)]) in text


def test_sentences_held_for_review_never_reach_an_email(store, smtp):
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    everything = "".join(plain(m) + html(m) for m in smtp.mailbox.received)
    assert "vi lytter til hinanden ved morgenmødet" in plain(smtp.mailbox.to("bo@norddjurs.dk")[0])
    assert "Karsten" not in everything


def test_a_second_run_and_a_restart_send_nothing(store, smtp):
    clock = Clock(DUE)
    digest_loop(store, smtp, clock).run_pass()
    clock.now += timedelta(minutes=5)
    digest_loop(store, smtp, clock).run_pass()  # a new loop: what `serve` has after a restart
    clock.now += timedelta(days=3)
    outcome = digest_loop(store, smtp, clock).run_pass()
    assert len(smtp.mailbox.received) == 4
    assert outcome.sent == [] and outcome.skipped == 4


def test_the_administrator_gets_the_organisation_summary(store, smtp):
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    [message] = smtp.mailbox.to("admin@norddjurs.dk")
    text = plain(message)
    assert message["Subject"] == "Ugens puls for organisationen – uge 48"
    # Lageret's mean of 4,0 is low; Mælkebøtten had too few answers
    assert "- Lageret (Drift): gennemsnit 4,0\n" in text
    assert "- Mælkebøtten (Børn): for få svar\n" in text
    assert "Solsikken (Børn):" not in text
    assert "Alle tablets har meldt sig inden for de sidste to døgn" in text


def paired(store, device_id: str, workplace_id: str, name: str) -> None:
    """A tablet paired with a workplace, the way pairing stores it."""
    code = f"CODE{device_id}"
    store.put_pairing_code(PairingCode(code, workplace_id, expires_at=4_102_444_800))
    token = TokenRecord(
        f"hash-{device_id}",
        f"tid-{device_id}",
        TokenKind.DEVICE,
        workplace_id,
        device_id,
        "2026-11-01",
    )
    device = Device(device_id, workplace_id, name, token.token_hash, "2026-11-01")
    store.pair_device(code, int(DUE.timestamp()) - 86400 * 20, device, token)


def test_the_administrator_hears_of_silent_tablets_and_refused_answers(store, smtp):
    # Given one tablet last heard five days ago, one heard an hour ago that had 3 answers refused,
    # and one heard an hour ago with nothing refused
    day = 86400
    for device_id, workplace, name, seen, dropped in [
        ("d1", "lageret", "Lager ved kaffen", DUE.timestamp() - 5 * day, 0),
        ("d2", "solsikken", "Solsikken stue", DUE.timestamp() - 3600, 3),
        ("d3", "maelkeboetten", "Mælkebøtten gang", DUE.timestamp() - 3600, 0),
    ]:
        paired(store, device_id, workplace, name)
        store.record_heartbeat(device_id, int(seen) // 60 * 60, "1.0", 0, dropped, 0)
    digest_loop(store, smtp, Clock(DUE)).run_pass()
    text = plain(smtp.mailbox.to("admin@norddjurs.dk")[0])
    # Then both problem tablets are named, and the healthy one is not
    assert "- Lageret – Lager ved kaffen: sidst hørt 2026-11-25\n" in text
    assert "- Solsikken – Solsikken stue: 3 svar afvist siden parringen\n" in text
    assert "Mælkebøtten gang" not in text


@pytest.mark.parametrize("failure", ["refuse", "drop", "closed"])
def test_a_failing_server_gets_retries_and_a_console_entry_and_no_duplicate(store, smtp, failure):
    # Given a server that answers 451, hangs up mid-message, or does not listen at all
    if failure == "closed":
        smtp.stop()
    else:
        smtp.mailbox.mode = failure
    clock = Clock(DUE)
    loop = digest_loop(store, smtp, clock)
    # When the digests are due
    first = loop.run_pass()
    # Then nothing was delivered, every digest failed, and the admin console's audit log says so
    assert smtp.mailbox.received == [] and len(first.failed) == 4
    entries = [e for e in store.list_audit(50) if e.action == "digest_failed"]
    assert len(entries) == 4
    assert all(e.detail.startswith("2026-W48 ") and "next try" in e.detail for e in entries)
    assert not any("@" in e.detail for e in entries)  # scopes, never addresses
    # A pass before the retry time tries nothing
    clock.now += timedelta(seconds=30)
    assert loop.run_pass().failed == []
    # When the server recovers, the next due pass delivers each digest once
    if failure == "closed":
        smtp.start()
    smtp.mailbox.mode = "accept"
    clock.now += timedelta(minutes=1)
    assert sorted(loop.run_pass().sent) == ["area:Børn", "org", "wp:lageret", "wp:solsikken"]
    clock.now += timedelta(hours=2)
    loop.run_pass()
    assert len(smtp.mailbox.received) == 4
    assert {rcpt for _, rcpts in smtp.mailbox.envelopes for rcpt in rcpts} == EVERYONE


def test_failures_back_off_until_the_server_recovers(store, smtp):
    smtp.mailbox.mode = "refuse"
    clock = Clock(DUE)
    loop = digest_loop(store, smtp, clock)
    tries = 0
    for _ in range(60):  # an hour of passes, a minute apart
        tries += len(loop.run_pass().failed)
        clock.now += timedelta(minutes=1)
    # 1, 2, 4, 8, 16 … minutes apart: six attempts per digest in the first hour, not sixty
    assert tries == 4 * 6
    smtp.mailbox.mode = "accept"
    clock.now += timedelta(hours=1)
    loop.run_pass()
    assert len(smtp.mailbox.received) == 4


def test_two_servers_sending_at_once_send_each_digest_once(store, smtp, tmp_path):
    # Given a second process's store on the same file (two `serve`s, or serve and the command)
    from threading import Barrier, Thread

    from functions.store.sqlite import SqliteStore

    other = SqliteStore(str(tmp_path / "tryghedspuls.db"))
    loops = [digest_loop(s, smtp, Clock(DUE)) for s in (store, other)]
    start = Barrier(2)

    def run(loop):
        start.wait()
        loop.run_pass()

    threads = [Thread(target=run, args=(loop,)) for loop in loops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # Then each recipient got exactly one e-mail
    delivered = sorted(rcpt for _, rcpts in smtp.mailbox.envelopes for rcpt in rcpts)
    assert delivered == sorted(EVERYONE)
    other.close()
