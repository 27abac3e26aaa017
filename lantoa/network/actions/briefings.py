"""Press conferences and briefings: scheduled, invitations sent to contact lists (once per
recipient), attendance recorded, questions asked there linked with their answers."""

import secrets
from collections.abc import Iterable
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.network.actions._permissions import require
from lantoa.network.models import (
    Briefing,
    BriefingMaterial,
    Contact,
    ContactList,
    DeliveryStatus,
    Invitation,
    PressQuestion,
)
from lantoa.network.queries import list_recipients

__all__ = [
    "add_material",
    "attendance_candidates",
    "invite_lists",
    "link_question",
    "resend_failed_invitations",
    "schedule_briefing",
    "send_invitations",
    "set_attendance",
]


def schedule_briefing(
    user: User,
    owner: Organization,
    *,
    title: str,
    starts_at: datetime,
    location: str = "",
    materials: str = "",
) -> Briefing:
    require(user, "network.add_briefing", owner)
    if not title.strip():
        raise ValueError(_("Cần ghi chủ đề buổi họp báo."))
    if timezone.is_naive(starts_at):
        raise ValueError(_("Thời gian họp báo phải có múi giờ."))
    return Briefing.objects.create(
        owner=owner,
        title=title.strip()[:500],
        starts_at=starts_at,
        location=location.strip()[:255],
        materials=materials.strip(),
    )


def add_material(user: User, briefing: Briefing, upload: UploadedFile) -> BriefingMaterial:
    require(user, "network.change_briefing", briefing.owner)
    name = (upload.name or "tai-lieu")[:255]
    return BriefingMaterial.objects.create(briefing=briefing, file=upload, name=name)


def invite_lists(user: User, briefing: Briefing, lists: Iterable[ContactList]) -> int:
    """Record an invitation for every recipient of ``lists`` not yet invited; returns how many.

    Queue ``tasks.send_briefing_invitations`` after commit to send them.
    """
    require(user, "network.change_briefing", briefing.owner)
    recipients: dict[int, str] = {}
    chosen = list(lists)
    for contact_list in chosen:
        for pk, address in list_recipients(contact_list).values_list("pk", "email"):
            recipients.setdefault(pk, address)
    briefing.invited_lists.add(*chosen)
    existing = set(briefing.invitations.values_list("contact_id", flat=True))
    new = [
        Invitation(briefing=briefing, contact_id=pk, email=address)
        for pk, address in recipients.items()
        if pk not in existing
    ]
    Invitation.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    return len(new)


def resend_failed_invitations(user: User, briefing: Briefing) -> int:
    require(user, "network.change_briefing", briefing.owner)
    return briefing.invitations.filter(status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, claim_id="", error=""
    )


def _invitation(briefing: Briefing, invitation: Invitation, connection: object) -> EmailMessage:
    when = timezone.localtime(briefing.starts_at).strftime("%H:%M %d/%m/%Y")
    lines = [
        _("%(org)s trân trọng kính mời quý cơ quan báo chí dự họp báo.")
        % {"org": briefing.owner.name},
        "",
        _("Chủ đề: %s") % briefing.title,
        _("Thời gian: %s") % when,
    ]
    if briefing.location:
        lines.append(_("Địa điểm: %s") % briefing.location)
    if briefing.materials:
        lines += ["", briefing.materials]
    message = EmailMessage(
        subject=_("[Giấy mời họp báo] %s") % briefing.title,
        body="\n".join(lines),
        to=[invitation.email],
        connection=connection,
    )
    return message


def send_invitations(briefing_id: int) -> int:
    """Send every pending invitation of a briefing; returns how many were sent.

    Each row is claimed by a conditional UPDATE (PENDING → SENDING with this run's claim id)
    before its message goes out, so two runs never mail the same person. A row left SENDING
    by a run that died is not resent automatically (it may have arrived): it stays visible.
    """
    briefing = Briefing.objects.select_related("owner").get(pk=briefing_id)
    claim_id = secrets.token_hex(8)
    Invitation.objects.filter(briefing=briefing, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING, claim_id=claim_id
    )
    sent = 0
    connection = get_connection()
    with connection:
        for invitation in Invitation.objects.filter(claim_id=claim_id).order_by("id"):
            mine = Invitation.objects.filter(pk=invitation.pk, claim_id=claim_id)
            try:
                _invitation(briefing, invitation, connection).send()
            except Exception as error:
                mine.update(status=DeliveryStatus.FAILED, error=str(error)[:500])
            else:
                mine.update(status=DeliveryStatus.SENT, sent_at=timezone.now())
                sent += 1
    return sent


def set_attendance(user: User, briefing: Briefing, contacts: Iterable[Contact]) -> int:
    """Record who came: invited contacts or others in the organisation's reach."""
    require(user, "network.change_briefing", briefing.owner)
    present = list(contacts)
    briefing.attendees.set(present)
    return len(present)


def link_question(user: User, briefing: Briefing, question: PressQuestion) -> PressQuestion:
    """Record that ``question`` was asked at ``briefing`` (both of the same organisation)."""
    require(user, "network.change_briefing", briefing.owner)
    if question.owner_id != briefing.owner_id:
        raise ValueError(_("Câu hỏi không thuộc cơ quan tổ chức họp báo."))
    question.briefing = briefing
    question.save(update_fields=["briefing"])
    return question


def attendance_candidates(briefing: Briefing) -> Q:
    """Contacts that may be marked present: the invited ones and those already marked."""
    return Q(invitations__briefing=briefing) | Q(briefings_attended=briefing)
