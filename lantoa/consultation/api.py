"""Consultations over /api/v1/consultations: the same reads and permissions as the pages.

Token holders are staff: they read the consultations of the organisations they reach (plus every
public one), every published comment, and their own organisations' held comments; they moderate
comments with the same rule as the moderation page.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import User
from lantoa.consultation.actions import moderate_comment
from lantoa.consultation.models import Clause, Comment, CommentStatus, Consultation
from lantoa.consultation.queries import public_consultations, staff_consultations
from lantoa.core.api_pagination import ErrorOut, Pages

router = Router()


class ConsultationOut(Schema):
    id: int
    title: str
    owner_id: int
    opens_at: datetime
    closes_at: datetime
    report_published: bool


class ClauseOut(Schema):
    id: int
    key: str
    kind: str
    number: str
    heading: str
    text: str
    response_kind: str
    response_text: str


class CommentOut(Schema):
    id: int
    clause_id: int
    current_clause_id: int | None
    parent_id: int | None
    author_name: str
    body: str
    passage: str
    status: str
    toxicity: str
    moderation_reason: str
    created_at: datetime


def _reachable(user: User) -> QuerySet[Consultation]:
    staff = staff_consultations(user).values("pk")
    public = public_consultations().values("pk")
    return Consultation.objects.filter(Q(pk__in=staff) | Q(pk__in=public))


def _comments(user: User, consultation: Consultation) -> QuerySet[Comment]:
    comments = consultation.comments.select_related("participant")
    if staff_consultations(user).filter(pk=consultation.pk).exists():
        return comments
    return comments.filter(status=CommentStatus.PUBLISHED)


@router.get("/", response=list[ConsultationOut], summary="Danh sách cuộc lấy ý kiến")
@paginate(Pages)
def list_consultations(request: HttpRequest) -> QuerySet[Consultation]:
    return _reachable(request.user).order_by("-opens_at", "-pk")  # type: ignore[arg-type]


@router.get("/{consultation_id}", response=ConsultationOut, summary="Một cuộc lấy ý kiến")
def get_consultation(request: HttpRequest, consultation_id: int) -> Consultation:
    return get_object_or_404(_reachable(request.user), pk=consultation_id)  # type: ignore[arg-type]


@router.get(
    "/{consultation_id}/clauses",
    response=list[ClauseOut],
    summary="Điều khoản của phiên bản dự thảo hiện hành",
)
@paginate(Pages)
def list_clauses(request: HttpRequest, consultation_id: int) -> QuerySet[Clause]:
    consultation = get_object_or_404(_reachable(request.user), pk=consultation_id)  # type: ignore[arg-type]
    version = consultation.current_version()
    return version.clauses.order_by("position") if version else Clause.objects.none()


@router.get(
    "/{consultation_id}/comments", response=list[CommentOut], summary="Góp ý của một dự thảo"
)
@paginate(Pages)
def list_comments(request: HttpRequest, consultation_id: int) -> QuerySet[Comment]:
    consultation = get_object_or_404(_reachable(request.user), pk=consultation_id)  # type: ignore[arg-type]
    return _comments(request.user, consultation).order_by("created_at", "pk")  # type: ignore[arg-type]


class ModerationIn(Schema):
    publish: bool
    reason: str


@router.post(
    "/comments/{comment_id}/moderation",
    response={200: CommentOut, 403: ErrorOut, 422: ErrorOut},
    summary="Đăng hoặc ẩn một góp ý (kèm lý do; người góp ý được báo qua thư điện tử)",
)
def moderate(request: HttpRequest, comment_id: int, payload: ModerationIn) -> Status:
    user: User = request.user  # type: ignore[assignment]
    comment = get_object_or_404(
        Comment.objects.filter(consultation__in=_reachable(user)), pk=comment_id
    )
    try:
        moderate_comment(user, comment, publish=payload.publish, reason=payload.reason)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(200, comment)
