"""Reading a press question out of an e-mail (stdlib ``email``, no ORM).

Three shapes are understood, in this order: a forward that carries the journalist's message as
an attached ``message/rfc822`` part; an inline forward ("---------- Forwarded message ---------"
followed by ``From:``/``Subject:``/``Date:`` lines, as Gmail, Outlook and Thunderbird write it,
in English or Vietnamese); and a message the journalist wrote straight to the press mailbox.
"""

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

__all__ = ["MailedQuestion", "read_question_mail"]

_FORWARD_MARKER = re.compile(
    r"^[-\s>]*(?:-{3,}\s*)?(?:forwarded message|original message|begin forwarded message|"
    r"thư chuyển tiếp|thư được chuyển tiếp|thư gốc)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE = re.compile(
    r"^\s*>?\s*(from|từ|subject|tiêu đề|chủ đề|date|ngày|sent|gửi lúc|to|đến|cc)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_SUBJECT_PREFIX = re.compile(r"^\s*((fwd?|tv|chuyển tiếp|re|trả lời)\s*:\s*)+", re.IGNORECASE)
_KEYS = {
    "from": "from",
    "từ": "from",
    "subject": "subject",
    "tiêu đề": "subject",
    "chủ đề": "subject",
    "date": "date",
    "ngày": "date",
    "sent": "date",
    "gửi lúc": "date",
    "to": "to",
    "đến": "to",
    "cc": "cc",
}


@dataclass(frozen=True, slots=True)
class MailedQuestion:
    sender_name: str
    sender_email: str
    subject: str
    body: str
    message_id: str
    sent_at: datetime | None


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if part.get_content_type() == "text/html":
        content = re.sub(r"<br\s*/?>|</p>", "\n", content, flags=re.IGNORECASE)
        content = re.sub(r"<[^>]+>", "", content)
    return str(content).replace("\r\n", "\n").strip()


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def _clean_subject(subject: str) -> str:
    return _SUBJECT_PREFIX.sub("", " ".join(subject.split()))


def _attached(message: EmailMessage) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            if isinstance(inner, EmailMessage):
                return inner
    return None


def _inline(body: str) -> tuple[dict[str, str], str] | None:
    """The quoted headers and text of an inline forward, or None."""
    marker = _FORWARD_MARKER.search(body)
    if marker is None:
        return None
    lines = body[marker.end() :].lstrip("\n").split("\n")
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines):
        match = _HEADER_LINE.match(lines[index])
        if match:
            headers.setdefault(_KEYS[match.group(1).lower()], match.group(2).strip())
        elif lines[index].strip() and headers:
            break
        elif lines[index].strip() and not headers:
            return None
        index += 1
    if "from" not in headers:
        return None
    rest = "\n".join(line.removeprefix("> ").removeprefix(">") for line in lines[index:])
    return headers, rest.strip()


def read_question_mail(data: bytes) -> MailedQuestion:
    """The journalist's question in ``data`` (a raw e-mail); never raises on odd input."""
    outer = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(outer, EmailMessage)
    message_id = str(outer.get("Message-ID", "") or "").strip()[:255]
    inner = _attached(outer)
    if inner is not None:
        name, address = parseaddr(str(inner.get("From", "")))
        subject = str(inner.get("Subject", "") or outer.get("Subject", "") or "")
        body, sent = _text(inner), _date(inner.get("Date"))
    elif (forwarded := _inline(_text(outer))) is not None:
        headers, body = forwarded
        name, address = parseaddr(headers["from"])
        subject = headers.get("subject") or str(outer.get("Subject", "") or "")
        sent = _date(headers.get("date")) or _date(outer.get("Date"))
    else:
        name, address = parseaddr(str(outer.get("From", "")))
        subject, body, sent = (
            str(outer.get("Subject", "") or ""),
            _text(outer),
            _date(outer.get("Date")),
        )
    return MailedQuestion(
        sender_name=name.strip(),
        sender_email=address.strip().lower(),
        subject=_clean_subject(subject),
        body=body,
        message_id=message_id,
        sent_at=sent,
    )
