"""Writes to plans and their records go through these functions: permission and agency scoping
are checked first, inputs validated (``ValueError`` with a Vietnamese message), then written.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.content.queries import visible_items
from lantoa.monitoring.queries import visible_topics
from lantoa.plans.models import (
    Activity,
    ActivityOutput,
    ActivityStatus,
    BudgetLine,
    CommissionDelivery,
    CommissionStatus,
    FundingSource,
    Plan,
    PlanDeadline,
    PlanStatus,
    Policy,
    PolicyStage,
    PressCommission,
    StaffMember,
    Training,
    TrainingParticipation,
)
from lantoa.plans.workflow import TRANSITIONS, Move, target_of

__all__ = [
    "accept_commission",
    "add_activity",
    "add_output",
    "add_staff",
    "add_training",
    "create_commission",
    "create_plan",
    "create_policy",
    "move_plan",
    "record_delivery",
    "set_activity_status",
    "set_budget_line",
    "set_deadline",
    "update_activity",
    "update_plan",
    "update_policy",
]

PLAN_FIELDS = ("title", "summary", "year")
POLICY_FIELDS = (
    "title",
    "type",
    "lead_agency",
    "stage",
    "drafting_started_on",
    "consultation_until",
    "issued_on",
    "effective_on",
    "monitoring_topic",
)
ACTIVITY_FIELDS = (
    "policy",
    "stage",
    "title",
    "objective",
    "audiences",
    "channels",
    "messages",
    "responsible_unit",
    "responsible_person",
    "starts_on",
    "ends_on",
)


def _require(user: User, permission: str, organization: Organization | None) -> None:
    if not (user.is_active and user.has_perm(permission) and can_manage(user, organization)):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này cho đơn vị này."))


def _text(value: Any, message: str) -> str:
    cleaned = str(value or "").strip()
    if not cleaned:
        raise ValueError(message)
    return cleaned


# Policies


def create_policy(user: User, organization: Organization, **fields: Any) -> Policy:
    _require(user, "plans.add_policy", organization)
    policy = Policy(organization=organization)
    _apply_policy(user, policy, fields)
    policy.save()
    return policy


def update_policy(user: User, policy: Policy, **fields: Any) -> Policy:
    _require(user, "plans.change_policy", policy.organization)
    _apply_policy(user, policy, fields)
    policy.save()
    return policy


def _apply_policy(user: User, policy: Policy, fields: dict[str, Any]) -> None:
    topic = fields.get("monitoring_topic")
    if topic is not None and not visible_topics(user).filter(pk=topic.pk).exists():
        # A topic of another agency would show its private coverage on this policy's impact.
        raise PermissionDenied(_("Bạn không xem được chủ đề theo dõi này."))
    for name in POLICY_FIELDS:
        if name in fields:
            setattr(policy, name, fields[name])
    policy.title = _text(policy.title, _("Tên chính sách không được để trống."))
    policy.lead_agency = _text(policy.lead_agency, _("Cần ghi cơ quan chủ trì."))
    if policy.stage not in PolicyStage.values:
        raise ValueError(_("Giai đoạn chính sách không hợp lệ."))


# Plans


def create_plan(
    user: User,
    organization: Organization,
    *,
    year: int,
    title: str,
    summary: str = "",
    policies: Iterable[Policy] = (),
) -> Plan:
    _require(user, "plans.add_plan", organization)
    plan = Plan(organization=organization, created_by=user)
    _apply_plan(plan, {"year": year, "title": title, "summary": summary})
    with transaction.atomic():
        plan.save()
        plan.policies.set(list(policies))
    return plan


def _check_draft(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ValueError(_("Chỉ sửa được kế hoạch đang ở trạng thái dự thảo."))


def update_plan(
    user: User, plan: Plan, *, policies: Iterable[Policy] | None = None, **fields: Any
) -> Plan:
    _require(user, "plans.change_plan", plan.organization)
    _check_draft(plan)
    _apply_plan(plan, fields)
    with transaction.atomic():
        plan.save()
        if policies is not None:
            plan.policies.set(list(policies))
    return plan


def _apply_plan(plan: Plan, fields: dict[str, Any]) -> None:
    for name in PLAN_FIELDS:
        if name in fields:
            setattr(plan, name, fields[name])
    plan.title = _text(plan.title, _("Tên kế hoạch không được để trống."))
    if not isinstance(plan.year, int) or not 2000 <= plan.year <= 2100:
        raise ValueError(_("Năm kế hoạch không hợp lệ."))


def move_plan(
    user: User,
    plan: Plan,
    move: Move,
    *,
    document_number: str = "",
    document_date: date | None = None,
    signed_file: UploadedFile | None = None,
) -> Plan:
    """Submit, return, approve, start or close a plan; approving needs the document's number
    and date. The status changes only if the plan is still where the move starts from."""
    transition = TRANSITIONS[move]
    _require(user, transition.permission, plan.organization)
    target = target_of(move, plan.status)
    if target is None:
        raise ValueError(
            _("Không thể thực hiện thao tác này khi kế hoạch đang ở trạng thái “%(status)s”.")
            % {"status": plan.get_status_display()}
        )
    changes: dict[str, Any] = {"status": target}
    if move == Move.SUBMIT:
        if not plan.activities.exists():
            raise ValueError(_("Kế hoạch cần có ít nhất một hoạt động trước khi trình."))
        changes["submitted_at"] = timezone.now()
    if move == Move.APPROVE:
        changes.update(_approval(user, document_number, document_date))
    # Let the database decide who wins if two people move the same plan at once.
    updated = Plan.objects.filter(pk=plan.pk, status=plan.status).update(**changes)
    if updated != 1:
        raise ValueError(_("Kế hoạch vừa được người khác thay đổi; hãy tải lại trang."))
    if signed_file is not None:
        plan.signed_file.save(signed_file.name or "ke-hoach.pdf", signed_file, save=False)
        Plan.objects.filter(pk=plan.pk).update(signed_file=plan.signed_file.name)
    plan.refresh_from_db()
    return plan


def _approval(user: User, number: str, on: date | None) -> dict[str, Any]:
    if not number.strip() or on is None:
        raise ValueError(_("Cần nhập số và ngày của văn bản phê duyệt."))
    return {
        "document_number": number.strip(),
        "document_date": on,
        "approved_by": user,
        "approved_at": timezone.now(),
    }


def set_deadline(user: User, parent: Organization, year: int, deadline: date) -> PlanDeadline:
    """A parent's own deadline for its children's plans of ``year``."""
    _require(user, "plans.approve_plan", parent)
    if deadline.year not in (year - 1, year):
        raise ValueError(_("Hạn ban hành phải thuộc năm kế hoạch hoặc năm trước đó."))
    record, _created = PlanDeadline.objects.update_or_create(
        parent=parent, year=year, defaults={"deadline": deadline}
    )
    return record


# Activities, budget and outputs


def add_activity(user: User, plan: Plan, **fields: Any) -> Activity:
    _require(user, "plans.change_plan", plan.organization)
    _check_draft(plan)
    activity = Activity(plan=plan)
    _apply_activity(activity, fields)
    activity.save()
    return activity


def update_activity(user: User, activity: Activity, **fields: Any) -> Activity:
    _require(user, "plans.change_plan", activity.plan.organization)
    _check_draft(activity.plan)
    _apply_activity(activity, fields)
    activity.save()
    return activity


def _apply_activity(activity: Activity, fields: dict[str, Any]) -> None:
    for name in ACTIVITY_FIELDS:
        if name in fields:
            setattr(activity, name, fields[name])
    activity.title = _text(activity.title, _("Tên hoạt động không được để trống."))
    if activity.stage not in PolicyStage.values:
        raise ValueError(_("Giai đoạn chính sách không hợp lệ."))
    if activity.starts_on is None or activity.ends_on is None:
        raise ValueError(_("Cần nhập ngày bắt đầu và kết thúc."))
    if activity.ends_on < activity.starts_on:
        raise ValueError(_("Ngày kết thúc không được trước ngày bắt đầu."))
    _check_choices(activity.audiences, "audiences")
    _check_choices(activity.channels, "channels")


def _check_choices(values: Sequence[str], field: str) -> None:
    from lantoa.plans.models import Audience, Channel

    allowed = Audience.values if field == "audiences" else Channel.values
    if not isinstance(values, list) or any(v not in allowed for v in values):
        raise ValueError(_("Đối tượng hoặc kênh truyền thông không hợp lệ."))


def _check_open(plan: Plan) -> None:
    if plan.status == PlanStatus.CLOSED:
        raise ValueError(_("Kế hoạch đã kết thúc, không sửa được nữa."))


def set_activity_status(user: User, activity: Activity, status: str) -> Activity:
    _require(user, "plans.change_plan", activity.plan.organization)
    _check_open(activity.plan)
    if status not in ActivityStatus.values:
        raise ValueError(_("Trạng thái hoạt động không hợp lệ."))
    activity.status = status
    activity.save(update_fields=["status"])
    return activity


def set_budget_line(
    user: User,
    activity: Activity,
    *,
    funding_source: str,
    quarter: int,
    planned: int,
    committed: int = 0,
    spent: int = 0,
) -> BudgetLine:
    """Create or update the line for (source, quarter). Planned amounts are fixed once the plan
    leaves draft; committed and spent amounts are recorded until it is closed."""
    _require(user, "plans.change_plan", activity.plan.organization)
    _check_open(activity.plan)
    if funding_source not in FundingSource.values:
        raise ValueError(_("Nguồn kinh phí không hợp lệ."))
    if quarter not in (1, 2, 3, 4):
        raise ValueError(_("Quý phải từ 1 đến 4."))
    amounts = (planned, committed, spent)
    if any(isinstance(a, bool) or not isinstance(a, int) or a < 0 for a in amounts):
        raise ValueError(_("Số tiền phải là số nguyên đồng, không âm."))
    line = BudgetLine.objects.filter(
        activity=activity, funding_source=funding_source, quarter=quarter
    ).first()
    if activity.plan.status != PlanStatus.DRAFT and (line is None or line.planned != planned):
        raise ValueError(_("Dự toán chỉ thay đổi được khi kế hoạch còn là dự thảo."))
    line = line or BudgetLine(activity=activity, funding_source=funding_source, quarter=quarter)
    line.planned, line.committed, line.spent = planned, committed, spent
    line.save()
    return line


def add_output(
    user: User, activity: Activity, *, url: str = "", title: str = "", item_id: int | None = None
) -> ActivityOutput:
    """Record a product of the activity; a URL that is a known item's canonical URL links it."""
    _require(user, "plans.change_plan", activity.plan.organization)
    _check_open(activity.plan)
    item = _find_item(user, url, item_id)
    if not url.strip() and item is None:
        raise ValueError(_("Cần địa chỉ hoặc tin bài của sản phẩm."))
    return ActivityOutput.objects.create(
        activity=activity,
        url=url.strip() or (item.canonical_url if item else ""),
        title=title.strip() or (item.title if item else ""),
        item=item,
    )


def _find_item(user: User, url: str, item_id: int | None) -> Any:
    items = visible_items(user)
    if item_id is not None:
        item = items.filter(pk=item_id).first()
        if item is None:
            raise ValueError(_("Không tìm thấy tin bài này."))
        return item
    if url.strip():
        return items.filter(canonical_url=url.strip()).order_by("id").first()
    return None


# Press commissions


def create_commission(user: User, organization: Organization, **fields: Any) -> PressCommission:
    _require(user, "plans.add_presscommission", organization)
    plan = fields.get("plan")
    if plan is not None and plan.organization_id != organization.pk:
        raise ValueError(_("Kế hoạch phải thuộc cơ quan đặt hàng."))
    commission = PressCommission(organization=organization, **fields)
    commission.outlet = _text(commission.outlet, _("Cần ghi cơ quan báo chí."))
    commission.scope = _text(commission.scope, _("Cần ghi nội dung đặt hàng."))
    if commission.deliverables < 1:
        raise ValueError(_("Số sản phẩm đặt hàng phải lớn hơn 0."))
    if isinstance(commission.value, bool) or not isinstance(commission.value, int):
        raise ValueError(_("Giá trị phải là số nguyên đồng."))
    if commission.value < 0:
        raise ValueError(_("Số tiền phải là số nguyên đồng, không âm."))
    if commission.ends_on < commission.starts_on:
        raise ValueError(_("Ngày kết thúc không được trước ngày bắt đầu."))
    commission.save()
    return commission


def record_delivery(
    user: User,
    commission: PressCommission,
    *,
    url: str = "",
    item_id: int | None = None,
    title: str = "",
    delivered_on: date | None = None,
) -> CommissionDelivery:
    """Link a delivered article or broadcast; the same URL twice is one delivery."""
    _require(user, "plans.change_presscommission", commission.organization)
    if commission.status in (CommissionStatus.ACCEPTED, CommissionStatus.CANCELLED):
        raise ValueError(_("Đơn đặt hàng đã nghiệm thu hoặc đã hủy."))
    item = _find_item(user, url, item_id)
    final_url = url.strip() or (item.canonical_url if item else "")
    if not final_url:
        raise ValueError(_("Cần địa chỉ hoặc tin bài của sản phẩm."))
    published = item.published_at.date() if item and item.published_at else None
    delivery, _created = CommissionDelivery.objects.get_or_create(
        commission=commission,
        url=final_url,
        defaults={
            "item": item,
            "title": title.strip() or (item.title if item else ""),
            "delivered_on": delivered_on or published,
        },
    )
    return delivery


def accept_commission(
    user: User, commission: PressCommission, *, number: str, on: date, note: str = ""
) -> PressCommission:
    _require(user, "plans.change_presscommission", commission.organization)
    if commission.status in (CommissionStatus.ACCEPTED, CommissionStatus.CANCELLED):
        raise ValueError(_("Đơn đặt hàng đã nghiệm thu hoặc đã hủy."))
    commission.acceptance_number = _text(number, _("Cần số biên bản nghiệm thu."))
    commission.accepted_on = on
    commission.acceptance_note = note.strip()
    commission.status = CommissionStatus.ACCEPTED
    commission.save()
    return commission


# Staff and training


def add_staff(user: User, organization: Organization, **fields: Any) -> StaffMember:
    _require(user, "plans.add_staffmember", organization)
    staff = StaffMember(organization=organization, **fields)
    staff.full_name = _text(staff.full_name, _("Cần ghi họ và tên."))
    staff.full_clean(exclude=["organization"])
    staff.save()
    return staff


def add_training(
    user: User,
    organization: Organization,
    *,
    course: str,
    held_on: date,
    organiser: str,
    participants: Iterable[tuple[StaffMember, str]] = (),
) -> Training:
    """A training attended by the organisation's staff, each with an optional certificate."""
    _require(user, "plans.add_staffmember", organization)
    people = list(participants)
    allowed = {
        s.pk for s in StaffMember.objects.filter(organization__path__startswith=organization.path)
    }
    if any(staff.pk not in allowed for staff, _cert in people):
        raise ValueError(_("Học viên phải là cán bộ của cơ quan hoặc đơn vị trực thuộc."))
    with transaction.atomic():
        training = Training.objects.create(
            organization=organization,
            course=_text(course, _("Cần ghi tên khóa học.")),
            held_on=held_on,
            organiser=_text(organiser, _("Cần ghi đơn vị tổ chức.")),
        )
        TrainingParticipation.objects.bulk_create(
            TrainingParticipation(training=training, staff=staff, certificate=cert.strip())
            for staff, cert in people
        )
    return training
