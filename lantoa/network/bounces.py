"""Reading bounce messages (RFC 3464 delivery status notifications), no ORM.

Lantoa marks each message with an ``X-Lantoa-Delivery`` header and a Message-ID built from the
delivery's token, so a DSN that quotes the original headers names the delivery exactly. When it
does not, the failed recipient addresses are returned instead.
"""

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message

__all__ = ["DELIVERY_HEADER", "Bounce", "message_id_for", "parse_bounce"]

DELIVERY_HEADER = "X-Lantoa-Delivery"
_MESSAGE_ID = re.compile(r"<lantoa\.([A-Za-z0-9_-]+)@")
_HEADER = re.compile(rf"^{DELIVERY_HEADER}:\s*([A-Za-z0-9_-]+)", re.MULTILINE | re.IGNORECASE)


def message_id_for(token: str, domain: str) -> str:
    return f"<lantoa.{token}@{domain}>"


@dataclass(frozen=True, slots=True)
class Bounce:
    """``action`` is ``failed`` (permanent), ``delayed`` (still trying) or ``none`` (no DSN)."""

    action: str
    tokens: tuple[str, ...]
    recipients: tuple[str, ...]
    diagnostic: str


def _status_fields(message: Message) -> list[dict[str, str]]:
    fields: list[dict[str, str]] = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        blocks = payload if isinstance(payload, list) else [part]
        for block in blocks:
            if isinstance(block, Message):
                fields.append({key.lower(): str(v) for key, v in block.items()})
    return fields


def _tokens(raw: str) -> tuple[str, ...]:
    found = _HEADER.findall(raw) + _MESSAGE_ID.findall(raw)
    return tuple(dict.fromkeys(found))


def parse_bounce(data: bytes) -> Bounce:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    statuses = [f for f in _status_fields(message) if "action" in f]
    if not statuses:
        return Bounce(action="none", tokens=(), recipients=(), diagnostic="")
    actions = {f["action"].strip().lower() for f in statuses}
    action = "failed" if "failed" in actions else ("delayed" if "delayed" in actions else "none")
    recipients = tuple(
        f["final-recipient"].split(";")[-1].strip().lower()
        for f in statuses
        if f.get("action", "").strip().lower() == "failed" and "final-recipient" in f
    )
    diagnostic = next(
        (f.get("diagnostic-code") or f.get("status", "") for f in statuses), ""
    ).strip()
    raw = data.decode("utf-8", errors="replace")
    return Bounce(action=action, tokens=_tokens(raw), recipients=recipients, diagnostic=diagnostic)
