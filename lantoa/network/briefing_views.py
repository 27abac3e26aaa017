"""Staff pages for press conferences: schedule (with materials), invite lists, record who
came, and the questions asked there with their answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.accounts.scoping import visible_organizations
from lantoa.network.actions import briefings
from lantoa.network.models import Briefing, Contact
from lantoa.network.queries import (
    visible_briefings,
    visible_contacts,
    visible_lists,
    visible_questions,
)
from lantoa.network.question_views import owner_choice, parse_moment, staff_user
from lantoa.network.tasks import send_briefing_invitations


@login_required
def briefings_page(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    error = ""
    if request.method == "POST":
        post = request.POST
        try:
            starts_at = parse_moment(post.get("starts_at", ""), _("Thời gian"))
            if starts_at is None:
                raise ValueError(_("Cần ghi thời gian họp báo."))
            with transaction.atomic():
                briefing = briefings.schedule_briefing(
                    user,
                    owner_choice(user, post.get("owner", "")),
                    title=post.get("title", ""),
                    starts_at=starts_at,
                    location=post.get("location", ""),
                    materials=post.get("materials", ""),
                )
                for upload in request.FILES.getlist("files"):
                    briefings.add_material(user, briefing, upload)
            return redirect("network:briefing", pk=briefing.pk)
        except (ValueError, PermissionDenied) as problem:
            error = str(problem)
    context = {
        "briefings": visible_briefings(user).select_related("owner")[:100],
        "organizations": visible_organizations(user).order_by("name"),
        "home": user.organization_id,
        "error": error,
    }
    return render(request, "network/briefings.html", context, status=422 if error else 200)


def _act(request: HttpRequest, user: User, briefing: Briefing) -> str:
    action = request.POST.get("action")
    if action == "invite":
        chosen = visible_lists(user).filter(pk__in=request.POST.getlist("lists"))
        with transaction.atomic():
            count = briefings.invite_lists(user, briefing, chosen)
            transaction.on_commit(lambda: send_briefing_invitations.delay(briefing.pk))
        return _("Đã xếp %d giấy mời vào hàng gửi.") % count
    if action == "resend":
        with transaction.atomic():
            count = briefings.resend_failed_invitations(user, briefing)
            transaction.on_commit(lambda: send_briefing_invitations.delay(briefing.pk))
        return _("Gửi lại %d giấy mời.") % count
    if action == "attendance":
        present = visible_contacts(user).filter(pk__in=request.POST.getlist("present"))
        count = briefings.set_attendance(user, briefing, present)
        return _("Đã ghi %d người dự.") % count
    if action == "link":
        question = get_object_or_404(visible_questions(user), pk=request.POST.get("question") or 0)
        briefings.link_question(user, briefing, question)
        return _("Đã gắn câu hỏi vào buổi họp báo.")
    if action == "material":
        for upload in request.FILES.getlist("files"):
            briefings.add_material(user, briefing, upload)
        return _("Đã thêm tài liệu.")
    raise ValueError(_("Thao tác không hợp lệ."))


@login_required
def briefing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    briefing = get_object_or_404(visible_briefings(user).select_related("owner"), pk=pk)
    if request.method == "POST":
        try:
            messages.success(request, _act(request, user, briefing))
            return HttpResponseRedirect(request.path)
        except (ValueError, PermissionDenied) as problem:
            messages.error(request, str(problem))
    invited = briefing.invitations.select_related("contact", "contact__outlet")
    present = set(briefing.attendees.values_list("pk", flat=True))
    candidates = (
        Contact.objects.filter(briefings.attendance_candidates(briefing))
        .distinct()
        .select_related("outlet")
        .order_by("full_name")
    )
    linkable = visible_questions(user).filter(owner=briefing.owner, briefing__isnull=True)
    context = {
        "briefing": briefing,
        "invitations": invited,
        "sent": invited.filter(status="sent").count(),
        "candidates": [(contact, contact.pk in present) for contact in candidates],
        "lists": visible_lists(user),
        "invited_lists": set(briefing.invited_lists.values_list("pk", flat=True)),
        "questions": briefing.questions.all(),
        "linkable": linkable.order_by("-received_at")[:100],
        "files": briefing.files.all(),
    }
    return render(request, "network/briefing_detail.html", context)


@login_required
def briefing_material(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    user = staff_user(request)
    briefing = get_object_or_404(visible_briefings(user), pk=pk)
    material = get_object_or_404(briefing.files, pk=file_pk)
    return FileResponse(material.file.open("rb"), as_attachment=True, filename=material.name)
