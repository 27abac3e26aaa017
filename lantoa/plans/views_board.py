"""The compliance board, its exports, deadlines and the yearly budget summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage, visible_organizations
from lantoa.plans import actions
from lantoa.plans.budget import BudgetFigures
from lantoa.plans.exports import DOCX, XLSX, board_docx, board_title, board_xlsx
from lantoa.plans.forms import DeadlineForm
from lantoa.plans.labels import count_label, group_name, status_name
from lantoa.plans.models import FundingSource
from lantoa.plans.queries import compliance_board, organizations_with_children, yearly_budget
from lantoa.plans.views import today


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else today().year


def _parent(request: HttpRequest, user: User) -> Organization | None:
    if not user.has_perm("plans.view_plan"):
        raise PermissionDenied
    raw = request.GET.get("parent", "")
    if raw.isdigit():
        return get_object_or_404(visible_organizations(user), pk=int(raw))
    if user.organization and user.organization.children.exists():
        return user.organization
    return None


@login_required
def board(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    parent = _parent(request, user)
    year = _year(request)
    context: dict[str, object] = {
        "year": year,
        "parent": parent,
        "parents": organizations_with_children(user).order_by("name"),
    }
    if parent is not None:
        result = compliance_board(parent, year)
        context.update(
            board=result,
            title=board_title(result),
            counts=[(count_label(c), c) for c in result.counts],
            rows=[
                (r, group_name(r.child.organization_type), status_name(r.child.plan_status))
                for r in result.rows
            ],
            can_set_deadline=user.has_perm("plans.approve_plan") and can_manage(user, parent),
            deadline_form=DeadlineForm(initial={"deadline": result.deadline}),
        )
    return render(request, "plans/board.html", context)


@login_required
def board_export(request: HttpRequest, fmt: str) -> HttpResponse:
    user = signed_in_user(request)
    if fmt not in ("xlsx", "docx"):
        raise Http404
    parent = _parent(request, user)
    if parent is None:
        return redirect("plans:board")
    result = compliance_board(parent, _year(request))
    body, content_type = (board_xlsx(result), XLSX) if fmt == "xlsx" else (board_docx(result), DOCX)
    response = HttpResponse(body, content_type=content_type)
    name = f"ke-hoach-{result.year}-{slugify(parent.code)}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def board_deadline(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    raw_parent, raw_year = request.POST.get("parent", ""), request.POST.get("year", "")
    if not (raw_parent.isdigit() and raw_year.isdigit() and 2000 <= int(raw_year) <= 2100):
        raise Http404
    parent = get_object_or_404(visible_organizations(user), pk=int(raw_parent))
    year = int(raw_year)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            actions.set_deadline(user, parent, year, form.cleaned_data["deadline"])
        except ValueError as invalid:
            messages.error(request, str(invalid))
    return redirect(f"{reverse('plans:board')}?parent={parent.pk}&year={year}")


@login_required
def budget_summary(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if not user.has_perm("plans.view_plan"):
        raise PermissionDenied
    year = _year(request)
    summaries = yearly_budget(user, year)
    sources = [
        (
            label,
            sum((s.by_source.get(value, BudgetFigures()) for _o, s in summaries), BudgetFigures()),
        )
        for value, label in FundingSource.choices
    ]
    total = sum((s.total for _o, s in summaries), BudgetFigures())
    context = {"year": year, "summaries": summaries, "sources": sources, "total": total}
    return render(request, "plans/budget.html", context)


__all__ = ["board", "board_deadline", "board_export", "budget_summary"]
