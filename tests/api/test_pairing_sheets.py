"""Pairing sheets: a PDF page per workplace whose QR code, scanned, pairs a tablet once."""

from __future__ import annotations

import base64

from tests.api.conftest import ADMIN_TOKEN
from tests.sheets import pages_text, pairing_code_in, qr_codes_of

BASE = "http://kiosk.norddjurs.test:8550"


def _sheets(api, token: str | None = ADMIN_TOKEN, **body):
    return api.call("POST", "/v1/pairing-sheets", {"base_url": BASE} | body, token)


def _pdf(api, **body) -> bytes:
    answer = _sheets(api, **body)
    assert answer.status == 200, answer.text
    assert answer.headers["Content-Type"] == "application/pdf"
    return base64.b64decode(answer.text)


def test_each_workplace_gets_a_page_whose_qr_code_pairs_a_tablet(api, tmp_path):
    # Given two workplaces in two areas
    api.workplace("Solsikken", "Dagtilbud Syd")
    api.workplace("Plejecenter Østergården", "Ældre og sundhed")
    # When the sheets are printed and each QR code is scanned
    pdf = _pdf(api)
    urls = qr_codes_of(pdf, tmp_path)
    texts = pages_text(pdf, tmp_path)
    # Then each page names its workplace and area and shows the code of its QR code
    assert len(urls) == 2 and all(u.startswith(f"{BASE}/kiosk?pair=") for u in urls)
    assert "Solsikken" in texts[0] and "Dagtilbud Syd" in texts[0]
    assert "Plejecenter Østergården" in texts[1] and "Ældre og sundhed" in texts[1]
    for url, text in zip(urls, texts, strict=True):
        assert pairing_code_in(url) in text
    # And the scanned code pairs a tablet with that page's workplace, once only
    first = {"code": pairing_code_in(urls[0]), "device_name": "Pauserum"}
    paired = api.post("/v1/pair", first, token=None)
    assert paired.status == 201 and paired.json["workplace"]["name"] == "Solsikken"
    assert api.post("/v1/pair", first, token=None).status == 400


def test_codes_on_a_sheet_last_a_rollout_but_not_forever(api, clock, tmp_path):
    api.workplace("Solsikken", "Dagtilbud Syd")
    api.workplace("Skolen", "Skole")
    late, expired = (pairing_code_in(u) for u in qr_codes_of(_pdf(api), tmp_path))
    clock.advance(days=13, hours=23)
    assert api.post("/v1/pair", {"code": late, "device_name": "A"}, token=None).status == 201
    clock.advance(hours=2)
    assert api.post("/v1/pair", {"code": expired, "device_name": "B"}, token=None).status == 400


def test_sheets_of_one_area_only(api, tmp_path):
    api.workplace("Solsikken", "Dagtilbud Syd")
    api.workplace("Skolen", "Skole")
    pdf = _pdf(api, area="dagtilbud syd")
    assert len(qr_codes_of(pdf, tmp_path)) == 1
    assert "Solsikken" in pages_text(pdf, tmp_path)[0]


def test_static_pwa_address_routes_after_the_hash(api, tmp_path):
    api.workplace("Solsikken", "Dagtilbud Syd")
    answer = _sheets(api, base_url="https://d111.cloudfront.net/#")
    [url] = qr_codes_of(base64.b64decode(answer.text), tmp_path)
    assert url.startswith("https://d111.cloudfront.net/#/kiosk?pair=")


def test_bad_requests_make_no_codes(api):
    api.workplace("Solsikken", "Dagtilbud Syd")
    bad_url, no_area = _sheets(api, base_url="kiosk"), _sheets(api, area="Mars")
    assert (bad_url.status, no_area.status) == (400, 404)
    assert _sheets(api, token=None).status == 401
    audit = api.get("/v1/audit").json["entries"]
    assert not [e for e in audit if e["action"] == "pairing_sheet.create"]
