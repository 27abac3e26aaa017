"""A real local SMTP server for tests: aiosmtpd on 127.0.0.1, a free port, messages collected.

Use the ``smtp_server`` fixture in a test that sends mail: it starts the server, points Django's
SMTP backend at it for the duration of the test and yields a :class:`LocalSmtp` whose
``messages`` list holds every accepted message (parsed), in arrival order.
"""

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

__all__ = ["LocalSmtp", "ReceivedMessage", "smtp_server"]


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the server accepted it: envelope addresses and the parsed message."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "").strip()

    def body_text(self) -> str:
        """The text/plain part (or the whole body when the message is not multipart)."""
        part = self.message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""


@dataclass
class LocalSmtp:
    host: str
    port: int
    messages: list[ReceivedMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def recipients(self) -> list[str]:
        with self.lock:
            return [address for received in self.messages for address in received.rcpt_tos]

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


class _Collector:
    def __init__(self, server: LocalSmtp) -> None:
        self.server = server

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        parsed = email.message_from_bytes(content, policy=email.policy.default)
        received = ReceivedMessage(
            mail_from=str(envelope.mail_from),
            rcpt_tos=tuple(str(address) for address in envelope.rcpt_tos),
            message=parsed,
        )
        with self.server.lock:
            self.server.messages.append(received)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[LocalSmtp]:
    """Start aiosmtpd on a free local port and route Django's mail to it."""
    server = LocalSmtp(host="127.0.0.1", port=_free_port())
    controller = Controller(_Collector(server), hostname=server.host, port=server.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    try:
        yield server
    finally:
        controller.stop()
