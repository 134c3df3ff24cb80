"""Reading pairing sheets the way a person does: render each PDF page (pdftoppm), scan the QR code
(zbarimg), read the text (pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


def qr_codes_of(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of the QR code on each page, in page order (one per page)."""
    source = tmp_path / "sheets.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(source), str(tmp_path / "page")], check=True
    )
    found = []
    for image in sorted(tmp_path.glob("page-*.png")):
        scanned = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
        )
        found.append(scanned.stdout.strip())
    return found


def pages_text(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page."""
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def pairing_code_in(url: str) -> str:
    """The `pair` parameter of a kiosk address (after "?" in the path or in the fragment)."""
    parts = urlsplit(url)
    query = parts.query or urlsplit(parts.fragment).query
    return parse_qs(query)["pair"][0]
