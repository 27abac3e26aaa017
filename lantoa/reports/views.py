"""The reports page ("Báo cáo"): the agency's weekly summary, previewed and downloaded, and the
other domains' reports (topics, plans, incidents) gathered in one place."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.core.downloads import document_download
from lantoa.crisis.models import IncidentStatus
from lantoa.crisis.queries import visible_incidents
from lantoa.monitoring import weekly
from lantoa.monitoring.queries import visible_topics
from lantoa.network.queries import is_staff_member
from lantoa.plans.queries import visible_plans
from lantoa.reports import actions
from lantoa.reports.models import SummarySubscription
from lantoa.reports.render import render_summary, summary_blocks
from lantoa.reports.summary import build_summary

WEEKS_OFFERED = 8
LISTED = 10


def _staff(request: HttpRequest) -> User:
    user = signed_in_user(request)
    if not is_staff_member(user):
        raise PermissionDenied(_("Chỉ cán bộ của cơ quan xem được báo cáo."))
    return user


def _weeks(chosen: str) -> list[str]:
    """This week (still running) and the weeks before it, newest first, and ``chosen`` at the
    end when it is older."""
    weeks = weekly.week_labels(weekly.due_week() + timedelta(weeks=1), WEEKS_OFFERED)
    return weeks if chosen in weeks else [*weeks, chosen]


def _requested_week(request: HttpRequest) -> date:
    """The Monday of ``?week=YYYY-Www`` (the last complete week by default); ValueError with
    the expected form when the week is malformed."""
    week = request.GET.get("week")
    return weekly.parse_week(week) if week else weekly.due_week()


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    try:
        monday = _requested_week(request)
    except ValueError as invalid:
        return HttpResponseBadRequest(str(invalid))
    summary = build_summary(user, monday)
    context = {
        "summary": summary,
        "blocks": summary_blocks(summary)[1:],  # the page has its own heading
        "weeks": _weeks(summary.week),
        "subscribed": SummarySubscription.objects.filter(user=user).exists(),
        "topics": visible_topics(user).filter(active=True).order_by("name"),
        "plans": visible_plans(user)
        .select_related("organization")
        .order_by("-year", "title")[:LISTED],
        "incidents": visible_incidents(user)
        .filter(status=IncidentStatus.CLOSED)
        .order_by("-closed_at")[:LISTED],
    }
    return render(request, "reports/index.html", context)


@login_required
def summary_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The weekly summary as PDF, DOCX or XLSX (``?week=YYYY-Www``, last week by default)."""
    user = _staff(request)
    try:
        monday = _requested_week(request)
    except ValueError as invalid:
        return HttpResponseBadRequest(str(invalid))
    return document_download(
        fmt,
        lambda chosen: render_summary(chosen, build_summary(user, monday)),
        f"lantoa-bao-cao-tuan-{weekly.week_label(monday)}",
    )


@login_required
@require_POST
def subscription(request: HttpRequest) -> HttpResponse:
    """Receive (or stop receiving) the weekly summary by e-mail every Monday morning."""
    user = _staff(request)
    if request.POST.get("action") == "unsubscribe":
        actions.unsubscribe_from_summary(user)
        messages.success(request, _("Bạn sẽ không nhận báo cáo tuần tổng hợp qua thư nữa."))
        return redirect("reports:index")
    try:
        actions.subscribe_to_summary(user)
    except ValueError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("Báo cáo tuần tổng hợp sẽ được gửi tới %(email)s mỗi sáng thứ Hai.")
            % {"email": user.email},
        )
    return redirect("reports:index")
