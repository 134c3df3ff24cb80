"""A report as an e-mail message: plain text first, HTML as the preferred alternative."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from functions.report.blocks import Report
from functions.report.html import report_html
from functions.report.text import report_text


def email_message(report: Report, sender: str, to: str) -> EmailMessage:
    """multipart/alternative with text/plain and text/html, UTF-8, a Danish (or English) subject."""
    message = EmailMessage()
    message["Subject"] = report.subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=False)
    domain = sender.rpartition("@")[2].strip("> ") or "tryghedspuls.invalid"
    message["Message-ID"] = make_msgid("digest", domain=domain)
    # A digest is no bulk advertising, but auto-replies ("out of office") should not answer it.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(report_text(report))
    message.add_alternative(report_html(report), subtype="html")
    # Last: making the message multipart moves every Content-* header into its first part.
    message["Content-Language"] = report.lang
    return message
