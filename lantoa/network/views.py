"""Staff pages of the network: directory, import, lists, spokesperson, releases. Thin: every
read goes through ``queries``, every write through ``actions``."""

import base64
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.core.http import HtmxHttpRequest
from lantoa.network.actions import directory, distribution, releases
from lantoa.network.importing import UnreadableFile, write_csv, write_xlsx
from lantoa.network.models import ContactKind, ListKind, Release, ReleaseStatus
from lantoa.network.queries import (
    is_staff_member,
    list_recipients,
    visible_contacts,
    visible_lists,
    visible_releases,
)
from lantoa.network.tasks import send_release
from lantoa.network.vocabulary import BEATS, PROVINCE_NAMES, to_tags

PAGE_SIZE = 50
_SESSION_IMPORT = "network_import"


def _staff(request: HttpRequest) -> User:
    user = signed_in_user(request)
    if not is_staff_member(user):
        raise PermissionDenied
    return user


def _home(user: User) -> Organization:
    if user.organization is None:
        raise PermissionDenied(_("Tài khoản chưa thuộc đơn vị nào."))
    return user.organization


@login_required
def directory_page(request: HtmxHttpRequest) -> HttpResponse:
    user = _staff(request)
    contacts = visible_contacts(user).select_related("outlet", "owner")
    kind, beat, province = (request.GET.get(k, "") for k in ("kind", "beat", "province"))
    if kind in ContactKind.values:
        contacts = contacts.filter(kind=kind)
    if beat in BEATS:
        contacts = contacts.filter(beats__contains=to_tags([beat]))
    if province in PROVINCE_NAMES:
        contacts = contacts.filter(provinces__contains=to_tags([province]))
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "kinds": ContactKind.choices,
        "beats": BEATS.items(),
        "provinces": PROVINCE_NAMES.items(),
        "selected": {"kind": kind, "beat": beat, "province": province},
    }
    return render(request, "network/directory.html", context)


@login_required
def export_contacts(request: HttpRequest, fmt: str) -> HttpResponse:
    user = _staff(request)
    contacts = visible_contacts(user).select_related("outlet").order_by("id")
    rows = list(directory.export_rows(contacts))
    if fmt == "csv":
        response = HttpResponse(write_csv(rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            write_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        return HttpResponse(status=404)
    response["Content-Disposition"] = f'attachment; filename="danh-ba.{fmt}"'
    return response


def _stored_upload(request: HttpRequest) -> tuple[bytes, str] | None:
    stored = request.session.get(_SESSION_IMPORT)
    if not stored:
        return None
    return base64.b64decode(stored["data"]), stored["name"]


@login_required
def import_contacts_page(request: HttpRequest) -> HttpResponse:
    """Upload → preview (errors per row, merges) → confirm; the file waits in the session."""
    user = _staff(request)
    owner = _home(user)
    if request.method == "POST" and "file" in request.FILES:
        upload = request.FILES.get("file")
        assert upload is not None
        data = upload.read()
        request.session[_SESSION_IMPORT] = {
            "data": base64.b64encode(data).decode(),
            "name": upload.name,
        }
    stored = _stored_upload(request)
    if stored is None:
        return render(request, "network/import.html", {})
    try:
        plan = directory.plan_import(user, owner, *stored)
    except UnreadableFile as error:
        request.session.pop(_SESSION_IMPORT, None)
        return render(request, "network/import.html", {"file_error": str(error)}, status=422)
    if request.method == "POST" and request.POST.get("confirm") and plan.preview.ok:
        created, merged = directory.import_contacts(user, owner, plan)
        request.session.pop(_SESSION_IMPORT, None)
        messages.success(
            request, _("Đã nhập %(c)d đầu mối mới, gộp %(m)d.") % {"c": created, "m": merged}
        )
        return redirect("network:directory")
    context = {"plan": plan, "filename": stored[1], "rows": plan.preview.rows[:50]}
    return render(request, "network/import.html", context)


@login_required
def lists_page(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    error = ""
    if request.method == "POST":
        try:
            directory.create_list(
                user,
                _home(user),
                name=request.POST.get("name", ""),
                kind=ListKind.DYNAMIC,
                is_shared=bool(request.POST.get("is_shared")),
                criteria={
                    "kinds": request.POST.getlist("kinds"),
                    "beats": request.POST.getlist("beats"),
                    "provinces": request.POST.getlist("provinces"),
                },
            )
            return redirect("network:lists")
        except (ValueError, PermissionDenied) as problem:
            error = str(problem)
    lists = [
        (contact_list, list_recipients(contact_list).count())
        for contact_list in visible_lists(user).select_related("owner")
    ]
    context = {
        "lists": lists,
        "error": error,
        "kinds": ContactKind.choices,
        "beats": BEATS.items(),
        "provinces": PROVINCE_NAMES.items(),
    }
    return render(request, "network/lists.html", context)


@login_required
def spokesperson_page(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    organization = _home(user)
    error = ""
    if request.method == "POST":
        try:
            directory.set_spokesperson(
                user,
                organization,
                **{
                    key: request.POST.get(key, "")
                    for key in ("full_name", "title", "email", "phone")
                },
            )
            return redirect("network:organization", code=organization.code)
        except (ValueError, PermissionDenied) as problem:
            error = str(problem)
    current = organization.spokespeople.filter(kind=ContactKind.SPOKESPERSON).first()
    context = {"organization": organization, "current": current, "error": error}
    return render(request, "network/spokesperson_form.html", context)


def _embargo(value: str) -> datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(_("Thời điểm cấm đăng không hợp lệ."))
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


@login_required
def releases_page(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    error = ""
    if request.method == "POST":
        try:
            release = releases.create_release(
                user,
                _home(user),
                title=request.POST.get("title", ""),
                summary=request.POST.get("summary", ""),
                body=request.POST.get("body", ""),
                topic=request.POST.get("topic", ""),
                embargo_until=_embargo(request.POST.get("embargo_until", "")),
            )
            for upload in request.FILES.getlist("attachments"):
                releases.add_attachment(user, release, upload)
            return redirect("network:release", pk=release.pk)
        except (ValueError, PermissionDenied) as problem:
            error = str(problem)
    items = visible_releases(user).select_related("owner")[:100]
    return render(request, "network/releases.html", {"releases": items, "error": error})


def _release_action(request: HttpRequest, user: User, release: Release) -> None:
    action = request.POST.get("action")
    if action == "submit":
        releases.submit_release(user, release)
    elif action == "approve":
        releases.approve_release(user, release)
    elif action == "return":
        releases.return_to_draft(user, release)
    elif action in {"distribute", "resend"}:
        with transaction.atomic():
            if action == "distribute":
                chosen = visible_lists(user).filter(pk__in=request.POST.getlist("lists"))
                count = distribution.distribute_release(user, release, chosen)
            else:
                count = distribution.resend_release(user, release)
            transaction.on_commit(lambda: send_release.delay(release.pk))
        messages.success(request, _("Đã xếp %d thư vào hàng gửi.") % count)


@login_required
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _staff(request)
    release = get_object_or_404(visible_releases(user).select_related("owner"), pk=pk)
    if request.method == "POST":
        try:
            _release_action(request, user, release)
            return HttpResponseRedirect(request.path)
        except (ValueError, PermissionDenied) as problem:
            messages.error(request, str(problem))
    context = {
        "release": release,
        "report": distribution.distribution_report(release),
        "lists": visible_lists(user),
        "statuses": ReleaseStatus,
        "coverage": release.coverage.select_related("item", "item__source"),
        "deliveries": release.deliveries.select_related("contact", "contact__outlet")[:200],
    }
    return render(request, "network/release_detail.html", context)


@login_required
def release_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The distribution report fragment; htmx polls it while sending is in progress."""
    user = _staff(request)
    release = get_object_or_404(visible_releases(user), pk=pk)
    context = {"release": release, "report": distribution.distribution_report(release)}
    return render(request, "network/_progress.html", context)
