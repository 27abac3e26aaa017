"""Press questions under the spokesperson regime: registered, assigned, answered on time."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.network.actions._permissions import require
from lantoa.network.models import Contact, PressQuestion, QuestionChannel, QuestionStatus
from lantoa.network.queries import is_staff_member

__all__ = [
    "RESPONSE_WORKING_DAYS",
    "answer_question",
    "assign_question",
    "deadline_for",
    "is_overdue",
    "overdue_counts",
    "register_question",
]

# Default time to answer, in working days (Monday–Friday). Staff may set another deadline when
# a question is registered; public holidays are not modelled.
RESPONSE_WORKING_DAYS = 2


def deadline_for(received_at: datetime, working_days: int = RESPONSE_WORKING_DAYS) -> datetime:
    moment = timezone.localtime(received_at)
    remaining = working_days
    while remaining:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            remaining -= 1
    return moment


def _journalist_of(user: User) -> Contact | None:
    return Contact.objects.filter(user=user, is_active=True).first()


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
) -> PressQuestion:
    """A registered journalist asks through the public form; staff enter questions received
    by e-mail or in person for their own organisations."""
    if not subject.strip() or not question.strip():
        raise ValueError(_("Cần ghi vấn đề và nội dung câu hỏi."))
    received = received_at or timezone.now()
    fields: dict[str, object] = {}
    if is_staff_member(user):
        require(user, "network.add_pressquestion", owner)
        if not asker_name.strip():
            raise ValueError(_("Cần ghi tên người hỏi."))
        fields = {"channel": channel or QuestionChannel.STAFF}
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
        subject=subject.strip(),
        question=question.strip(),
        asker_name=asker_name.strip(),
        asker_outlet=asker_outlet.strip(),
        asker_email=asker_email,
        received_at=received,
        deadline=deadline or deadline_for(received),
        **fields,
    )


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
    if not answer.strip():
        raise ValueError(_("Nội dung trả lời không được để trống."))
    question.answer = answer.strip()
    question.is_public = is_public
    question.status = QuestionStatus.ANSWERED
    question.answered_at = timezone.now()
    question.answered_by = user
    question.save()
    return question


def is_overdue(question: PressQuestion, now: datetime | None = None) -> bool:
    """Open past its deadline, or answered after it."""
    if question.status == QuestionStatus.ANSWERED:
        return bool(question.answered_at and question.answered_at > question.deadline)
    return question.deadline < (now or timezone.now())


def overdue_counts(
    questions: QuerySet[PressQuestion], now: datetime | None = None
) -> dict[int, int]:
    """Overdue questions per organisation asked (owner id → count)."""
    moment = now or timezone.now()
    late = Q(status=QuestionStatus.OPEN, deadline__lt=moment) | Q(
        status=QuestionStatus.ANSWERED, answered_at__gt=F("deadline")
    )
    rows = questions.filter(late).order_by().values("owner_id").annotate(n=Count("id"))
    return {row["owner_id"]: row["n"] for row in rows}
