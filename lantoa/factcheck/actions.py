"""Writes to tips and claims: each checks the permission and agency scoping, then writes and logs.

Every change to a claim adds a ``ClaimEvent`` (the audit log) in the same transaction.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.content.models import Item
from lantoa.factcheck import screening
from lantoa.factcheck.linking import match_tip
from lantoa.factcheck.models import (
    Category,
    Claim,
    ClaimEvent,
    ClaimItem,
    ClaimItemStatus,
    ClaimStatus,
    EventKind,
    Tip,
    TipChannel,
    Verdict,
)
from lantoa.factcheck.replies import reply_to_tipsters
from lantoa.monitoring.models import Alert

__all__ = [
    "TipInput",
    "add_evidence",
    "add_note",
    "assign_claim",
    "attach_tip",
    "confirm_item",
    "create_claim",
    "issue_verdict",
    "receive_tip",
    "set_due",
    "start_verification",
    "tip_from_alert",
]

MAX_TIP_TEXT = 5000


def _require(user: User, permission: str, owner: Organization) -> None:
    if not (user.is_active and user.has_perm(permission) and can_manage(user, owner)):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này cho đơn vị này."))


def _log(claim: Claim, kind: str, actor: User | None, text: str = "", **data: Any) -> None:
    ClaimEvent.objects.create(claim=claim, kind=kind, actor=actor, text=text, data=data)


@dataclass(frozen=True, kw_only=True)
class TipInput:
    text: str
    category: str = Category.OTHER
    link: str = ""
    contact_email: str = ""
    notify: bool = False


def _checked_upload(upload: UploadedFile) -> UploadedFile:
    head = upload.read(16)
    upload.seek(0)
    kind = screening.sniff_attachment(head, upload.size or 0)
    upload.name = f"tin-bao.{'jpg' if kind == 'jpeg' else kind}"
    return upload


def receive_tip(
    owner: Organization,
    spec: TipInput,
    *,
    channel: str = TipChannel.PUBLIC,
    user: User | None = None,
    screenshot: UploadedFile | None = None,
    item: Item | None = None,
) -> Tip:
    """Store a tip (public form, staff, API or monitoring) and match it against known claims.

    Staff and API tips need ``factcheck.add_tip`` on ``owner``; public tips are checked at the
    edge (rate limit, spam) by the caller. Raises ValueError / AttachmentRejected on bad input.
    """
    if channel != TipChannel.PUBLIC:
        if user is None:
            raise PermissionDenied(_("Cần đăng nhập."))
        _require(user, "factcheck.add_tip", owner)
    text = spec.text.strip()
    if len(text) < 10 or len(text) > MAX_TIP_TEXT:
        raise ValueError(_("Nội dung tin báo cần từ 10 đến 5.000 ký tự."))
    if spec.category not in Category.values:
        raise ValueError(_("Lĩnh vực không hợp lệ."))
    if spec.notify and not spec.contact_email:
        raise ValueError(_("Cần địa chỉ thư điện tử để nhận kết quả."))
    upload = _checked_upload(screenshot) if screenshot is not None else None
    tip = Tip.objects.create(
        owner=owner,
        channel=channel,
        category=spec.category,
        link=spec.link.strip(),
        text=text,
        contact_email=spec.contact_email.strip(),
        notify=spec.notify,
        created_by=user,
        item=item,
        **({"screenshot": upload} if upload else {}),
    )
    match_tip(tip)
    tip.refresh_from_db()
    if tip.claim is not None and tip.claim.published_at and tip.notify:
        transaction.on_commit(lambda: reply_to_tipsters.delay(tip.claim_id))
    return tip


def create_claim(
    user: User,
    owner: Organization,
    statement: str,
    *,
    category: str = Category.OTHER,
    from_tip: Tip | None = None,
) -> Claim:
    _require(user, "factcheck.add_claim", owner)
    if not statement.strip():
        raise ValueError(_("Nhận định không được để trống."))
    if category not in Category.values:
        raise ValueError(_("Lĩnh vực không hợp lệ."))
    with transaction.atomic():
        claim = Claim.objects.create(owner=owner, statement=statement.strip(), category=category)
        _log(claim, EventKind.CREATED, user, claim.statement)
        if from_tip is not None:
            _attach(user, from_tip, claim)
    return claim


def _attach(user: User, tip: Tip, claim: Claim) -> None:
    tip.claim, tip.suggested_claim = claim, None
    tip.save(update_fields=["claim", "suggested_claim"])
    _log(
        claim, EventKind.TIP_LINKED, user, _("Gắn tin báo #%(id)d.") % {"id": tip.pk}, tip_id=tip.pk
    )


def attach_tip(user: User, tip: Tip, claim: Claim) -> Tip:
    """A checker confirms (or makes) the link between a tip and a claim."""
    _require(user, "factcheck.change_tip", tip.owner)
    _require(user, "factcheck.change_claim", claim.owner)
    with transaction.atomic():
        _attach(user, tip, claim)
        if claim.published_at and tip.notify:
            transaction.on_commit(lambda: reply_to_tipsters.delay(claim.pk))
    return tip


def confirm_item(user: User, link: ClaimItem) -> ClaimItem:
    _require(user, "factcheck.change_claim", link.claim.owner)
    with transaction.atomic():
        link.status = ClaimItemStatus.LINKED
        link.save(update_fields=["status"])
        _log(link.claim, EventKind.ITEM_LINKED, user, item_id=link.item_id, score=link.score)
    return link


def start_verification(user: User, claim: Claim) -> Claim:
    _require(user, "factcheck.change_claim", claim.owner)
    changed = Claim.objects.filter(pk=claim.pk, status=ClaimStatus.NEW).update(
        status=ClaimStatus.IN_PROGRESS, updated_at=timezone.now()
    )
    if changed != 1:
        raise ValueError(_("Nhận định không còn ở trạng thái mới; tải lại trang."))
    _log(claim, EventKind.STATUS, user, str(ClaimStatus.IN_PROGRESS.label), status="in_progress")
    claim.refresh_from_db()
    return claim


def assign_claim(user: User, claim: Claim, assignee: User | None) -> Claim:
    _require(user, "factcheck.change_claim", claim.owner)
    if assignee is not None and not can_manage(assignee, claim.owner):
        raise ValueError(_("Người được phân công phải thuộc đơn vị quản lý nhận định."))
    with transaction.atomic():
        claim.assignee = assignee
        claim.save(update_fields=["assignee", "updated_at"])
        _log(
            claim,
            EventKind.ASSIGNED,
            user,
            str(assignee or "—"),
            assignee_id=assignee.pk if assignee else None,
        )
    return claim


def set_due(user: User, claim: Claim, due_at: datetime | None) -> Claim:
    _require(user, "factcheck.change_claim", claim.owner)
    if due_at is not None and timezone.is_naive(due_at):
        raise ValueError(_("Hạn xử lý phải có múi giờ."))
    with transaction.atomic():
        claim.due_at = due_at
        claim.save(update_fields=["due_at", "updated_at"])
        _log(claim, EventKind.DUE, user, due_at.isoformat() if due_at else "")
    return claim


def add_note(user: User, claim: Claim, text: str) -> ClaimEvent:
    _require(user, "factcheck.change_claim", claim.owner)
    if not text.strip():
        raise ValueError(_("Ghi chú không được để trống."))
    return ClaimEvent.objects.create(
        claim=claim, kind=EventKind.NOTE, actor=user, text=text.strip()
    )


def add_evidence(user: User, claim: Claim, url: str) -> Claim:
    _require(user, "factcheck.change_claim", claim.owner)
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise ValueError(_("Bằng chứng cần là đường dẫn http:// hoặc https://."))
    with transaction.atomic():
        claim.evidence = "\n".join([*claim.evidence_links, url])
        claim.save(update_fields=["evidence", "updated_at"])
        _log(claim, EventKind.EVIDENCE, user, url)
    return claim


def issue_verdict(user: User, claim: Claim, verdict: str, explanation: str) -> Claim:
    """Publish the verdict: the public page and feed show it, and tipsters who asked get mail."""
    _require(user, "factcheck.issue_verdict", claim.owner)
    if verdict not in Verdict.values:
        raise ValueError(_("Kết luận không hợp lệ."))
    if not explanation.strip():
        raise ValueError(_("Cần giải thích cho kết luận."))
    with transaction.atomic():
        claim.status, claim.verdict = ClaimStatus.VERDICT, verdict
        claim.explanation = explanation.strip()
        claim.published_at = claim.published_at or timezone.now()
        claim.save()
        _log(claim, EventKind.VERDICT, user, str(Verdict(verdict).label), verdict=verdict)
        transaction.on_commit(lambda: reply_to_tipsters.delay(claim.pk))
    return claim


def tip_from_alert(user: User, alert: Alert) -> Tip:
    """Turn a monitoring alert into a tip (channel "monitoring"), matched like any other."""
    item_id = (alert.data or {}).get("item_id")
    item = Item.objects.filter(pk=item_id).first() if isinstance(item_id, int) else None
    text = "\n".join(part for part in (alert.title, alert.detail) if part)
    if len(text) < 10 and item is not None:
        text = f"{item.title}\n{item.text[:2000]}"
    return receive_tip(
        alert.owner,
        TipInput(text=text),
        channel=TipChannel.MONITORING,
        user=user,
        item=item,
    )
