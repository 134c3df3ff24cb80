"""Each leader's Monday e-mail in their language (Danish unless they chose English), and the
organisation summary to the sign-in administrators (configured and the console's), over a real
SMTP server (aiosmtpd)."""

from __future__ import annotations

from functions.api.services import Services
from functions.content import load_content
from functions.domain.languages import save_language
from functions.domain.models import Settings, SigninSettings
from functions.local.digest_loop import DigestLoop
from functions.report.digests import DigestSetup
from functions.report.smtp import SmtpMailer, parse_smtp_url
from tests.report.organisation import DUE, K

SENDER = "Tryghedspuls <puls@norddjurs.dk>"


def send_due_digests(store, smtp, configured_admins: tuple[str, ...] = ()) -> None:
    """One pass of serve's digest loop at Monday 07:00, through the test SMTP server."""
    services = Services(store, load_content().as_document(), Settings(anonymity_threshold=K))
    setup = DigestSetup(SENDER, "https://puls.norddjurs.dk/pulse", configured_admins)
    DigestLoop(services, SmtpMailer(parse_smtp_url(smtp.url)), setup, clock=lambda: DUE).run_pass()


def plain(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_an_english_leader_gets_english_and_a_danish_leader_danish(store, smtp):
    # Given Carl chose English (as the pulse saves it); Bo chose nothing
    save_language(store, "carl@norddjurs.dk", "en")
    # When Monday's digests go out
    send_due_digests(store, smtp)
    # Then Carl's e-mail is English throughout: subject, body, the language it declares
    [carl] = smtp.mailbox.to("carl@norddjurs.dk")
    assert carl["Subject"] == "This week's pulse for Lageret – week 48"
    assert carl["Content-Language"] == "en"
    assert "Answers: 10" in plain(carl) and "Svar:" not in plain(carl)
    assert '<html lang="en">' in carl.get_body(("html",)).get_content()
    # And Bo's is Danish, the default
    [bo] = smtp.mailbox.to("bo@norddjurs.dk")
    assert bo["Subject"] == "Ugens puls for Solsikken – uge 48"
    assert bo["Content-Language"] == "da"
    assert "Svar: 7" in plain(bo)


def test_a_leader_who_switched_back_to_danish_gets_danish(store, smtp):
    save_language(store, "anna@norddjurs.dk", "en")
    save_language(store, "Anna@Norddjurs.dk ", "da")  # the same person, however it is written
    send_due_digests(store, smtp)
    assert [m["Subject"] for m in smtp.mailbox.to("anna@norddjurs.dk")] == [
        "Ugens puls for Børn – uge 48"
    ]


def test_the_summary_reaches_the_administrators_set_in_the_console(store, smtp):
    # Given an administrator added in the console (sign-in settings), who chose English,
    # and one configured by TRYGHEDSPULS_ADMIN_EMAILS, who chose nothing
    store.put_signin_settings(SigninSettings(admin_emails=("it@norddjurs.dk",)))
    save_language(store, "it@norddjurs.dk", "en")
    # When Monday's digests go out
    send_due_digests(store, smtp, configured_admins=("Chef@Norddjurs.dk",))
    # Then each administrator gets the organisation summary once, in their language
    assert [m["Subject"] for m in smtp.mailbox.to("it@norddjurs.dk")] == [
        "This week's pulse for the organisation – week 48"
    ]
    assert [m["Subject"] for m in smtp.mailbox.to("chef@norddjurs.dk")] == [
        "Ugens puls for organisationen – uge 48"
    ]
    # And the leaders their own, so five in all
    delivered = {rcpt for _, rcpts in smtp.mailbox.envelopes for rcpt in rcpts}
    assert delivered == {
        "anna@norddjurs.dk",
        "bo@norddjurs.dk",
        "carl@norddjurs.dk",
        "it@norddjurs.dk",
        "chef@norddjurs.dk",
    }
    assert len(smtp.mailbox.received) == 5


def test_no_administrator_with_an_address_gets_no_summary(store, smtp):
    # Given administrators only by group claim (no address anyone could write to)
    store.put_signin_settings(SigninSettings(admin_groups=("g-tryghedspuls-admins",)))
    send_due_digests(store, smtp)
    subjects = [m["Subject"] for m in smtp.mailbox.received]
    assert len(subjects) == 3 and not any("organisation" in s for s in subjects)


def test_the_language_of_someone_who_gets_no_email_any_more_is_forgotten(store, smtp):
    from dataclasses import replace

    from functions.domain.digest_recipients import address_hash

    # Given Carl and Bo chose English, and then Carl stopped leading Lageret
    save_language(store, "carl@norddjurs.dk", "en")
    save_language(store, "bo@norddjurs.dk", "en")
    lageret = store.get_workplace("lageret")
    store.update_workplace(replace(lageret, leaders=("dorte@norddjurs.dk",)))
    # When Monday's digests go out
    send_due_digests(store, smtp)
    # Then Carl's language is gone (he gets no e-mail), Bo's is kept, and Dorte's is Danish
    assert store.list_languages() == {address_hash("bo@norddjurs.dk"): "en"}
    assert [m["Subject"] for m in smtp.mailbox.to("dorte@norddjurs.dk")] == [
        "Ugens puls for Lageret – uge 48"
    ]
