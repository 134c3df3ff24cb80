"""The week on one A4 page: GET /v1/workplaces/{id}/pulse.pdf for the workplace's viewers and
admins, through the viewer function's real handler (a binary answer, base64 in the Lambda
result), checked by extracting its text (pdftotext) and rendering it (pdftoppm, in
test-artifacts/report/ to look at)."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from functions.api.services import Services, use_services
from functions.content import load_content
from functions.domain.models import CompletionStatus, CompletionToRecord, Settings
from functions.domain.pairing import make_admin_token, make_viewer_token
from functions.local.gateway import to_http_api_event
from tests.api.conftest import LambdaContext, function_for
from tests.report.organisation import APPROVED, DUE, HELD, SCORES, WEEK, K

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"
ADMIN = "pdf-test-admin-token-" + "p" * 40


@pytest.fixture
def services(store):
    built = Services(store, load_content().as_document(), Settings(K), clock=lambda: DUE)
    make_admin_token(store, DUE, ADMIN)
    use_services(built)
    yield built
    use_services(None)


def get_pdf(workplace_id: str, token: str, query: str = "") -> dict:
    """The viewer function's raw Lambda answer to GET …/pulse.pdf."""
    path = f"/v1/workplaces/{workplace_id}/pulse.pdf"
    headers = [(b"authorization", f"Bearer {token}".encode())]
    event = to_http_api_event("GET", path, query.encode(), headers, b"")
    return function_for("GET", path).lambda_handler(event, LambdaContext())


def pdf_of(answer: dict) -> bytes:
    assert answer["statusCode"] == 200, answer.get("body")
    assert answer["headers"]["Content-Type"] == "application/pdf"
    assert answer["isBase64Encoded"] is True
    return base64.b64decode(answer["body"])


def saved(data: bytes, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.pdf"
    path.write_bytes(data)
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_a_viewer_prints_the_week_on_one_page_with_danish_letters(services, store):
    _, token = make_viewer_token(store, "solsikken", DUE)
    path = saved(pdf_of(get_pdf("solsikken", token, f"week={WEEK}")), "pulse-solsikken-w48")
    text = " ".join(pdf_text(path).split())
    scores = SCORES[("solsikken", WEEK)]
    mean = f"{sum(scores) / len(scores):.1f}".replace(".", ",")
    assert page_count(path) == 1
    for expected in [
        "Solsikken",
        "Uge 48 · 2026 · Børn",
        # the three figures side by side: labels above, values below
        f"Svar Gennemsnit (1–10) Ændring fra ugen før {len(scores)} {mean} +1,0",
        "Fordeling af svar",
        "Udvikling de sidste 8 uger",
        f"»{APPROVED}«",
        "Hvorfor ligger den på det niveau?",
        "Fællesskab: Er vi konstruktive, støttende og inkluderende i vores arbejdsfællesskab?",
    ]:
        assert expected in text
    assert HELD not in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", str(path), str(path.with_suffix(""))],
        check=True,
    )
    assert path.with_suffix(".png").stat().st_size > 10_000


def test_a_suppressed_week_prints_no_figure(services, store):
    _, token = make_viewer_token(store, "maelkeboetten", DUE)
    path = saved(pdf_of(get_pdf("maelkeboetten", token, f"week={WEEK}")), "pulse-maelkeboetten")
    text = " ".join(pdf_text(path).split())
    assert "Mælkebøtten" in text and "Svar For få svar" in text
    assert "Gennemsnit (1–10)" not in text and "Fordeling af svar" not in text


def test_a_long_list_of_sentences_is_cut_to_keep_one_page(services, store):
    many = [
        CompletionToRecord(
            f"m{i}",
            f"id-m{i}",
            WEEK,
            "tilgaengelige",
            f"sætning {i} " * 12,
            CompletionStatus.VISIBLE,
            0,
        )
        for i in range(40)
    ]
    store.record_completions("lageret", many)
    path = saved(pdf_of(get_pdf("lageret", ADMIN, f"week={WEEK}&lang=en")), "pulse-lageret-en")
    text = " ".join(pdf_text(path).split())
    assert page_count(path) == 1
    assert "This week's sentences" in text and "(+" in text
    # and the conversation questions still fit below the sentences, above the footer
    assert text.index("(+") < text.index("Employee:") < text.index("Tryghedspuls ·")


@pytest.mark.parametrize(
    ("workplace", "query", "status"),
    [
        ("lageret", f"week={WEEK}", 403),  # a viewer of Solsikken asks for another workplace
        ("solsikken", "week=2026-W99", 400),
        ("solsikken", "week=yesterday", 400),
        ("solsikken", "week=2027-W02", 400),  # not begun yet
        ("solsikken", "lang=de", 400),
        ("nowhere", "", 403),
    ],
)
def test_what_a_viewer_may_not_print(services, store, workplace, query, status):
    _, token = make_viewer_token(store, "solsikken", DUE)
    answer = get_pdf(workplace, token, query)
    assert answer["statusCode"] == status
    assert answer["headers"]["Content-Type"] == "application/json"
