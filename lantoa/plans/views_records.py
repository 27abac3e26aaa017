"""Pages for policies, press commissions, communication staff and their training."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage
from lantoa.plans import actions
from lantoa.plans.forms import (
    AcceptanceForm,
    CommissionForm,
    DeliveryForm,
    PolicyForm,
    StaffForm,
    TrainingForm,
)
from lantoa.plans.models import CommissionStatus, Employment
from lantoa.plans.queries import (
    visible_commissions,
    visible_policies,
    visible_staff,
    visible_trainings,
)
from lantoa.plans.views import today


def _user(request: HttpRequest, permission: str) -> User:
    user = signed_in_user(request)
    if not user.has_perm(permission):
        raise PermissionDenied
    return user


# Policies


@login_required
def policy_list(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.view_policy")
    context = {
        "policies": visible_policies(user).select_related("organization", "monitoring_topic"),
        "can_add": user.has_perm("plans.add_policy"),
        "can_change": user.has_perm("plans.change_policy"),
    }
    return render(request, "plans/policy_list.html", context)


@login_required
def policy_create(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.add_policy")
    form = PolicyForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.create_policy(user, data.pop("organization"), **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:policy_list")
    return render(request, "plans/form.html", {"form": form, "title": _("Thêm chính sách")})


@login_required
def policy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request, "plans.change_policy")
    policy = get_object_or_404(visible_policies(user), pk=pk)
    initial = {name: getattr(policy, name) for name in actions.POLICY_FIELDS}
    form = PolicyForm(
        user, request.POST or None, initial={**initial, "organization": policy.organization}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("organization")  # the organisation keeping the record does not change here
        try:
            actions.update_policy(user, policy, **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            messages.success(request, _("Đã lưu chính sách."))
            return redirect("plans:policy_list")
    return render(request, "plans/form.html", {"form": form, "title": _("Sửa chính sách")})


# Press commissions


@login_required
def commission_list(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.view_presscommission")
    commissions = (
        visible_commissions(user)
        .select_related("organization", "plan")
        .annotate(delivered=Count("deliveries"))
    )
    context = {"commissions": commissions, "can_add": user.has_perm("plans.add_presscommission")}
    return render(request, "plans/commission_list.html", context)


@login_required
def commission_create(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.add_presscommission")
    form = CommissionForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            commission = actions.create_commission(user, data.pop("organization"), **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:commission_detail", commission.pk)
    return render(request, "plans/form.html", {"form": form, "title": _("Đặt hàng báo chí")})


@login_required
def commission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request, "plans.view_presscommission")
    commission = get_object_or_404(visible_commissions(user), pk=pk)
    deliveries = list(commission.deliveries.select_related("item"))
    open_ = commission.status not in (CommissionStatus.ACCEPTED, CommissionStatus.CANCELLED)
    context = {
        "commission": commission,
        "deliveries": deliveries,
        "delivered": len(deliveries),
        "remaining": max(0, commission.deliverables - len(deliveries)),
        "can_change": open_
        and user.has_perm("plans.change_presscommission")
        and can_manage(user, commission.organization),
        "delivery_form": DeliveryForm(),
        "acceptance_form": AcceptanceForm(initial={"on": today()}),
    }
    return render(request, "plans/commission_detail.html", context)


@login_required
@require_POST
def commission_delivery(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request, "plans.view_presscommission")
    commission = get_object_or_404(visible_commissions(user), pk=pk)
    form = DeliveryForm(request.POST)
    if form.is_valid():
        try:
            actions.record_delivery(user, commission, **form.cleaned_data)
        except ValueError as invalid:
            messages.error(request, str(invalid))
    else:
        messages.error(request, _("Địa chỉ tin, bài không hợp lệ."))
    return redirect("plans:commission_detail", commission.pk)


@login_required
@require_POST
def commission_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request, "plans.view_presscommission")
    commission = get_object_or_404(visible_commissions(user), pk=pk)
    form = AcceptanceForm(request.POST)
    if form.is_valid():
        try:
            actions.accept_commission(user, commission, **form.cleaned_data)
        except ValueError as invalid:
            messages.error(request, str(invalid))
    else:
        messages.error(request, _("Cần số và ngày của biên bản nghiệm thu."))
    return redirect("plans:commission_detail", commission.pk)


# Staff and training


@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.view_staffmember")
    year = today().year
    staff = visible_staff(user).select_related("organization")
    capacity = (
        staff.filter(is_active=True)
        .values("organization__name")
        .annotate(
            total=Count("id", distinct=True),
            full_time=Count("id", filter=Q(employment=Employment.FULL_TIME), distinct=True),
            trained=Count(
                "id",
                filter=Q(
                    trainings__held_on__gte=date(year, 1, 1),
                    trainings__held_on__lte=date(year, 12, 31),
                ),
                distinct=True,
            ),
        )
        .order_by("organization__name")
    )
    context = {
        "staff": staff,
        "capacity": capacity,
        "year": year,
        "trainings": visible_trainings(user).annotate(people=Count("participants")),
        "can_add": user.has_perm("plans.add_staffmember"),
    }
    return render(request, "plans/staff_list.html", context)


@login_required
def staff_create(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.add_staffmember")
    form = StaffForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.add_staff(user, data.pop("organization"), **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:staff_list")
    return render(request, "plans/form.html", {"form": form, "title": _("Thêm cán bộ")})


@login_required
def training_create(request: HttpRequest) -> HttpResponse:
    user = _user(request, "plans.add_staffmember")
    form = TrainingForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        people = [(staff, "") for staff in data.pop("participants")]
        try:
            actions.add_training(user, data.pop("organization"), participants=people, **data)
        except ValueError as invalid:
            form.add_error(None, str(invalid))
        else:
            return redirect("plans:staff_list")
    return render(request, "plans/form.html", {"form": form, "title": _("Thêm lớp bồi dưỡng")})
