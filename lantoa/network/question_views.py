"""Staff pages for press questions: the list (filters, overdue flags, counts per organisation),
registering a question, and one question's page (accept, assign, answer, publish)."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import visible_organizations
from lantoa.network.actions import questions
from lantoa.network.models import PressQuestion, QuestionChannel, QuestionStatus
from lantoa.network.queries import is_staff_member, visible_briefings, visible_questions

PAGE_SIZE = 50


def staff_user(request: HttpRequest) -> User:
    user = signed_in_user(request)
    if not is_staff_member(user):
        raise PermissionDenied
    return user


def parse_moment(value: str, label: str) -> datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(_("%s không hợp lệ.") % label)
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def _filtered(request: HttpRequest, user: User) -> tuple[QuerySet[PressQuestion], dict[str, str]]:
    found = visible_questions(user).select_related("owner", "assigned_unit")
    selected = {key: request.GET.get(key, "") for key in ("status", "owner", "overdue")}
    if selected["status"] in QuestionStatus.values:
        found = found.filter(status=selected["status"])
    if selected["owner"].isdigit():
        found = found.filter(owner_id=int(selected["owner"]))
    if selected["overdue"]:
        found = found.filter(questions.overdue_filter(timezone.now()))
    return found, selected


@login_required
def questions_page(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    found, selected = _filtered(request, user)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [(question, questions.is_overdue(question, now)) for question in page]
    context = {
        "page": page,
        "rows": rows,
        "counts": questions.question_counts(visible_questions(user), now),
        "statuses": QuestionStatus.choices,
        "organizations": visible_organizations(user).order_by("name"),
        "selected": selected,
        "response_days": questions.response_days(),
    }
    return render(request, "network/questions.html", context)


def owner_choice(user: User, value: str) -> Organization:
    if value.isdigit():
        return get_object_or_404(visible_organizations(user), pk=int(value))
    if user.organization is None:
        raise ValueError(_("Hãy chọn cơ quan được hỏi."))
    return user.organization


@login_required
def question_create(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    error = ""
    if request.method == "POST":
        post = request.POST
        try:
            owner = owner_choice(user, post.get("owner", ""))
            briefing = None
            if post.get("briefing", "").isdigit():
                briefing = get_object_or_404(visible_briefings(user), pk=int(post["briefing"]))
            channel = post.get("channel", "")
            question = questions.register_question(
                user,
                owner,
                subject=post.get("subject", ""),
                question=post.get("question", ""),
                asker_name=post.get("asker_name", ""),
                asker_outlet=post.get("asker_outlet", ""),
                asker_email=post.get("asker_email", ""),
                channel=QuestionChannel(channel) if channel in QuestionChannel.values else None,
                received_at=parse_moment(post.get("received_at", ""), _("Thời điểm nhận")),
                deadline=parse_moment(post.get("deadline", ""), _("Hạn trả lời")),
                briefing=briefing,
            )
            return redirect("network:question", pk=question.pk)
        except (ValueError, PermissionDenied) as problem:
            error = str(problem)
    context = {
        "error": error,
        "organizations": visible_organizations(user).order_by("name"),
        "briefings": visible_briefings(user)[:50],
        "channels": [
            (QuestionChannel.STAFF, QuestionChannel.STAFF.label),
            (QuestionChannel.EMAIL, QuestionChannel.EMAIL.label),
        ],
        "home": user.organization_id,
        "initial_briefing": request.GET.get("briefing", ""),
        "response_days": questions.response_days(),
    }
    return render(request, "network/question_form.html", context, status=422 if error else 200)


def _act(request: HttpRequest, user: User, question: PressQuestion) -> str:
    action = request.POST.get("action")
    if action == "accept":
        questions.accept_question(user, question)
        return _("Đã tiếp nhận câu hỏi.")
    if action == "reject":
        questions.reject_question(user, question)
        return _("Đã đánh dấu không tiếp nhận.")
    if action == "assign":
        unit = get_object_or_404(visible_organizations(user), pk=request.POST.get("unit") or 0)
        questions.assign_question(user, question, unit)
        return _("Đã giao cho %s.") % unit.name
    if action == "answer":
        questions.answer_question(
            user,
            question,
            answer=request.POST.get("answer", ""),
            is_public=bool(request.POST.get("is_public")),
        )
        return _("Đã lưu câu trả lời.")
    if action == "publish":
        questions.publish_question(user, question)
        return _("Đã công bố câu trả lời trên trang báo chí.")
    raise ValueError(_("Thao tác không hợp lệ."))


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    question = get_object_or_404(
        visible_questions(user).select_related("owner", "assigned_unit", "journalist", "briefing"),
        pk=pk,
    )
    if request.method == "POST":
        try:
            messages.success(request, _act(request, user, question))
            return HttpResponseRedirect(request.path)
        except (ValueError, PermissionDenied) as problem:
            messages.error(request, str(problem))
    units = Organization.objects.filter(path__startswith=question.owner.path).order_by("path")
    context = {
        "question": question,
        "overdue": questions.is_overdue(question),
        "units": units,
        "statuses": QuestionStatus,
    }
    return render(request, "network/question_detail.html", context)
