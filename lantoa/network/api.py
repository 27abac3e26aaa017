"""/api/v1/network/: the directory, lists, releases, distribution reports, bounces, questions,
briefings.

Same permissions as the pages: reads through ``queries``, writes through ``actions``.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.core.api_calls import answer
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.network.actions import briefings, directory, distribution, questions, releases
from lantoa.network.models import Briefing, Channel, Contact, ContactKind, ListKind, Release
from lantoa.network.queries import (
    list_recipients,
    visible_briefings,
    visible_contacts,
    visible_lists,
    visible_questions,
    visible_releases,
)
from lantoa.network.tasks import send_briefing_invitations, send_release
from lantoa.network.vocabulary import from_tags

router = Router()

_ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _owner(user: User, owner_id: int | None) -> Organization:
    if owner_id is not None:
        return get_object_or_404(Organization, pk=owner_id)
    if user.organization is None:
        raise PermissionDenied("Tài khoản chưa thuộc đơn vị nào; hãy ghi rõ owner_id.")
    return user.organization


class ContactOut(Schema):
    id: int
    owner_id: int
    kind: str
    full_name: str
    title: str
    represents_id: int | None
    outlet_id: int | None
    beats: list[str]
    provinces: list[str]
    preferred_channel: str
    email: str
    phone: str
    notes: str
    consent: bool
    is_active: bool
    is_shared: bool

    @staticmethod
    def resolve_beats(contact: Contact) -> list[str]:
        return list(from_tags(contact.beats))

    @staticmethod
    def resolve_provinces(contact: Contact) -> list[str]:
        return list(from_tags(contact.provinces))


class ContactIn(Schema):
    owner_id: int | None = Field(None, description="Mặc định: đơn vị của người dùng")
    kind: ContactKind = ContactKind.JOURNALIST
    full_name: str = Field(..., min_length=1, max_length=255)
    title: str = Field("", max_length=255)
    outlet_id: int | None = None
    beats: list[str] = Field(default_factory=list, description="Mã lĩnh vực, ví dụ y-te")
    provinces: list[str] = Field(default_factory=list, description="Mã tỉnh, ví dụ HN")
    preferred_channel: Channel = Channel.EMAIL
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=32)
    notes: str = ""
    consent: bool = False
    is_active: bool = True
    is_shared: bool = False


class ContactPatch(Schema):
    full_name: str | None = Field(None, min_length=1, max_length=255)
    title: str | None = None
    beats: list[str] | None = None
    provinces: list[str] | None = None
    email: str | None = None
    phone: str | None = None
    notes: str | None = None
    consent: bool | None = None
    is_active: bool | None = None
    is_shared: bool | None = None


@router.get("/contacts", response=list[ContactOut], summary="Danh bạ: các đầu mối")
@paginate(Pages)
def list_contacts(
    request: HttpRequest, kind: str | None = None, beat: str | None = None, q: str | None = None
):
    contacts = visible_contacts(signed_in_user(request)).order_by("full_name", "id")
    if kind:
        contacts = contacts.filter(kind=kind)
    if beat:
        contacts = contacts.filter(beats__contains=f"|{beat}|")
    if q:
        contacts = contacts.filter(full_name__icontains=q)
    return contacts


@router.get("/contacts/{contact_id}", response=ContactOut, summary="Một đầu mối")
def get_contact(request: HttpRequest, contact_id: int) -> Contact:
    return get_object_or_404(visible_contacts(signed_in_user(request)), pk=contact_id)


@router.post("/contacts", response={201: ContactOut, **_ERRORS}, summary="Thêm đầu mối")
def post_contact(request: HttpRequest, payload: ContactIn) -> Status:
    user = signed_in_user(request)
    fields = payload.dict(exclude={"owner_id"})
    return answer(
        lambda: directory.create_contact(user, _owner(user, payload.owner_id), **fields), status=201
    )


@router.patch("/contacts/{contact_id}", response={200: ContactOut, **_ERRORS}, summary="Sửa")
def patch_contact(request: HttpRequest, contact_id: int, payload: ContactPatch) -> Status:
    user = signed_in_user(request)
    contact = get_object_or_404(visible_contacts(user), pk=contact_id)
    fields = payload.dict(exclude_none=True)
    return answer(lambda: directory.update_contact(user, contact, **fields))


class ListOut(Schema):
    id: int
    owner_id: int
    name: str
    kind: str
    is_shared: bool
    criteria: dict[str, Any]
    recipients: int

    @staticmethod
    def resolve_recipients(contact_list: Any) -> int:
        return list_recipients(contact_list).count()


class ListIn(Schema):
    owner_id: int | None = None
    name: str = Field(..., min_length=1, max_length=255)
    kind: ListKind = ListKind.DYNAMIC
    is_shared: bool = False
    criteria: dict[str, list[Any]] = Field(
        default_factory=dict, description="kinds, beats, provinces, outlet_ids"
    )
    member_ids: list[int] = Field(default_factory=list, description="Danh sách cố định")


@router.get("/lists", response=list[ListOut], summary="Danh sách nhận tin")
@paginate(Pages)
def list_lists(request: HttpRequest):
    return visible_lists(signed_in_user(request)).order_by("name", "id")


@router.post("/lists", response={201: ListOut, **_ERRORS}, summary="Tạo danh sách nhận tin")
def post_list(request: HttpRequest, payload: ListIn) -> Status:
    user = signed_in_user(request)

    def create() -> Any:
        created = directory.create_list(
            user,
            _owner(user, payload.owner_id),
            name=payload.name,
            kind=payload.kind,
            is_shared=payload.is_shared,
            criteria=payload.criteria,
        )
        if payload.kind == ListKind.STATIC:
            members = Contact.objects.filter(pk__in=payload.member_ids)
            directory.set_list_members(user, created, members)
        return created

    return answer(create, status=201)


class ReleaseOut(Schema):
    id: int
    owner_id: int
    title: str
    summary: str
    body: str
    topic: str
    embargo_until: datetime | None
    is_public: bool
    status: str
    slug: str
    created_by_id: int | None
    approved_by_id: int | None
    approved_at: datetime | None


class ReleaseIn(Schema):
    owner_id: int | None = None
    title: str = Field(..., min_length=1, max_length=500)
    summary: str = ""
    body: str = Field(..., min_length=1)
    topic: str = Field("", max_length=255)
    embargo_until: datetime | None = None
    is_public: bool = True


class ReleaseAction(Schema):
    action: str = Field(..., pattern="^(submit|approve|return|distribute|resend)$")
    list_ids: list[int] = Field(default_factory=list)


class ReportOut(Schema):
    total: int
    done: int
    percent: int
    by_status: dict[str, int]
    clicked: int
    acknowledged: int


@router.get("/releases", response=list[ReleaseOut], summary="Thông cáo báo chí")
@paginate(Pages)
def list_releases(request: HttpRequest, status: str | None = None):
    found = visible_releases(signed_in_user(request))
    return found.filter(status=status) if status else found


@router.get("/releases/{release_id}", response=ReleaseOut, summary="Một thông cáo")
def get_release(request: HttpRequest, release_id: int) -> Release:
    return get_object_or_404(visible_releases(signed_in_user(request)), pk=release_id)


@router.post("/releases", response={201: ReleaseOut, **_ERRORS}, summary="Soạn thông cáo")
def post_release(request: HttpRequest, payload: ReleaseIn) -> Status:
    user = signed_in_user(request)
    fields = payload.dict(exclude={"owner_id"})
    return answer(
        lambda: releases.create_release(user, _owner(user, payload.owner_id), **fields), status=201
    )


def _act(user: User, release: Release, payload: ReleaseAction) -> Release:
    if payload.action == "submit":
        return releases.submit_release(user, release)
    if payload.action == "approve":
        return releases.approve_release(user, release)
    if payload.action == "return":
        return releases.return_to_draft(user, release)
    if payload.action == "distribute":
        chosen = visible_lists(user).filter(pk__in=payload.list_ids)
        distribution.distribute_release(user, release, chosen)
    else:
        distribution.resend_release(user, release)
    transaction.on_commit(lambda: send_release.delay(release.pk))
    return release


@router.post(
    "/releases/{release_id}/actions",
    response={200: ReleaseOut, **_ERRORS},
    summary="Gửi duyệt, duyệt, trả lại, phát hành hoặc gửi lại một thông cáo",
)
def release_action(request: HttpRequest, release_id: int, payload: ReleaseAction) -> Status:
    user = signed_in_user(request)
    release = get_object_or_404(visible_releases(user), pk=release_id)
    return answer(lambda: _act(user, release, payload))


@router.get("/releases/{release_id}/report", response=ReportOut, summary="Báo cáo phát hành")
def release_report(request: HttpRequest, release_id: int) -> dict[str, Any]:
    release = get_object_or_404(visible_releases(signed_in_user(request)), pk=release_id)
    report = distribution.distribution_report(release)
    return {
        "total": report.total,
        "done": report.done,
        "percent": report.percent,
        "by_status": report.by_status,
        "clicked": report.clicked,
        "acknowledged": report.acknowledged,
    }


class BounceOut(Schema):
    outcome: str
    deliveries: list[int]


@router.post(
    "/bounces",
    response={200: BounceOut, 403: ErrorOut},
    summary="Nhận một thư báo trả lại (DSN, nội dung thô message/rfc822)",
)
def post_bounce(request: HttpRequest) -> Status:
    if not signed_in_user(request).has_perm("network.distribute_release"):
        return Status(403, {"detail": "Không có quyền."})
    outcome = distribution.record_bounce(request.body)
    return Status(200, {"outcome": outcome.outcome, "deliveries": list(outcome.deliveries)})


class QuestionOut(Schema):
    id: int
    owner_id: int
    assigned_unit_id: int | None
    journalist_id: int | None
    asker_name: str
    asker_outlet: str
    subject: str
    question: str
    channel: str
    received_at: datetime
    deadline: datetime
    status: str
    answer: str
    answered_at: datetime | None
    is_public: bool
    published_at: datetime | None
    briefing_id: int | None
    overdue: bool

    @staticmethod
    def resolve_overdue(question: Any) -> bool:
        return questions.is_overdue(question)


class QuestionIn(Schema):
    owner_id: int
    subject: str = Field(..., min_length=1, max_length=500)
    question: str = Field(..., min_length=1)
    asker_name: str = Field("", max_length=255)
    asker_outlet: str = Field("", max_length=255)


class QuestionAction(Schema):
    action: str = Field(..., pattern="^(accept|reject|assign|publish)$")
    unit_id: int | None = Field(None, description="Đơn vị được giao (action=assign)")


class MailOut(Schema):
    outcome: str
    question_id: int


class AnswerIn(Schema):
    answer: str = Field(..., min_length=1)
    is_public: bool = False


@router.get("/questions", response=list[QuestionOut], summary="Câu hỏi của báo chí")
@paginate(Pages)
def list_questions(request: HttpRequest, status: str | None = None):
    found = visible_questions(signed_in_user(request))
    return found.filter(status=status) if status else found


@router.post("/questions", response={201: QuestionOut, **_ERRORS}, summary="Gửi/ghi câu hỏi")
def post_question(request: HttpRequest, payload: QuestionIn) -> Status:
    user = signed_in_user(request)
    owner = get_object_or_404(Organization, pk=payload.owner_id)
    return answer(
        lambda: questions.register_question(
            user,
            owner,
            subject=payload.subject,
            question=payload.question,
            asker_name=payload.asker_name,
            asker_outlet=payload.asker_outlet,
        ),
        status=201,
    )


@router.post(
    "/questions/{question_id}/answer",
    response={200: QuestionOut, **_ERRORS},
    summary="Trả lời câu hỏi",
)
def answer_question(request: HttpRequest, question_id: int, payload: AnswerIn) -> Status:
    user = signed_in_user(request)
    question = get_object_or_404(visible_questions(user), pk=question_id)
    return answer(
        lambda: questions.answer_question(
            user, question, answer=payload.answer, is_public=payload.is_public
        )
    )


@router.post(
    "/questions/{question_id}/actions",
    response={200: QuestionOut, **_ERRORS},
    summary="Tiếp nhận, không tiếp nhận, giao đơn vị hoặc công bố câu trả lời",
)
def question_action(request: HttpRequest, question_id: int, payload: QuestionAction) -> Status:
    user = signed_in_user(request)
    question = get_object_or_404(visible_questions(user), pk=question_id)

    def act() -> Any:
        if payload.action == "accept":
            return questions.accept_question(user, question)
        if payload.action == "reject":
            return questions.reject_question(user, question)
        if payload.action == "publish":
            return questions.publish_question(user, question)
        unit = get_object_or_404(Organization, pk=payload.unit_id or 0)
        return questions.assign_question(user, question, unit)

    return answer(act)


@router.post(
    "/questions/email",
    response={201: MailOut, **_ERRORS},
    summary="Nhận một thư chuyển tiếp chứa câu hỏi (nội dung thô message/rfc822)",
)
def post_question_mail(request: HttpRequest, owner_id: int | None = None) -> Status:
    user = signed_in_user(request)

    def receive() -> dict[str, Any]:
        outcome = questions.receive_question_mail(_owner(user, owner_id), request.body, user=user)
        return {"outcome": outcome.outcome, "question_id": outcome.question_id}

    return answer(receive, status=201)


class BriefingOut(Schema):
    id: int
    owner_id: int
    title: str
    starts_at: datetime
    location: str
    materials: str
    invited_list_ids: list[int]
    attendee_ids: list[int]
    question_ids: list[int]
    files: list[str]
    invitations: dict[str, int]

    @staticmethod
    def resolve_invited_list_ids(briefing: Briefing) -> list[int]:
        return sorted(briefing.invited_lists.values_list("pk", flat=True))

    @staticmethod
    def resolve_attendee_ids(briefing: Briefing) -> list[int]:
        return sorted(briefing.attendees.values_list("pk", flat=True))

    @staticmethod
    def resolve_question_ids(briefing: Briefing) -> list[int]:
        return sorted(briefing.questions.values_list("pk", flat=True))

    @staticmethod
    def resolve_files(briefing: Briefing) -> list[str]:
        return list(briefing.files.values_list("name", flat=True))

    @staticmethod
    def resolve_invitations(briefing: Briefing) -> dict[str, int]:
        statuses = briefing.invitations.values_list("status", flat=True)
        counts: dict[str, int] = {}
        for status in statuses:
            counts[status] = counts.get(status, 0) + 1
        return counts


class BriefingIn(Schema):
    owner_id: int | None = None
    title: str = Field(..., min_length=1, max_length=500)
    starts_at: datetime
    location: str = Field("", max_length=255)
    materials: str = ""


class BriefingAction(Schema):
    action: str = Field(..., pattern="^(invite|resend|attendance|link)$")
    list_ids: list[int] = Field(default_factory=list, description="action=invite")
    contact_ids: list[int] = Field(default_factory=list, description="action=attendance")
    question_id: int | None = Field(None, description="action=link")


@router.get("/briefings", response=list[BriefingOut], summary="Họp báo")
@paginate(Pages)
def list_briefings(request: HttpRequest):
    return visible_briefings(signed_in_user(request))


@router.get("/briefings/{briefing_id}", response=BriefingOut, summary="Một buổi họp báo")
def get_briefing(request: HttpRequest, briefing_id: int) -> Briefing:
    return get_object_or_404(visible_briefings(signed_in_user(request)), pk=briefing_id)


@router.post("/briefings", response={201: BriefingOut, **_ERRORS}, summary="Lên lịch họp báo")
def post_briefing(request: HttpRequest, payload: BriefingIn) -> Status:
    user = signed_in_user(request)
    fields = payload.dict(exclude={"owner_id"})
    return answer(
        lambda: briefings.schedule_briefing(user, _owner(user, payload.owner_id), **fields),
        status=201,
    )


def _brief(user: User, briefing: Briefing, payload: BriefingAction) -> Briefing:
    if payload.action == "invite":
        chosen = visible_lists(user).filter(pk__in=payload.list_ids)
        briefings.invite_lists(user, briefing, chosen)
    elif payload.action == "resend":
        briefings.resend_failed_invitations(user, briefing)
    elif payload.action == "attendance":
        present = visible_contacts(user).filter(pk__in=payload.contact_ids)
        briefings.set_attendance(user, briefing, present)
        return briefing
    else:
        question = get_object_or_404(visible_questions(user), pk=payload.question_id or 0)
        briefings.link_question(user, briefing, question)
        return briefing
    transaction.on_commit(lambda: send_briefing_invitations.delay(briefing.pk))
    return briefing


@router.post(
    "/briefings/{briefing_id}/actions",
    response={200: BriefingOut, **_ERRORS},
    summary="Mời danh sách, gửi lại giấy mời lỗi, ghi người dự, gắn câu hỏi",
)
def briefing_action(request: HttpRequest, briefing_id: int, payload: BriefingAction) -> Status:
    user = signed_in_user(request)
    briefing = get_object_or_404(visible_briefings(user), pk=briefing_id)
    return answer(lambda: _brief(user, briefing, payload))
