"""Sending through an SMTP server named by one URL (TRYGHEDSPULS_SMTP_URL):
`smtp://host:25` (plain), `smtp+starttls://user:pass@host:587` (upgraded with STARTTLS),
`smtps://user:pass@host:465` (TLS from the first byte). User and password are URL-encoded."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT_SECONDS = 30


class MailFailed(Exception):
    """The mail server did not take the message; `reason` is safe to log (no address in it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to deliver, parsed from the URL."""

    scheme: str
    host: str
    port: int
    user: str | None = None
    password: str | None = None

    def describe(self) -> str:
        """Host and port, without the password, for the console."""
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpSettings:
    """The settings in an SMTP URL; ValueError naming what is wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError(f"TRYGHEDSPULS_SMTP_URL must start with {', '.join(DEFAULT_PORTS)}://")
    if not parts.hostname:
        raise ValueError("TRYGHEDSPULS_SMTP_URL names no host")
    return SmtpSettings(
        scheme=parts.scheme,
        host=parts.hostname,
        port=parts.port or DEFAULT_PORTS[parts.scheme],
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


class SmtpMailer:
    """One connection per message: a digest run sends a handful, and a fresh connection makes
    a dropped one cost only the message it was carrying."""

    def __init__(self, settings: SmtpSettings, context: ssl.SSLContext | None = None):
        self.settings = settings
        self._context = context or ssl.create_default_context()

    def send(self, message: EmailMessage) -> None:
        """Deliver one message; MailFailed when the server refuses it or the connection fails."""
        s = self.settings
        try:
            if s.scheme == "smtps":
                client = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=TIMEOUT_SECONDS, context=self._context
                )
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_SECONDS)
            with client:
                if s.scheme == "smtp+starttls":
                    client.starttls(context=self._context)
                if s.user:
                    client.login(s.user, s.password or "")
                refused = client.send_message(message)
            if refused:
                raise MailFailed(f"the server refused {len(refused)} recipient(s)")
        except smtplib.SMTPResponseException as error:
            raise MailFailed(f"SMTP {error.smtp_code}") from error
        except smtplib.SMTPRecipientsRefused as error:
            codes = sorted({code for code, _ in error.recipients.values()})
            raise MailFailed(f"recipient refused (SMTP {codes})") from error
        except (smtplib.SMTPException, OSError) as error:
            raise MailFailed(type(error).__name__) from error
