"""Writes to consultations go through these functions: they check permission and scoping, then write.

Staff writes take a ``User`` (agency staff of the owning organisation); citizen writes take a
verified :class:`Participant`. Every refusal raises ``PermissionDenied`` or ``ValueError`` and
changes nothing.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.analysis.storing import production_models
from lantoa.consultation.carry import carry_target, match_units
from lantoa.consultation.models import (
    Clause,
    ClauseReaction,
    Comment,
    CommentStatus,
    Consultation,
    DraftVersion,
    Participant,
    ResponseKind,
    Statement,
    StatementVote,
)
from lantoa.consultation.screening import screen
from lantoa.consultation.structure import Unit

__all__ = [
    "AlreadyVotedError",
    "ThrottledError",
    "add_staff_statement",
    "add_statement",
    "add_version",
    "create_consultation",
    "edit_clause",
    "moderate_comment",
    "post_comment",
    "react_to_clause",
    "request_verification",
    "set_report_published",
    "set_response",
    "verify_participant",
    "vote_statement",
]

COMMENT_LIMIT = 5  # comments per participant per window
COMMENT_WINDOW = timedelta(minutes=10)
TOKEN_LIFETIME = timedelta(hours=24)


class ThrottledError(ValueError):
    """Too many comments in a short time."""


class AlreadyVotedError(ValueError):
    """The participant has already voted on this statement."""


def _check_manager(user: User, consultation_owner: Organization, perm: str) -> None:
    if not (user.has_perm(perm) and can_manage(user, consultation_owner)):
        raise PermissionDenied(_("Bạn không có quyền với cuộc lấy ý kiến của đơn vị này."))


def create_consultation(
    user: User,
    owner: Organization,
    *,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    summary: str = "",
) -> Consultation:
    _check_manager(user, owner, "consultation.add_consultation")
    if not title.strip():
        raise ValueError(_("Cần tên dự thảo."))
    if closes_at <= opens_at:
        raise ValueError(_("Ngày kết thúc phải sau ngày mở lấy ý kiến."))
    return Consultation.objects.create(
        owner=owner,
        title=title.strip(),
        summary=summary,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=user,
    )


def _units(version: DraftVersion) -> list[Unit]:
    return [
        Unit(c.key, c.kind, c.number, c.heading, c.text, c.parent_key, c.position)
        for c in version.clauses.order_by("position")
    ]


def _carry(previous: DraftVersion, version: DraftVersion) -> None:
    old = _units(previous)
    matches = match_units(old, _units(version))
    new_by_key = {c.key: c for c in version.clauses.all()}
    for model in (Comment, ClauseReaction):
        for record in model.objects.filter(current_clause__version=previous).select_related(
            "current_clause"
        ):
            assert record.current_clause is not None
            target = carry_target(record.current_clause.key, old, matches)
            record.current_clause = new_by_key.get(target) if target else None
            record.save(update_fields=["current_clause"])


@transaction.atomic
def add_version(
    user: User,
    consultation: Consultation,
    units: list[Unit] | tuple[Unit, ...],
    *,
    text: str,
    source_name: str = "",
) -> DraftVersion:
    """Store a new draft version's units; comments and reactions move to the matching clauses."""
    _check_manager(user, consultation.owner, "consultation.change_consultation")
    if not any(unit.kind == "dieu" for unit in units):
        raise ValueError(
            _("Không tìm thấy điều nào trong dự thảo (cần dòng bắt đầu bằng “Điều 1.”).")
        )
    previous = consultation.current_version()
    version = DraftVersion.objects.create(
        consultation=consultation,
        number=(previous.number + 1) if previous else 1,
        text=text,
        source_name=source_name,
    )
    Clause.objects.bulk_create(
        Clause(
            version=version,
            key=u.key,
            kind=u.kind,
            number=u.number,
            heading=u.heading[:500],
            text=u.text,
            parent_key=u.parent_key,
            position=u.position,
        )
        for u in units
    )
    if previous is not None:
        _carry(previous, version)
    return version


def edit_clause(user: User, clause: Clause, *, heading: str, text: str) -> Clause:
    """Correct the automatic split of one unit (reviewing the structure)."""
    _check_manager(user, clause.version.consultation.owner, "consultation.change_consultation")
    clause.heading, clause.text = heading.strip()[:500], text.strip()
    clause.save(update_fields=["heading", "text"])
    return clause


def set_response(user: User, clause: Clause, *, kind: str, text: str) -> Clause:
    """Record the agency's answer to a clause's comments (tiếp thu / giải trình)."""
    _check_manager(user, clause.version.consultation.owner, "consultation.change_consultation")
    if kind not in ResponseKind.values:
        raise ValueError(_("Loại trả lời không hợp lệ."))
    clause.response_kind, clause.response_text = kind, text.strip()
    clause.save(update_fields=["response_kind", "response_text"])
    return clause


def set_report_published(user: User, consultation: Consultation, published: bool) -> None:
    _check_manager(user, consultation.owner, "consultation.change_consultation")
    consultation.report_published = published
    consultation.save(update_fields=["report_published"])


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_verification(email: str, display_name: str, organization_name: str = "") -> Participant:
    """Send a one-time link to ``email``; the participant may comment once they follow it."""
    email = email.strip().lower()
    if "@" not in email or not display_name.strip():
        raise ValueError(_("Cần địa chỉ thư điện tử hợp lệ và tên hiển thị."))
    token = secrets.token_urlsafe(24)
    participant, _created = Participant.objects.update_or_create(
        email=email,
        defaults={
            "display_name": display_name.strip()[:120],
            "organization_name": organization_name.strip()[:200],
            "token_digest": _digest(token),
            "token_expires_at": timezone.now() + TOKEN_LIFETIME,
        },
    )
    link = settings.LANTOA_PUBLIC_URL + reverse("consultation:verify", args=[token])
    send_mail(
        _("Xác nhận thư điện tử để góp ý dự thảo"),
        _(
            "Chào %(name)s,\n\nMở liên kết sau để xác nhận địa chỉ và gửi góp ý (hiệu lực 24 giờ):\n%(link)s\n"
        )
        % {"name": participant.display_name, "link": link},
        None,
        [email],
    )
    return participant


def verify_participant(token: str) -> Participant:
    """The participant the one-time ``token`` belongs to, now verified; the token is used up."""
    participant = Participant.objects.filter(
        token_digest=_digest(token), token_expires_at__gt=timezone.now()
    ).first()
    if participant is None:
        raise PermissionDenied(_("Liên kết xác nhận không hợp lệ hoặc đã hết hạn."))
    participant.verified_at = participant.verified_at or timezone.now()
    participant.token_digest = ""
    participant.save(update_fields=["verified_at", "token_digest"])
    return participant


def _check_participant(participant: Participant, consultation: Consultation) -> None:
    if participant.verified_at is None:
        raise PermissionDenied(_("Cần xác nhận thư điện tử trước khi góp ý."))
    if not consultation.is_open():
        raise PermissionDenied(_("Dự thảo không trong thời gian lấy ý kiến."))


def post_comment(
    participant: Participant,
    clause: Clause,
    body: str,
    *,
    passage: str = "",
    parent: Comment | None = None,
    as_organization: bool = False,
) -> Comment:
    """Post a comment on a clause of the current version (or a reply); screened before publishing."""
    consultation = clause.version.consultation
    _check_participant(participant, consultation)
    body = body.strip()
    if not body or len(body) > 5000:
        raise ValueError(_("Góp ý cần có nội dung, tối đa 5.000 ký tự."))
    if passage and passage.strip() not in clause.text:
        raise ValueError(_("Đoạn trích không có trong điều khoản."))
    if as_organization and not participant.organization_name:
        raise ValueError(_("Chưa khai báo tên tổ chức."))
    recent = Comment.objects.filter(
        participant=participant, created_at__gte=timezone.now() - COMMENT_WINDOW
    ).count()
    if recent >= COMMENT_LIMIT:
        raise ThrottledError(
            _("Bạn gửi quá nhiều góp ý trong thời gian ngắn; vui lòng thử lại sau.")
        )
    screening = screen(body, production_models())
    return Comment.objects.create(
        consultation=consultation,
        clause=clause,
        current_clause=clause,
        participant=participant,
        parent=parent,
        body=body,
        passage=passage.strip(),
        as_organization=as_organization,
        status=CommentStatus.HELD if screening.hold else CommentStatus.PUBLISHED,
        toxicity=screening.toxicity,
        sentiment=screening.sentiment,
        screening_reason=screening.reason,
    )


def react_to_clause(participant: Participant, clause: Clause, *, agree: bool) -> ClauseReaction:
    """Agree or disagree with a clause; a second reaction replaces the first."""
    _check_participant(participant, clause.version.consultation)
    reaction, _created = ClauseReaction.objects.update_or_create(
        clause=clause,
        participant=participant,
        defaults={"agree": agree, "current_clause": clause},
    )
    return reaction


def moderate_comment(user: User, comment: Comment, *, publish: bool, reason: str) -> Comment:
    """Approve or hide a comment with a reason; the author is told by e-mail."""
    _check_manager(user, comment.consultation.owner, "consultation.moderate_comment")
    if not reason.strip():
        raise ValueError(_("Cần nêu lý do kiểm duyệt."))
    comment.status = CommentStatus.PUBLISHED if publish else CommentStatus.HIDDEN
    comment.moderation_reason, comment.moderated_by = reason.strip(), user
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at"])
    outcome = _("được đăng") if publish else _("bị ẩn")
    send_mail(
        _("Kết quả kiểm duyệt góp ý của bạn"),
        _("Góp ý của bạn về dự thảo “%(title)s” đã %(outcome)s.\nLý do: %(reason)s\n")
        % {
            "title": comment.consultation.title,
            "outcome": outcome,
            "reason": comment.moderation_reason,
        },
        None,
        [comment.participant.email],
    )
    return comment


def add_statement(participant: Participant, consultation: Consultation, text: str) -> Statement:
    """A participant's own short statement for others to vote on (screened like comments)."""
    _check_participant(participant, consultation)
    text = text.strip()
    if not text or len(text) > 300:
        raise ValueError(_("Ý kiến cần có nội dung, tối đa 300 ký tự."))
    held = screen(text, production_models()).hold
    return Statement.objects.create(
        consultation=consultation,
        text=text,
        author=participant,
        status=CommentStatus.HELD if held else CommentStatus.PUBLISHED,
    )


def add_staff_statement(user: User, consultation: Consultation, text: str) -> Statement:
    _check_manager(user, consultation.owner, "consultation.change_consultation")
    if not text.strip():
        raise ValueError(_("Ý kiến cần có nội dung."))
    return Statement.objects.create(
        consultation=consultation, text=text.strip()[:300], status=CommentStatus.PUBLISHED
    )


def vote_statement(participant: Participant, statement: Statement, value: int) -> StatementVote:
    """One vote per participant and statement; a second vote is refused by the database."""
    _check_participant(participant, statement.consultation)
    if value not in (StatementVote.AGREE, StatementVote.DISAGREE, StatementVote.PASS):
        raise ValueError(_("Giá trị biểu quyết không hợp lệ."))
    try:
        with transaction.atomic():
            return StatementVote.objects.create(
                statement=statement, participant=participant, value=value
            )
    except IntegrityError:
        raise AlreadyVotedError(_("Bạn đã biểu quyết ý kiến này.")) from None
