"""The digest through Amazon SES v2 (moto): the same MIME message as over SMTP, raw, from the
configured sender; a sender SES has not verified is a failed send, recorded and retried later."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_string, policy

import boto3
import pytest
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from functions.content import load_content
from functions.domain.models import Settings
from functions.report.digests import DigestSetup, send_digests
from functions.report.ses import SesMailer
from tests.report.organisation import DUE, WEEK, K

REGION = "eu-north-1"
SETUP = DigestSetup("Tryghedspuls <puls@norddjurs.dk>", "https://puls.example/#/pulse")


@pytest.fixture
def ses(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        yield boto3.client("sesv2", region_name=REGION)


def sent_messages():
    return ses_backends[DEFAULT_ACCOUNT_ID][REGION].sent_messages


def send(store, client, now=DUE):
    content = load_content().as_document()
    return send_digests(store, SesMailer(client), content, Settings(K), SETUP, WEEK, now)


def test_each_leader_gets_the_digest_through_ses(store, ses):
    ses.create_email_identity(EmailIdentity="norddjurs.dk")
    outcome = send(store, ses)
    assert sorted(outcome.sent) == ["area:Børn", "wp:lageret", "wp:solsikken"]
    messages = sent_messages()
    # (moto lists a raw message's To header beside the envelope's recipient: the same address)
    assert len(messages) == 3
    assert sorted({d for m in messages for d in m.destinations}) == [
        "anna@norddjurs.dk",
        "bo@norddjurs.dk",
        "carl@norddjurs.dk",
    ]
    [carl] = [m for m in messages if "carl@norddjurs.dk" in m.destinations]
    assert carl.source == "puls@norddjurs.dk"
    parsed = message_from_string(carl.raw_data, policy=policy.default)
    assert parsed["Subject"] == "Ugens puls for Lageret – uge 48"
    assert parsed.get_body(("html",)) is not None and parsed.get_body(("plain",)) is not None
    # A second run sends nothing
    assert send(store, ses).sent == []
    assert len(sent_messages()) == 3


def test_an_unverified_sender_fails_visibly_and_is_retried_once_verified(store, ses):
    first = send(store, ses)
    assert first.sent == [] and len(first.failed) == 3
    [entry, *_] = [e for e in store.list_audit(10) if e.action == "digest_failed"]
    assert "SES MessageRejected" in entry.detail
    ses.create_email_identity(EmailIdentity="norddjurs.dk")
    later = send(store, ses, DUE + timedelta(minutes=2))
    assert len(later.sent) == 3 and len(sent_messages()) == 3
