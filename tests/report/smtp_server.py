"""A real SMTP server for the tests (aiosmtpd's Controller in a thread) that can misbehave:
answer 451 to every message, drop the connection mid-message, or not listen at all."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.serving import free_port


@dataclass
class Mailbox:
    """What the server accepted, and how it behaves now: "accept", "refuse" (451) or "drop"."""

    mode: str = "accept"
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        """Keep the message, or refuse it, or hang up on the client."""
        if self.mode == "refuse":
            return "451 4.3.0 Try again later"
        if self.mode == "drop":
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(message)
        self.envelopes.append((envelope.mail_from, tuple(envelope.rcpt_tos)))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        """The messages delivered to `address`."""
        pairs = zip(self.received, self.envelopes, strict=True)
        return [m for m, (_, rcpts) in pairs if address in rcpts]


@dataclass
class SmtpServer:
    """A running (or stopped) test SMTP server on a fixed port."""

    mailbox: Mailbox
    port: int
    controller: Controller | None = None

    @property
    def url(self) -> str:
        """TRYGHEDSPULS_SMTP_URL for it."""
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Listen (again) on the same port."""
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        """Stop listening: connections are refused until start()."""
        if self.controller:
            self.controller.stop()
            self.controller = None


@contextlib.contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    """A test SMTP server for the length of a `with` block."""
    server = SmtpServer(Mailbox(), free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
