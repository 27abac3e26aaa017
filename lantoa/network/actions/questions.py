"""Press questions under the spokesperson regime: registered, assigned, answered on time,
published when public. Questions mailed in by unknown senders are held for staff review."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.core.workdays import is_working_day
from lantoa.network.actions._permissions import require
from lantoa.network.intake import read_question_mail
from lantoa.network.models import (
    Briefing,
    Contact,
    ContactKind,
    PressQuestion,
    QuestionChannel,
    QuestionStatus,
)
from lantoa.network.queries import is_staff_member

__all__ = [
    "MailOutcome",
    "OrganizationCount",
    "accept_question",
    "answer_question",
    "assign_question",
    "deadline_for",
    "is_overdue",
    "overdue_counts",
    "overdue_filter",
    "publish_question",
    "question_counts",
    "receive_question_mail",
    "register_question",
    "reject_question",
    "response_days",
]


def response_days() -> int:
    """The default time to answer, in working days (``PRESS_QUESTION_RESPONSE_DAYS``)."""
    return int(settings.PRESS_QUESTION_RESPONSE_DAYS)


def deadline_for(received_at: datetime, working_days: int | None = None) -> datetime:
    """``working_days`` working days (no weekends, no public holidays) after ``received_at``,
    same time of day."""
    moment = timezone.localtime(received_at)
    remaining = response_days() if working_days is None else working_days
    while remaining:
        moment += timedelta(days=1)
        if is_working_day(moment.date()):
            remaining -= 1
    return moment


def _journalist_of(user: User) -> Contact | None:
    return Contact.objects.filter(user=user, is_active=True).first()


def _check_text(subject: str, question: str) -> None:
    if not subject.strip() or not question.strip():
        raise ValueError(_("Cần ghi vấn đề và nội dung câu hỏi."))


def register_question(
    user: User,
    owner: Organization,
    *,
    subject: str,
    question: str,
    asker_name: str = "",
    asker_outlet: str = "",
    asker_email: str = "",
    channel: QuestionChannel | None = None,
    received_at: datetime | None = None,
    deadline: datetime | None = None,
    briefing: Briefing | None = None,
) -> PressQuestion:
    """A registered journalist asks through the public form; staff enter questions received
    by e-mail, by telephone or at a briefing for their own organisations."""
    _check_text(subject, question)
    received = received_at or timezone.now()
    fields: dict[str, object] = {}
    if is_staff_member(user):
        require(user, "network.add_pressquestion", owner)
        if not asker_name.strip():
            raise ValueError(_("Cần ghi tên người hỏi."))
        if briefing is not None and briefing.owner_id != owner.pk:
            raise ValueError(_("Buổi họp báo không thuộc cơ quan được hỏi."))
        fields = {"channel": channel or QuestionChannel.STAFF, "briefing": briefing}
    else:
        journalist = _journalist_of(user) if user.is_authenticated else None
        if journalist is None:
            raise PermissionDenied(_("Chỉ nhà báo đã đăng ký mới gửi được câu hỏi."))
        asker_name = journalist.full_name
        asker_outlet = journalist.outlet.name if journalist.outlet else asker_outlet
        asker_email = journalist.email
        fields = {"channel": QuestionChannel.WEB, "journalist": journalist}
        deadline = None  # only staff may set a deadline other than the default
    return PressQuestion.objects.create(
        owner=owner,
        subject=subject.strip()[:500],
        question=question.strip(),
        asker_name=asker_name.strip(),
        asker_outlet=asker_outlet.strip(),
        asker_email=asker_email,
        received_at=received,
        deadline=deadline or deadline_for(received),
        **fields,
    )


@dataclass(frozen=True, slots=True)
class MailOutcome:
    """``registered`` (sender is a known journalist), ``held`` (unknown sender: waits for
    staff review) or ``duplicate`` (this message was already imported)."""

    outcome: str
    question_id: int


def _journalist_by_address(address: str) -> Contact | None:
    if not address:
        return None
    return (
        Contact.objects.filter(
            email__iexact=address,
            is_active=True,
            kind__in=[ContactKind.JOURNALIST, ContactKind.EDITOR],
        )
        .select_related("outlet")
        .order_by(F("user_id").desc(nulls_last=True), "id")
        .first()
    )


def receive_question_mail(
    owner: Organization, data: bytes, *, user: User | None = None
) -> MailOutcome:
    """Register the question in a forwarded e-mail to ``owner``; never drops one.

    ``user`` is checked when given (the API); the command runs as the mailbox itself. A message
    already imported (same Message-ID for the same organisation) is not registered twice.
    """
    if user is not None:
        require(user, "network.add_pressquestion", owner)
    mail = read_question_mail(data)
    if mail.message_id:
        known = PressQuestion.objects.filter(owner=owner, message_id=mail.message_id).first()
        if known is not None:
            return MailOutcome("duplicate", known.pk)
    journalist = _journalist_by_address(mail.sender_email)
    received = mail.sent_at or timezone.now()
    subject = mail.subject or _("(không có tiêu đề)")
    fields: dict[str, object] = {
        "owner": owner,
        "channel": QuestionChannel.EMAIL,
        "subject": subject[:500],
        "question": mail.body or subject,
        "asker_email": mail.sender_email[:254],
        "received_at": received,
        "deadline": deadline_for(received),
        "message_id": mail.message_id,
    }
    if journalist is not None:
        fields |= {
            "journalist": journalist,
            "asker_name": journalist.full_name,
            "asker_outlet": journalist.outlet.name if journalist.outlet else "",
            "status": QuestionStatus.OPEN,
        }
    else:
        name = mail.sender_name or mail.sender_email or _("Người gửi không rõ")
        fields |= {"asker_name": name[:255], "status": QuestionStatus.HELD}
    try:
        with transaction.atomic():
            question = PressQuestion.objects.create(**fields)
    except IntegrityError:  # the same message imported concurrently
        known = PressQuestion.objects.get(owner=owner, message_id=mail.message_id)
        return MailOutcome("duplicate", known.pk)
    return MailOutcome("registered" if journalist else "held", question.pk)


def _move(question: PressQuestion, expected: str, **fields: object) -> PressQuestion:
    # Conditional UPDATE: two people acting on the same question at once act once.
    changed = PressQuestion.objects.filter(pk=question.pk, status=expected).update(**fields)
    if changed != 1:
        raise ValueError(_("Câu hỏi không còn ở trạng thái này; tải lại trang."))
    question.refresh_from_db()
    return question


def accept_question(user: User, question: PressQuestion) -> PressQuestion:
    """A held e-mail question is a real press question: it enters the normal workflow, its
    deadline still counted from when it was received."""
    require(user, "network.add_pressquestion", question.owner)
    return _move(question, QuestionStatus.HELD, status=QuestionStatus.OPEN)


def reject_question(user: User, question: PressQuestion) -> PressQuestion:
    """A held message that is not a press question (spam, a citizen's complaint…): kept, and
    marked so it is neither answered nor counted as overdue."""
    require(user, "network.add_pressquestion", question.owner)
    return _move(question, QuestionStatus.HELD, status=QuestionStatus.REJECTED)


def _require_handler(user: User, question: PressQuestion) -> None:
    if not user.has_perm("network.change_pressquestion") or not (
        can_manage(user, question.owner) or can_manage(user, question.assigned_unit)
    ):
        raise PermissionDenied(_("Bạn không có quyền xử lý câu hỏi này."))


def assign_question(user: User, question: PressQuestion, unit: Organization) -> PressQuestion:
    require(user, "network.change_pressquestion", question.owner)
    if not unit.path.startswith(question.owner.path):
        raise ValueError(_("Chỉ giao cho đơn vị thuộc cơ quan được hỏi."))
    question.assigned_unit = unit
    question.save(update_fields=["assigned_unit"])
    return question


def answer_question(
    user: User, question: PressQuestion, *, answer: str, is_public: bool
) -> PressQuestion:
    _require_handler(user, question)
    if question.status in (QuestionStatus.HELD, QuestionStatus.REJECTED):
        raise ValueError(_("Câu hỏi chưa được tiếp nhận."))
    if not answer.strip():
        raise ValueError(_("Nội dung trả lời không được để trống."))
    now = timezone.now()
    question.answer = answer.strip()
    question.status = QuestionStatus.ANSWERED
    question.answered_at = question.answered_at or now
    question.answered_by = user
    if is_public and not question.is_public:
        question.published_at = now
    question.is_public = is_public
    question.save()
    return question


def publish_question(user: User, question: PressQuestion) -> PressQuestion:
    """Put an answered question and its answer on the organisation's public press page."""
    _require_handler(user, question)
    return _move(
        question,
        QuestionStatus.ANSWERED,
        is_public=True,
        published_at=F("published_at") if question.is_public else timezone.now(),
    )


def overdue_filter(moment: datetime) -> Q:
    """Waiting (held or open) past the deadline, or answered after it."""
    return Q(status__in=[QuestionStatus.OPEN, QuestionStatus.HELD], deadline__lt=moment) | Q(
        status=QuestionStatus.ANSWERED, answered_at__gt=F("deadline")
    )


def is_overdue(question: PressQuestion, now: datetime | None = None) -> bool:
    """Waiting past its deadline, or answered after it."""
    if question.status == QuestionStatus.ANSWERED:
        return bool(question.answered_at and question.answered_at > question.deadline)
    if question.status == QuestionStatus.REJECTED:
        return False
    return question.deadline < (now or timezone.now())


def overdue_counts(
    questions: QuerySet[PressQuestion], now: datetime | None = None
) -> dict[int, int]:
    """Overdue questions per organisation asked (owner id → count)."""
    rows = (
        questions.filter(overdue_filter(now or timezone.now()))
        .order_by()
        .values("owner_id")
        .annotate(n=Count("id"))
    )
    return {row["owner_id"]: row["n"] for row in rows}


@dataclass(frozen=True, slots=True)
class OrganizationCount:
    owner_id: int
    owner_name: str
    total: int
    waiting: int
    overdue: int


def question_counts(
    questions: QuerySet[PressQuestion], now: datetime | None = None
) -> list[OrganizationCount]:
    """Per organisation asked: all questions, those waiting (held or open), those overdue."""
    waiting = Q(status__in=[QuestionStatus.OPEN, QuestionStatus.HELD])
    rows = (
        questions.order_by()
        .values("owner_id", "owner__name")
        .annotate(
            total=Count("id"),
            waiting=Count("id", filter=waiting),
            overdue=Count("id", filter=overdue_filter(now or timezone.now())),
        )
        .order_by("-overdue", "owner__name")
    )
    return [
        OrganizationCount(r["owner_id"], r["owner__name"], r["total"], r["waiting"], r["overdue"])
        for r in rows
    ]
