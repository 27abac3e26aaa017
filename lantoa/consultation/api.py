"""Consultations over /api/v1/consultations: the same reads and permissions as the pages.

Token holders are staff: they read the consultations of the organisations they reach (plus every
public one), every published comment, and their own organisations' held comments; they moderate
comments, create consultations, upload versions and add statements with the same rules as the
pages. A token holder votes on statements as the verified participant with their own e-mail
address (one vote per participant and statement, as on the page).
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import visible_organizations
from lantoa.consultation import actions
from lantoa.consultation.actions import moderate_comment
from lantoa.consultation.models import (
    Clause,
    Comment,
    CommentStatus,
    Consultation,
    DraftVersion,
    Statement,
    StatementVote,
)
from lantoa.consultation.queries import (
    consultation_opinion,
    participant_of,
    public_consultations,
    staff_consultations,
)
from lantoa.consultation.structure import split_text
from lantoa.consultation.survey_api import router as survey_router
from lantoa.core.api_pagination import ErrorOut, Pages

router = Router()
router.add_router("/surveys", survey_router)


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
    user = signed_in_user(request)
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


_ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ConsultationIn(Schema):
    owner_id: int
    title: str = Field(..., max_length=300)
    summary: str = ""
    opens_at: datetime
    closes_at: datetime
    text: str = Field(..., max_length=500_000, description="Toàn văn dự thảo (dán trực tiếp)")


class VersionIn(Schema):
    text: str = Field(..., max_length=500_000)


class VersionOut(Schema):
    id: int
    number: int
    clauses: int


def _version_out(version: DraftVersion) -> dict[str, int]:
    return {"id": version.pk, "number": version.number, "clauses": version.clauses.count()}


@router.post("/", response={201: ConsultationOut, **_ERRORS}, summary="Tạo cuộc lấy ý kiến")
def create_consultation(request: HttpRequest, payload: ConsultationIn) -> Status:
    user = signed_in_user(request)
    owner = visible_organizations(user).filter(pk=payload.owner_id).first()
    if owner is None or not isinstance(owner, Organization):
        return Status(404, {"detail": "Không tìm thấy đơn vị."})
    try:
        with transaction.atomic():
            consultation = actions.create_consultation(
                user,
                owner,
                title=payload.title,
                opens_at=payload.opens_at,
                closes_at=payload.closes_at,
                summary=payload.summary,
            )
            actions.add_version(user, consultation, split_text(payload.text), text=payload.text)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, consultation)


@router.post(
    "/{consultation_id}/versions",
    response={201: VersionOut, **_ERRORS},
    summary="Tải lên phiên bản dự thảo mới (góp ý được chuyển theo điều khoản)",
)
def add_version(request: HttpRequest, consultation_id: int, payload: VersionIn) -> Status:
    user = signed_in_user(request)
    consultation = get_object_or_404(_reachable(user), pk=consultation_id)
    try:
        version = actions.add_version(
            user, consultation, split_text(payload.text), text=payload.text
        )
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, _version_out(version))


class StatementOut(Schema):
    id: int
    text: str
    status: str
    agree: int
    disagree: int
    passes: int


class StatementIn(Schema):
    text: str = Field(..., max_length=300)


def _statements(user: User, consultation: Consultation) -> QuerySet[Statement]:
    shown = consultation.statements.all()
    if not staff_consultations(user).filter(pk=consultation.pk).exists():
        shown = shown.filter(status=CommentStatus.PUBLISHED)
    return shown.annotate(
        agree=Count("votes", filter=Q(votes__value=StatementVote.AGREE)),
        disagree=Count("votes", filter=Q(votes__value=StatementVote.DISAGREE)),
        passes=Count("votes", filter=Q(votes__value=StatementVote.PASS)),
    ).order_by("pk")


@router.get(
    "/{consultation_id}/statements",
    response=list[StatementOut],
    summary="Ý kiến ngắn để biểu quyết, kèm số phiếu",
)
@paginate(Pages)
def list_statements(request: HttpRequest, consultation_id: int) -> QuerySet[Statement]:
    consultation = get_object_or_404(_reachable(signed_in_user(request)), pk=consultation_id)
    return _statements(signed_in_user(request), consultation)


@router.post(
    "/{consultation_id}/statements",
    response={201: StatementOut, **_ERRORS},
    summary="Thêm ý kiến ngắn của cơ quan soạn thảo",
)
def add_statement(request: HttpRequest, consultation_id: int, payload: StatementIn) -> Status:
    user = signed_in_user(request)
    consultation = get_object_or_404(_reachable(user), pk=consultation_id)
    try:
        statement = actions.add_staff_statement(user, consultation, payload.text)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, _statements(user, consultation).get(pk=statement.pk))


class VoteIn(Schema):
    value: int = Field(..., ge=-1, le=1, description="1 đồng ý, -1 không đồng ý, 0 bỏ qua")


class VoteOut(Schema):
    statement_id: int
    value: int


@router.post(
    "/statements/{statement_id}/votes",
    response={201: VoteOut, 409: ErrorOut, **_ERRORS},
    summary="Biểu quyết một ý kiến (với tư cách người góp ý đã xác nhận cùng địa chỉ thư)",
)
def cast_vote(request: HttpRequest, statement_id: int, payload: VoteIn) -> Status:
    user = signed_in_user(request)
    statement = get_object_or_404(
        Statement.objects.filter(
            consultation__in=_reachable(user), status=CommentStatus.PUBLISHED
        ).select_related("consultation"),
        pk=statement_id,
    )
    participant = participant_of(user)
    if participant is None:
        return Status(403, {"detail": "Cần xác nhận địa chỉ thư điện tử trên trang dự thảo."})
    try:
        vote = actions.vote_statement(participant, statement, payload.value)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except actions.AlreadyVotedError as again:
        return Status(409, {"detail": str(again)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, vote)


class RepresentativeOut(Schema):
    statement_id: int
    text: str
    direction: str
    probability: float
    repness: float


class GroupOut(Schema):
    index: int
    size: int
    representatives: list[RepresentativeOut]


class ConsensusOut(Schema):
    statement_id: int
    text: str
    direction: str
    probability: float


class OpinionOut(Schema):
    participants: int
    k: int
    silhouette: float
    groups: list[GroupOut]
    consensus: list[ConsensusOut]


@router.get(
    "/{consultation_id}/opinion",
    response=OpinionOut,
    summary="Nhóm ý kiến: các nhóm, ý kiến đại diện và ý kiến đồng thuận",
)
def opinion(request: HttpRequest, consultation_id: int) -> dict[str, Any]:
    consultation = get_object_or_404(_reachable(signed_in_user(request)), pk=consultation_id)
    result = consultation_opinion(consultation)
    shown, report = result.statements, result.report
    groups = [
        {
            "index": g.index + 1,
            "size": len(g.members),
            "representatives": [
                {
                    "statement_id": shown[r.statement].pk,
                    "text": shown[r.statement].text,
                    "direction": r.direction,
                    "probability": r.probability,
                    "repness": r.repness,
                }
                for r in g.representatives
            ],
        }
        for g in (report.groups if report else ())
    ]
    consensus = [
        {
            "statement_id": shown[c.statement].pk,
            "text": shown[c.statement].text,
            "direction": c.direction,
            "probability": c.probability,
        }
        for c in (report.consensus if report else ())
    ]
    return {
        "participants": result.participants,
        "k": report.k if report else 0,
        "silhouette": report.silhouette if report else 0.0,
        "groups": groups,
        "consensus": consensus,
    }
