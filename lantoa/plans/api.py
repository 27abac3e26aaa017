"""Plans in the JSON API, with the same permissions as the pages: the actions decide.

``PermissionDenied`` → 403, ``ValueError`` → 422, a record outside the user's reach → 404.
"""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import visible_organizations
from lantoa.core.api_calls import answer
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.monitoring.models import Topic
from lantoa.monitoring.queries import visible_topics
from lantoa.plans import actions
from lantoa.plans.budget import BudgetFigures, BudgetSummary
from lantoa.plans.models import (
    Activity,
    ActivityStatus,
    Audience,
    Channel,
    CommissionStatus,
    Employment,
    FundingSource,
    Plan,
    PlanStatus,
    PolicyStage,
    PolicyType,
)
from lantoa.plans.queries import (
    compliance_board,
    plan_budget,
    visible_activities,
    visible_commissions,
    visible_plans,
    visible_policies,
    visible_staff,
    visible_trainings,
)
from lantoa.plans.workflow import Move

router = Router()


def _responses(code: int, schema: Any) -> dict[int, Any]:
    return {code: schema, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


VND = Field(..., ge=0, le=10**15, description="Số tiền nguyên đồng (VND)")


# Schemas


class PolicyOut(Schema):
    id: int
    organization_id: int
    title: str
    type: str
    lead_agency: str
    stage: str
    drafting_started_on: date | None
    consultation_until: date | None
    issued_on: date | None
    effective_on: date | None
    monitoring_topic_id: int | None


class PolicyIn(Schema):
    organization_id: int
    title: str = Field(..., max_length=500)
    type: PolicyType
    lead_agency: str = Field(..., max_length=255)
    stage: PolicyStage = PolicyStage.PLANNING
    drafting_started_on: date | None = None
    consultation_until: date | None = None
    issued_on: date | None = None
    effective_on: date | None = None
    monitoring_topic_id: int | None = Field(
        None, description="Chủ đề theo dõi (chỉ chủ đề người dùng xem được)"
    )


class PolicyPatch(Schema):
    monitoring_topic_id: int | None = Field(
        ..., description="Chủ đề theo dõi gắn với chính sách; null để bỏ gắn"
    )


class PlanOut(Schema):
    id: int
    organization_id: int
    year: int
    title: str
    summary: str
    status: str
    policy_ids: list[int]
    document_number: str
    document_date: date | None
    has_signed_file: bool
    submitted_at: datetime | None
    approved_at: datetime | None
    approved_by_id: int | None

    @staticmethod
    def resolve_policy_ids(plan: Plan) -> list[int]:
        return [p.pk for p in plan.policies.all()]

    @staticmethod
    def resolve_has_signed_file(plan: Plan) -> bool:
        return bool(plan.signed_file)


class PlanIn(Schema):
    organization_id: int
    year: int = Field(..., ge=2000, le=2100)
    title: str = Field(..., max_length=500)
    summary: str = ""
    policy_ids: list[int] = []


class PlanPatch(Schema):
    year: int | None = Field(None, ge=2000, le=2100)
    title: str | None = Field(None, max_length=500)
    summary: str | None = None
    policy_ids: list[int] | None = None


class TransitionIn(Schema):
    move: Move
    document_number: str = Field("", max_length=64)
    document_date: date | None = None


class ActivityOut(Schema):
    id: int
    plan_id: int
    policy_id: int | None
    stage: str
    title: str
    objective: str
    audiences: list[str]
    channels: list[str]
    messages: str
    responsible_unit: str
    responsible_person: str
    starts_on: date
    ends_on: date
    status: str
    overdue: bool

    @staticmethod
    def resolve_overdue(activity: Activity) -> bool:
        return activity.is_overdue(timezone.localdate())


class ActivityIn(Schema):
    title: str = Field(..., max_length=500)
    stage: PolicyStage
    policy_id: int | None = None
    objective: str = ""
    audiences: list[Audience] = []
    channels: list[Channel] = []
    messages: str = ""
    responsible_unit: str = Field("", max_length=255)
    responsible_person: str = Field("", max_length=255)
    starts_on: date
    ends_on: date


class ActivityPatch(Schema):
    status: ActivityStatus | None = None


class BudgetLineIn(Schema):
    funding_source: FundingSource
    quarter: int = Field(..., ge=1, le=4)
    planned: int = VND
    committed: int = Field(0, ge=0, le=10**15)
    spent: int = Field(0, ge=0, le=10**15)


class BudgetLineOut(Schema):
    id: int
    activity_id: int
    funding_source: str
    quarter: int
    planned: int
    committed: int
    spent: int


class FiguresOut(Schema):
    planned: int
    committed: int
    spent: int
    remaining: int
    over_budget: bool


class BudgetOut(Schema):
    total: FiguresOut
    by_activity: dict[int, FiguresOut]
    by_source: dict[str, FiguresOut]
    by_quarter: dict[int, FiguresOut]


class OutputIn(Schema):
    url: str = Field("", max_length=2000)
    title: str = Field("", max_length=500)
    item_id: int | None = None


class OutputOut(Schema):
    id: int
    activity_id: int
    url: str
    title: str
    item_id: int | None


class ComplianceRowOut(Schema):
    organization_id: int
    organization_name: str
    organization_type: str
    plan_id: int | None
    plan_status: str | None
    issued: bool
    document_number: str
    document_date: date | None
    on_time: bool | None


class GroupCountOut(Schema):
    organization_type: str
    issued: int
    total: int
    on_time: int
    late: int


class ComplianceOut(Schema):
    parent_id: int
    year: int
    deadline: date
    counts: list[GroupCountOut]
    rows: list[ComplianceRowOut]


class CommissionOut(Schema):
    id: int
    organization_id: int
    outlet: str
    plan_id: int | None
    scope: str
    deliverables: int
    delivered: int
    value: int
    starts_on: date
    ends_on: date
    status: str
    acceptance_number: str
    accepted_on: date | None

    @staticmethod
    def resolve_delivered(commission: Any) -> int:
        return int(commission.deliveries.count())


class CommissionIn(Schema):
    organization_id: int
    outlet: str = Field(..., max_length=255)
    plan_id: int | None = None
    scope: str
    deliverables: int = Field(..., ge=1)
    value: int = VND
    starts_on: date
    ends_on: date
    status: CommissionStatus = CommissionStatus.DRAFT


class DeliveryIn(Schema):
    url: str = Field("", max_length=2000)
    item_id: int | None = None
    title: str = Field("", max_length=1000)
    delivered_on: date | None = None


class DeliveryOut(Schema):
    id: int
    commission_id: int
    url: str
    title: str
    item_id: int | None
    delivered_on: date | None


class AcceptanceIn(Schema):
    number: str = Field(..., max_length=64)
    on: date
    note: str = ""


class StaffOut(Schema):
    id: int
    organization_id: int
    full_name: str
    position: str
    employment: str
    qualifications: str
    is_active: bool


class StaffIn(Schema):
    organization_id: int
    full_name: str = Field(..., max_length=255)
    position: str = Field("", max_length=255)
    employment: Employment
    qualifications: str = ""


class ParticipantIn(Schema):
    staff_id: int
    certificate: str = Field("", max_length=64)


class TrainingIn(Schema):
    organization_id: int
    course: str = Field(..., max_length=500)
    held_on: date
    organiser: str = Field(..., max_length=255)
    participants: list[ParticipantIn] = []


class TrainingOut(Schema):
    id: int
    organization_id: int
    course: str
    held_on: date
    organiser: str
    participant_ids: list[int]

    @staticmethod
    def resolve_participant_ids(training: Any) -> list[int]:
        return [s.pk for s in training.participants.all()]


def _figures(f: BudgetFigures) -> dict[str, Any]:
    return {
        "planned": f.planned,
        "committed": f.committed,
        "spent": f.spent,
        "remaining": f.remaining,
        "over_budget": f.over_budget,
    }


def _budget(summary: BudgetSummary) -> dict[str, Any]:
    return {
        "total": _figures(summary.total),
        "by_activity": {k: _figures(v) for k, v in summary.by_activity.items()},
        "by_source": {k: _figures(v) for k, v in summary.by_source.items()},
        "by_quarter": {k: _figures(v) for k, v in summary.by_quarter.items()},
    }


def _organization(user: User, organization_id: int) -> Any:
    return get_object_or_404(visible_organizations(user), pk=organization_id)


# Policies


@router.get("/policies", response=list[PolicyOut], summary="Danh sách chính sách")
@paginate(Pages)
def list_policies(request: HttpRequest, stage: PolicyStage | None = None) -> Any:
    policies = visible_policies(signed_in_user(request)).order_by("title")
    return policies.filter(stage=stage) if stage else policies


@router.post("/policies", response=_responses(201, PolicyOut), summary="Thêm chính sách")
def create_policy(request: HttpRequest, payload: PolicyIn) -> Status:
    user = signed_in_user(request)
    data = payload.dict()
    organization = _organization(user, data.pop("organization_id"))
    topic_id = data.pop("monitoring_topic_id")
    return answer(
        lambda: actions.create_policy(
            user, organization, monitoring_topic=_topic(user, topic_id), **data
        ),
        status=201,
    )


@router.patch(
    "/policies/{policy_id}",
    response=_responses(200, PolicyOut),
    summary="Gắn hoặc bỏ gắn chủ đề theo dõi của chính sách",
)
def patch_policy(request: HttpRequest, policy_id: int, payload: PolicyPatch) -> Status:
    user = signed_in_user(request)
    policy = get_object_or_404(visible_policies(user), pk=policy_id)
    return answer(
        lambda: actions.update_policy(
            user, policy, monitoring_topic=_topic(user, payload.monitoring_topic_id)
        )
    )


def _topic(user: User, topic_id: int | None) -> Topic | None:
    """The topic, refused alike whether it is another agency's or does not exist."""
    if topic_id is None:
        return None
    topic = visible_topics(user).filter(pk=topic_id).first()
    if topic is None:
        raise PermissionDenied(_("Bạn không xem được chủ đề theo dõi này."))
    return topic


# Compliance and budget


@router.get(
    "/compliance",
    response={200: ComplianceOut, 404: ErrorOut},
    summary="Tình hình ban hành kế hoạch của các đơn vị trực thuộc",
)
def get_compliance(request: HttpRequest, parent_id: int, year: int) -> Any:
    user = signed_in_user(request)
    if not user.has_perm("plans.view_plan"):
        return Status(404, {"detail": "Không tìm thấy."})
    board = compliance_board(_organization(user, parent_id), year)
    return {
        "parent_id": board.parent_id,
        "year": board.year,
        "deadline": board.deadline,
        "counts": [_slots(c) for c in board.counts],
        "rows": [{**_slots(r.child), "on_time": r.on_time} for r in board.rows],
    }


def _slots(value: Any) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__slots__}


# Plans


@router.get("/", response=list[PlanOut], summary="Danh sách kế hoạch truyền thông")
@paginate(Pages)
def list_plans(
    request: HttpRequest,
    year: int | None = None,
    status: PlanStatus | None = None,
    organization_id: int | None = None,
) -> Any:
    plans = (
        visible_plans(signed_in_user(request)).prefetch_related("policies").order_by("-year", "id")
    )
    if year:
        plans = plans.filter(year=year)
    if status:
        plans = plans.filter(status=status)
    if organization_id:
        plans = plans.filter(organization_id=organization_id)
    return plans


@router.post("/", response=_responses(201, PlanOut), summary="Tạo kế hoạch (dự thảo)")
def create_plan(request: HttpRequest, payload: PlanIn) -> Status:
    user = signed_in_user(request)
    organization = _organization(user, payload.organization_id)
    policies = list(visible_policies(user).filter(pk__in=payload.policy_ids))
    if len(policies) != len(set(payload.policy_ids)):
        return Status(422, {"detail": "Có chính sách không tồn tại."})
    return answer(
        lambda: actions.create_plan(
            user,
            organization,
            year=payload.year,
            title=payload.title,
            summary=payload.summary,
            policies=policies,
        ),
        status=201,
    )


def _plan(request: HttpRequest, plan_id: int) -> Plan:
    return get_object_or_404(visible_plans(signed_in_user(request)), pk=plan_id)


@router.get("/{plan_id}", response=PlanOut, summary="Một kế hoạch")
def get_plan(request: HttpRequest, plan_id: int) -> Plan:
    return _plan(request, plan_id)


@router.patch("/{plan_id}", response=_responses(200, PlanOut), summary="Sửa kế hoạch dự thảo")
def patch_plan(request: HttpRequest, plan_id: int, payload: PlanPatch) -> Status:
    user = signed_in_user(request)
    plan = _plan(request, plan_id)
    fields = payload.dict(exclude_unset=True)
    ids = fields.pop("policy_ids", None)
    policies = None if ids is None else list(visible_policies(user).filter(pk__in=ids))
    return answer(lambda: actions.update_plan(user, plan, policies=policies, **fields))


@router.post(
    "/{plan_id}/transitions",
    response=_responses(200, PlanOut),
    summary="Trình, trả lại, phê duyệt, triển khai hoặc kết thúc kế hoạch",
)
def transition_plan(request: HttpRequest, plan_id: int, payload: TransitionIn) -> Status:
    user = signed_in_user(request)
    plan = _plan(request, plan_id)
    return answer(
        lambda: actions.move_plan(
            user,
            plan,
            payload.move,
            document_number=payload.document_number,
            document_date=payload.document_date,
        )
    )


@router.get("/{plan_id}/budget", response=BudgetOut, summary="Kinh phí của kế hoạch")
def get_plan_budget(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    return _budget(plan_budget(_plan(request, plan_id)))


# Activities


@router.get("/{plan_id}/activities", response=list[ActivityOut], summary="Hoạt động của kế hoạch")
@paginate(Pages)
def list_activities(request: HttpRequest, plan_id: int, overdue: bool | None = None) -> Any:
    activities = _plan(request, plan_id).activities.order_by("starts_on", "id")
    if overdue:
        activities = activities.filter(
            status__in=[ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS],
            ends_on__lt=timezone.localdate(),
        )
    return activities


@router.post(
    "/{plan_id}/activities", response=_responses(201, ActivityOut), summary="Thêm hoạt động"
)
def create_activity(request: HttpRequest, plan_id: int, payload: ActivityIn) -> Status:
    user = signed_in_user(request)
    plan = _plan(request, plan_id)
    data = payload.dict()
    policy_id = data.pop("policy_id")
    policy = None
    if policy_id is not None:
        policy = visible_policies(user).filter(pk=policy_id).first()
        if policy is None:
            return Status(422, {"detail": "Chính sách không tồn tại."})
    data["audiences"] = [str(a) for a in data["audiences"]]
    data["channels"] = [str(c) for c in data["channels"]]
    return answer(lambda: actions.add_activity(user, plan, policy=policy, **data), status=201)


def _activity(request: HttpRequest, activity_id: int) -> Activity:
    return get_object_or_404(
        visible_activities(signed_in_user(request)).select_related("plan__organization"),
        pk=activity_id,
    )


@router.get("/activities/{activity_id}", response=ActivityOut, summary="Một hoạt động")
def get_activity(request: HttpRequest, activity_id: int) -> Activity:
    return _activity(request, activity_id)


@router.patch(
    "/activities/{activity_id}",
    response=_responses(200, ActivityOut),
    summary="Cập nhật trạng thái hoạt động",
)
def patch_activity(request: HttpRequest, activity_id: int, payload: ActivityPatch) -> Status:
    user = signed_in_user(request)
    activity = _activity(request, activity_id)
    status = payload.status or activity.status
    return answer(lambda: actions.set_activity_status(user, activity, status))


@router.put(
    "/activities/{activity_id}/budget",
    response=_responses(200, BudgetLineOut),
    summary="Đặt dòng kinh phí (nguồn, quý) của hoạt động",
)
def put_budget_line(request: HttpRequest, activity_id: int, payload: BudgetLineIn) -> Status:
    user = signed_in_user(request)
    activity = _activity(request, activity_id)
    data = payload.dict()
    data["funding_source"] = str(data["funding_source"])
    return answer(lambda: actions.set_budget_line(user, activity, **data))


@router.post(
    "/activities/{activity_id}/outputs",
    response=_responses(201, OutputOut),
    summary="Thêm sản phẩm",
)
def create_output(request: HttpRequest, activity_id: int, payload: OutputIn) -> Status:
    user = signed_in_user(request)
    activity = _activity(request, activity_id)
    return answer(lambda: actions.add_output(user, activity, **payload.dict()), status=201)


# Press commissions


@router.get("/commissions/", response=list[CommissionOut], summary="Đặt hàng báo chí")
@paginate(Pages)
def list_commissions(request: HttpRequest, status: CommissionStatus | None = None) -> Any:
    commissions = visible_commissions(signed_in_user(request)).order_by("-starts_on", "id")
    return commissions.filter(status=status) if status else commissions


@router.post(
    "/commissions/", response=_responses(201, CommissionOut), summary="Đặt hàng báo chí mới"
)
def create_commission(request: HttpRequest, payload: CommissionIn) -> Status:
    user = signed_in_user(request)
    data = payload.dict()
    organization = _organization(user, data.pop("organization_id"))
    plan_id = data.pop("plan_id")
    data["plan"] = None
    if plan_id is not None:
        data["plan"] = visible_plans(user).filter(pk=plan_id).first()
        if data["plan"] is None:
            return Status(422, {"detail": "Kế hoạch không tồn tại."})
    data["status"] = str(data["status"])
    return answer(lambda: actions.create_commission(user, organization, **data), status=201)


def _commission(request: HttpRequest, commission_id: int) -> Any:
    return get_object_or_404(visible_commissions(signed_in_user(request)), pk=commission_id)


@router.get("/commissions/{commission_id}", response=CommissionOut, summary="Một đơn đặt hàng")
def get_commission(request: HttpRequest, commission_id: int) -> Any:
    return _commission(request, commission_id)


@router.post(
    "/commissions/{commission_id}/deliveries",
    response=_responses(201, DeliveryOut),
    summary="Ghi nhận tin, bài đã giao (theo địa chỉ hoặc tin bài đã thu thập)",
)
def create_delivery(request: HttpRequest, commission_id: int, payload: DeliveryIn) -> Status:
    user = signed_in_user(request)
    commission = _commission(request, commission_id)
    return answer(lambda: actions.record_delivery(user, commission, **payload.dict()), status=201)


@router.post(
    "/commissions/{commission_id}/acceptance",
    response=_responses(200, CommissionOut),
    summary="Nghiệm thu",
)
def accept_commission(request: HttpRequest, commission_id: int, payload: AcceptanceIn) -> Status:
    user = signed_in_user(request)
    commission = _commission(request, commission_id)
    return answer(lambda: actions.accept_commission(user, commission, **payload.dict()))


# Staff and training


@router.get("/staff/", response=list[StaffOut], summary="Cán bộ làm công tác truyền thông")
@paginate(Pages)
def list_staff(request: HttpRequest) -> Any:
    return visible_staff(signed_in_user(request)).order_by("full_name", "id")


@router.post("/staff/", response=_responses(201, StaffOut), summary="Thêm cán bộ")
def create_staff(request: HttpRequest, payload: StaffIn) -> Status:
    user = signed_in_user(request)
    data = payload.dict()
    organization = _organization(user, data.pop("organization_id"))
    data["employment"] = str(data["employment"])
    return answer(lambda: actions.add_staff(user, organization, **data), status=201)


@router.get("/trainings/", response=list[TrainingOut], summary="Lớp bồi dưỡng")
@paginate(Pages)
def list_trainings(request: HttpRequest) -> Any:
    return (
        visible_trainings(signed_in_user(request))
        .prefetch_related("participants")
        .order_by("-held_on")
    )


@router.post("/trainings/", response=_responses(201, TrainingOut), summary="Thêm lớp bồi dưỡng")
def create_training(request: HttpRequest, payload: TrainingIn) -> Status:
    user = signed_in_user(request)
    organization = _organization(user, payload.organization_id)
    staff = visible_staff(user).in_bulk([p.staff_id for p in payload.participants])
    if len(staff) != len({p.staff_id for p in payload.participants}):
        return Status(422, {"detail": "Có học viên không tồn tại."})
    people = [(staff[p.staff_id], p.certificate) for p in payload.participants]
    return answer(
        lambda: actions.add_training(
            user,
            organization,
            course=payload.course,
            held_on=payload.held_on,
            organiser=payload.organiser,
            participants=people,
        ),
        status=201,
    )
