"""Pages for plans and their activities. Views parse input with forms and call the actions;
``PermissionDenied`` from an action becomes a 403, a ``ValueError`` a form error."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage
from lantoa.plans import actions
from lantoa.plans.exports import DOCX, plan_docx
from lantoa.plans.forms import (
    ActivityForm,
    ActivityStatusForm,
    ApprovalForm,
    BudgetLineForm,
    OutputForm,
    PlanEditForm,
    PlanForm,
)
from lantoa.plans.impact_views import impact_context, impact_points, topic_impacts
from lantoa.plans.models import OPEN_ACTIVITY_STATUSES, Activity, Plan, PlanStatus
from lantoa.plans.queries import plan_budget, visible_activities, visible_plans
from lantoa.plans.workflow import TRANSITIONS, Move, target_of

PLAN_FIELDS = ("year", "title", "summary")
ACTIVITY_FIELDS = (
    "title",
    "policy",
    "stage",
    "objective",
    "audiences",
    "channels",
    "messages",
    "responsible_unit",
    "responsible_person",
    "starts_on",
    "ends_on",
)


def today() -> date:
    return timezone.localdate()


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not user.has_perm("plans.view_plan"):
        raise PermissionDenied
    plans = visible_plans(user).select_related("organization")
    year, status = request.GET.get("year", ""), request.GET.get("status", "")
    if year.isdigit():
        plans = plans.filter(year=int(year))
    if status in PlanStatus.values:
        plans = plans.filter(status=status)
    plans = plans.annotate(
        overdue=Count(
            "activities",
            filter=Q(
                activities__status__in=OPEN_ACTIVITY_STATUSES, activities__ends_on__lt=today()
            ),
        )
    )
    context = {
        "plans": plans,
        "statuses": PlanStatus.choices,
        "selected_year": year,
        "selected_status": status,
        "can_add": user.has_perm("plans.add_plan"),
    }
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not user.has_perm("plans.add_plan"):
        raise PermissionDenied
    form = PlanForm(user, request.POST or None, initial={"year": today().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = actions.create_plan(
                user,
                data["organization"],
                year=data["year"],
                title=data["title"],
                summary=data["summary"],
                policies=data["policies"],
            )
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            messages.success(request, _("Đã tạo kế hoạch."))
            return redirect("plans:plan_detail", plan.pk)
    return render(request, "plans/form.html", {"form": form, "title": _("Tạo kế hoạch")})


def _plan_for(user: User, pk: int) -> Plan:
    return get_object_or_404(visible_plans(user).select_related("organization"), pk=pk)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = _plan_for(user, pk)
    initial = {name: getattr(plan, name) for name in PLAN_FIELDS}
    initial["policies"] = list(plan.policies.all())
    form = PlanEditForm(user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.update_plan(user, plan, policies=data.pop("policies"), **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:plan_detail", plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": _("Sửa kế hoạch"), "back": plan}
    )


def _moves_for(user: User, plan: Plan) -> list[Move]:
    if not can_manage(user, plan.organization):
        return []
    return [
        move
        for move, transition in TRANSITIONS.items()
        if target_of(move, plan.status) and user.has_perm(transition.permission)
    ]


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = _plan_for(user, pk)
    activities = list(plan.activities.select_related("policy"))
    budget = plan_budget(plan)
    moves = _moves_for(user, plan)
    context = {
        "plan": plan,
        "activities": [
            (a, a.is_overdue(today()), budget.by_activity.get(a.pk)) for a in activities
        ],
        "budget": budget,
        "policies": plan.policies.all(),
        "can_approve": Move.APPROVE in moves,
        "approval_form": ApprovalForm(),
        "can_edit": plan.status == PlanStatus.DRAFT
        and user.has_perm("plans.change_plan")
        and can_manage(user, plan.organization),
        **impact_context(user, plan),
        "move_buttons": [(m.value, MOVE_LABELS[m]) for m in moves if m != Move.APPROVE],
    }
    return render(request, "plans/plan_detail.html", context)


MOVE_LABELS = {
    Move.SUBMIT: gettext_lazy("Trình phê duyệt"),
    Move.RETURN: gettext_lazy("Trả lại để sửa"),
    Move.APPROVE: gettext_lazy("Phê duyệt"),
    Move.START: gettext_lazy("Bắt đầu triển khai"),
    Move.CLOSE: gettext_lazy("Kết thúc kế hoạch"),
}


@login_required
@require_POST
def plan_move(request: HttpRequest, pk: int, move: str) -> HttpResponse:
    user = signed_in_user(request)
    plan = _plan_for(user, pk)
    try:
        chosen = Move(move)
    except ValueError as unknown:
        raise Http404 from unknown
    extra: dict[str, Any] = {}
    if chosen == Move.APPROVE:
        form = ApprovalForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Cần nhập số và ngày của văn bản phê duyệt."))
            return redirect("plans:plan_detail", plan.pk)
        extra = form.cleaned_data
    try:
        actions.move_plan(user, plan, chosen, **extra)
    except ValueError as invalid:
        messages.error(request, str(invalid))
    else:
        messages.success(
            request, _("Kế hoạch chuyển sang “%(s)s”.") % {"s": plan.get_status_display()}
        )
    return redirect("plans:plan_detail", plan.pk)


@login_required
def plan_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as a DOCX report: activities, budget and the impact of its outputs."""
    user = signed_in_user(request)
    plan = _plan_for(user, pk)
    found = impact_points(user, plan)
    body = plan_docx(
        plan,
        list(plan.activities.select_related("policy")),
        plan_budget(plan),
        found[1] if found else None,
        today=today(),
        topics=topic_impacts(user, plan),
    )
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{plan.pk}.docx"'
    return response


@login_required
def signed_file(request: HttpRequest, pk: int) -> FileResponse:
    plan = _plan_for(signed_in_user(request), pk)
    if not plan.signed_file:
        raise Http404
    return FileResponse(plan.signed_file.open("rb"), as_attachment=True)


@login_required
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = _plan_for(user, pk)
    form = ActivityForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity = actions.add_activity(user, plan, **form.cleaned_data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:activity_detail", activity.pk)
    context = {"form": form, "title": _("Thêm hoạt động"), "back": plan}
    return render(request, "plans/form.html", context)


def _activity_for(user: User, pk: int) -> Activity:
    return get_object_or_404(
        visible_activities(user).select_related("plan", "plan__organization", "policy"), pk=pk
    )


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    activity = _activity_for(user, pk)
    initial = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    form = ActivityForm(user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_activity(user, activity, **form.cleaned_data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:activity_detail", activity.pk)
    context = {"form": form, "title": _("Sửa hoạt động"), "back": activity}
    return render(request, "plans/form.html", context)


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    activity = _activity_for(user, pk)
    plan = activity.plan
    can_change = (
        user.has_perm("plans.change_plan")
        and can_manage(user, plan.organization)
        and plan.status != PlanStatus.CLOSED
    )
    context = {
        "activity": activity,
        "plan": plan,
        "overdue": activity.is_overdue(today()),
        "budget_lines": activity.budget.all(),
        "outputs": activity.outputs.select_related("item"),
        "can_change": can_change,
        "can_edit": can_change and plan.status == PlanStatus.DRAFT,
        "budget_form": BudgetLineForm(),
        "status_form": ActivityStatusForm(initial={"status": activity.status}),
        "output_form": OutputForm(),
        **impact_context(user, activity),
    }
    return render(request, "plans/activity_detail.html", context)


@login_required
@require_POST
def activity_budget(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    activity = _activity_for(user, pk)
    form = BudgetLineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Số liệu kinh phí không hợp lệ."))
    else:
        _report(request, lambda: actions.set_budget_line(user, activity, **form.cleaned_data))
    return redirect("plans:activity_detail", activity.pk)


@login_required
@require_POST
def activity_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    activity = _activity_for(user, pk)
    form = ActivityStatusForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        _report(request, lambda: actions.set_activity_status(user, activity, status))
    return redirect("plans:activity_detail", activity.pk)


@login_required
@require_POST
def activity_output(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    activity = _activity_for(user, pk)
    form = OutputForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Địa chỉ sản phẩm không hợp lệ."))
    else:
        _report(request, lambda: actions.add_output(user, activity, **form.cleaned_data))
    return redirect("plans:activity_detail", activity.pk)


def _report(request: HttpRequest, write: Any) -> None:
    try:
        write()
    except ValueError as invalid:
        messages.error(request, str(invalid))
    else:
        messages.success(request, _("Đã lưu."))
