"""Sending releases: one Delivery per (release, contact), claimed by a conditional UPDATE.

``distribute_release`` records who should receive a release (idempotent thanks to the unique
constraint); ``send_pending`` is what a worker runs. A worker claims a batch by stamping a fresh
``claim_id`` on rows that are PENDING, or SENDING with an expired claim (its worker died), sends
each message and marks the row SENT straight away, so a restarted worker never takes a row
another worker finished. Clicks, acknowledgements and bounces update the same rows.
"""

import mimetypes
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.network.actions._permissions import require
from lantoa.network.bounces import DELIVERY_HEADER, Bounce, message_id_for, parse_bounce
from lantoa.network.models import (
    ContactList,
    Delivery,
    DeliveryStatus,
    Release,
    ReleaseStatus,
)
from lantoa.network.queries import list_recipients

__all__ = [
    "BounceOutcome",
    "DistributionReport",
    "Files",
    "acknowledge",
    "distribute_release",
    "distribution_report",
    "public_base_url",
    "record_bounce",
    "record_click",
    "release_files",
    "resend_release",
    "send_pending",
]

CLAIM_SECONDS = 300
BATCH_SIZE = 200


def public_base_url() -> str:
    """Where recipients' links point (``LANTOA_PUBLIC_URL``, e.g. https://lantoa.example.gov.vn)."""
    return str(settings.LANTOA_PUBLIC_URL)


def distribute_release(user: User, release: Release, lists: Iterable[ContactList]) -> int:
    """Add a delivery for every recipient of ``lists`` not already reached; returns how many.

    Queue ``tasks.send_release`` after commit to send them.
    """
    require(user, "network.distribute_release", release.owner)
    if release.status != ReleaseStatus.APPROVED:
        raise ValueError(_("Chỉ gửi được thông cáo đã được duyệt."))
    recipients: dict[int, str] = {}
    for contact_list in lists:
        for pk, address in list_recipients(contact_list).values_list("pk", "email"):
            recipients.setdefault(pk, address)
    existing = set(release.deliveries.values_list("contact_id", flat=True))
    new = [
        Delivery(release=release, contact_id=pk, email=address)
        for pk, address in recipients.items()
        if pk not in existing
    ]
    Delivery.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    return len(new)


def resend_release(user: User, release: Release) -> int:
    """Queue again only the deliveries that did not arrive (failed or bounced), to the
    contact's current address; returns how many."""
    require(user, "network.distribute_release", release.owner)
    with transaction.atomic():
        retry = list(
            release.deliveries.select_for_update()
            .filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.BOUNCED])
            .select_related("contact")
        )
        for delivery in retry:
            delivery.email = delivery.contact.email or delivery.email
            delivery.status = DeliveryStatus.PENDING
            delivery.claim_id = ""
            delivery.claimed_until = None
            delivery.error = ""
        Delivery.objects.bulk_update(
            retry, ["email", "status", "claim_id", "claimed_until", "error"], batch_size=1000
        )
    return len(retry)


UNCERTAIN = (
    "Tiến trình gửi bị dừng giữa lúc gửi thư này: không rõ thư đã đến chưa, nên không tự gửi lại."
)


def _settle_uncertain(release_id: int, now: datetime) -> None:
    # An expired claim whose SMTP transaction had started may or may not have been delivered:
    # resending could duplicate it, so it becomes FAILED and a person decides ("gửi lại").
    Delivery.objects.filter(
        release_id=release_id,
        status=DeliveryStatus.SENDING,
        claimed_until__lt=now,
        sent_at__isnull=False,
    ).update(status=DeliveryStatus.FAILED, error=UNCERTAIN)


def _claim(release_id: int, now: datetime, limit: int) -> list[Delivery]:
    _settle_uncertain(release_id, now)
    claim_id = secrets.token_hex(8)
    claimable = Q(status=DeliveryStatus.PENDING) | Q(
        status=DeliveryStatus.SENDING, claimed_until__lt=now, sent_at__isnull=True
    )
    candidates = list(
        Delivery.objects.filter(claimable, release_id=release_id)
        .order_by("id")
        .values_list("pk", flat=True)[:limit]
    )
    if not candidates:
        return []
    # The conditional UPDATE is the claim: a row another worker took meanwhile no longer
    # matches ``claimable`` and stays theirs.
    Delivery.objects.filter(claimable, pk__in=candidates).update(
        status=DeliveryStatus.SENDING,
        claim_id=claim_id,
        claimed_until=now + timedelta(seconds=CLAIM_SECONDS),
        sent_at=None,
        attempts=F("attempts") + 1,
    )
    return list(
        Delivery.objects.filter(claim_id=claim_id, status=DeliveryStatus.SENDING)
        .select_related("contact")
        .order_by("id")
    )


@dataclass(frozen=True, slots=True)
class Files:
    """A release's attachments as sent: attached when they fit ``RELEASE_ATTACHMENT_MAX_BYTES``
    together, otherwise every one is a per-recipient download link instead."""

    attached: tuple[tuple[str, bytes, str], ...]
    linked: tuple[tuple[int, str], ...]


def release_files(release: Release) -> Files:
    attachments = list(release.attachments.order_by("id"))
    total = sum(attachment.file.size for attachment in attachments)
    if total > int(settings.RELEASE_ATTACHMENT_MAX_BYTES):
        return Files(attached=(), linked=tuple((a.pk, a.name) for a in attachments))
    attached = []
    for attachment in attachments:
        with attachment.file.open("rb") as handle:
            content = handle.read()
        kind = mimetypes.guess_type(attachment.name)[0] or "application/octet-stream"
        attached.append((attachment.name, content, kind))
    return Files(attached=tuple(attached), linked=())


def _message(
    release: Release, delivery: Delivery, connection: object, files: Files | None = None
) -> EmailMultiAlternatives:
    base = public_base_url()
    link = base + reverse("network:track", args=[delivery.token])
    acknowledge_link = base + reverse("network:acknowledge", args=[delivery.token])
    lines = [release.summary, "", release.body, "", _("Đọc trên trang báo chí: %s") % link]
    if release.embargo_until:
        when = timezone.localtime(release.embargo_until).strftime("%H:%M %d/%m/%Y")
        lines.insert(0, _("CẤM ĐĂNG TRƯỚC %s") % when + "\n")
    if files and files.linked:
        lines += ["", _("Tệp đính kèm (tải về):")]
        lines += [
            f"- {name}: {base}{reverse('network:recipient_attachment', args=[delivery.token, pk])}"
            for pk, name in files.linked
        ]
    lines += ["", _("Xác nhận đã nhận thông tin: %s") % acknowledge_link]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">") or "lantoa.local"
    return EmailMultiAlternatives(
        subject=_("[Thông cáo báo chí] %s") % release.title,
        body="\n".join(lines),
        to=[delivery.email],
        connection=connection,
        headers={
            DELIVERY_HEADER: delivery.token,
            "Message-ID": message_id_for(delivery.token, domain),
        },
        attachments=list(files.attached) if files else None,
    )


def _start(delivery: Delivery) -> None:
    """Record that the SMTP transaction is starting (``sent_at`` on a SENDING row)."""
    Delivery.objects.filter(pk=delivery.pk, claim_id=delivery.claim_id).update(
        sent_at=timezone.now()
    )


def _finish(delivery: Delivery, error: Exception | None) -> None:
    if error is None:
        fields: dict[str, object] = {"status": DeliveryStatus.SENT, "error": ""}
    else:
        fields = {"status": DeliveryStatus.FAILED, "sent_at": None, "error": str(error)[:500]}
    Delivery.objects.filter(pk=delivery.pk, claim_id=delivery.claim_id).update(**fields)


def send_pending(
    release_id: int,
    *,
    batch_size: int = BATCH_SIZE,
    now: Callable[[], datetime] = timezone.now,
    max_batches: int | None = None,
) -> int:
    """Send every claimable delivery of a release; returns how many were sent.

    Safe to run in several workers at once and to re-run after a crash: a row is only sent by
    the worker whose claim it carries, and marked SENT right after the SMTP server accepts it.
    """
    release = Release.objects.get(pk=release_id)
    files = release_files(release)
    sent = batches = 0
    connection = get_connection()
    with connection:
        while max_batches is None or batches < max_batches:
            claimed = _claim(release_id, now(), batch_size)
            if not claimed:
                break
            batches += 1
            for delivery in claimed:
                _start(delivery)
                try:
                    _message(release, delivery, connection, files).send()
                except Exception as error:
                    _finish(delivery, error)
                else:
                    _finish(delivery, None)
                    sent += 1
    return sent


@dataclass(frozen=True, slots=True)
class DistributionReport:
    total: int
    by_status: dict[str, int]
    clicked: int
    acknowledged: int

    @property
    def done(self) -> int:
        return self.total - self.by_status.get("pending", 0) - self.by_status.get("sending", 0)

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else self.done * 100 // self.total


def distribution_report(release: Release) -> DistributionReport:
    counts = dict(
        release.deliveries.order_by()
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    totals = release.deliveries.aggregate(
        clicked=Count("id", filter=Q(clicked_at__isnull=False)),
        acknowledged=Count("id", filter=Q(acknowledged_at__isnull=False)),
    )
    return DistributionReport(
        total=sum(counts.values()),
        by_status={status: counts.get(status, 0) for status in DeliveryStatus.values},
        clicked=totals["clicked"],
        acknowledged=totals["acknowledged"],
    )


def record_click(token: str) -> Delivery | None:
    """Count a click on a recipient's unique link; the first one sets ``clicked_at``."""
    delivery = Delivery.objects.filter(token=token).select_related("release").first()
    if delivery is None:
        return None
    moment = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(click_count=F("click_count") + 1)
    Delivery.objects.filter(pk=delivery.pk, clicked_at__isnull=True).update(clicked_at=moment)
    delivery.refresh_from_db()
    return delivery


def acknowledge(token: str) -> Delivery | None:
    delivery = Delivery.objects.filter(token=token).select_related("release").first()
    if delivery is None:
        return None
    Delivery.objects.filter(pk=delivery.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=timezone.now()
    )
    delivery.refresh_from_db()
    return delivery


@dataclass(frozen=True, slots=True)
class BounceOutcome:
    """``outcome``: ``bounced`` (rows marked), ``ignored`` (not a permanent failure) or
    ``unmatched`` (a failure Lantoa cannot tie to any delivery it sent)."""

    outcome: str
    deliveries: tuple[int, ...]


def _bounce_targets(bounce: Bounce) -> list[int]:
    if bounce.tokens:
        return list(Delivery.objects.filter(token__in=bounce.tokens).values_list("pk", flat=True))
    # No quoted headers: the latest delivery sent to each failed address.
    targets = []
    for address in bounce.recipients:
        latest = (
            Delivery.objects.filter(email=address, status=DeliveryStatus.SENT)
            .order_by("-sent_at", "-id")
            .values_list("pk", flat=True)
            .first()
        )
        if latest:
            targets.append(latest)
    return targets


def record_bounce(data: bytes) -> BounceOutcome:
    """Read one bounce e-mail and mark the delivery it reports BOUNCED."""
    bounce = parse_bounce(data)
    if bounce.action != "failed":
        return BounceOutcome(outcome="ignored", deliveries=())
    targets = _bounce_targets(bounce)
    if not targets:
        return BounceOutcome(outcome="unmatched", deliveries=())
    Delivery.objects.filter(pk__in=targets).update(
        status=DeliveryStatus.BOUNCED,
        bounced_at=timezone.now(),
        bounce_reason=bounce.diagnostic[:500],
    )
    return BounceOutcome(outcome="bounced", deliveries=tuple(targets))
