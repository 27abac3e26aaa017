"""Public pages (no login): the press page, releases after their embargo, an organisation's
spokesperson, and the per-recipient tracking links of distributed releases."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.accounts.models import Organization, OrganizationType
from lantoa.accounts.requests import signed_in_user
from lantoa.network.actions.distribution import acknowledge, record_click
from lantoa.network.actions.questions import register_question, response_days
from lantoa.network.models import (
    Contact,
    ContactKind,
    CoverageMethod,
    Delivery,
    Release,
    ReleaseAttachment,
)
from lantoa.network.queries import (
    is_staff_member,
    public_answers,
    public_releases,
    visible_questions,
)


def press_page(request: HttpRequest) -> HttpResponse:
    releases = public_releases().select_related("owner")[:50]
    answers = public_answers().select_related("owner")[:20]
    return render(request, "network/press.html", {"releases": releases, "answers": answers})


def _coverage(release: object) -> list[object]:
    return list(
        release.coverage.select_related("item", "item__source").order_by(  # type: ignore[attr-defined]
            "item__published_at"
        )
    )


def public_release(request: HttpRequest, slug: str) -> HttpResponse:
    release = get_object_or_404(public_releases().select_related("owner"), slug=slug)
    return render(
        request,
        "network/public_release.html",
        {"release": release, "coverage": _coverage(release), "methods": CoverageMethod},
    )


def organization_page(request: HttpRequest, code: str) -> HttpResponse:
    organization = get_object_or_404(Organization, code=code, is_active=True)
    spokespeople = organization.spokespeople.filter(
        is_active=True, kind__in=[ContactKind.SPOKESPERSON, ContactKind.DEPUTY]
    ).order_by("kind", "full_name")
    releases = public_releases().filter(owner=organization)[:20]
    answers = public_answers().filter(owner=organization)[:50]
    context = {
        "organization": organization,
        "spokespeople": spokespeople,
        "releases": releases,
        "answers": answers,
    }
    return render(request, "network/organization.html", context)


def track(request: HttpRequest, token: str) -> HttpResponse:
    """A recipient's unique link: count the click, then show the release.

    Before its embargo ends the public page does not exist yet, so the recipient reads it here.
    """
    delivery = record_click(token)
    if delivery is None:
        raise Http404
    release = delivery.release
    embargoed = release.embargo_until is not None and release.embargo_until > timezone.now()
    if release.is_public and not embargoed:
        return redirect("network:public_release", slug=release.slug)
    return render(
        request,
        "network/public_release.html",
        {"release": release, "coverage": [], "embargoed": embargoed, "token": token},
    )


@require_http_methods(["GET", "POST"])
def acknowledge_page(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners follow links), POST records the acknowledgement."""
    if request.method == "POST":
        delivery = acknowledge(token)
        if delivery is None:
            raise Http404
        return render(request, "network/acknowledged.html", {"delivery": delivery, "done": True})
    delivery = get_object_or_404(Delivery.objects.select_related("release"), token=token)
    return render(request, "network/acknowledged.html", {"delivery": delivery, "done": False})


def _attachment_response(release: Release, pk: int) -> FileResponse:
    attachment = get_object_or_404(ReleaseAttachment, release=release, pk=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def public_attachment(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A public release's file: only once the release itself is public (embargo passed)."""
    release = get_object_or_404(public_releases(), slug=slug)
    return _attachment_response(release, pk)


def recipient_attachment(request: HttpRequest, token: str, pk: int) -> FileResponse:
    """A recipient's link to a file of the release sent to them, embargo or not."""
    delivery = get_object_or_404(Delivery.objects.select_related("release"), token=token)
    return _attachment_response(delivery.release, pk)


def _journalist(request: HttpRequest) -> Contact:
    user = signed_in_user(request)
    contact = Contact.objects.filter(user=user, is_active=True).select_related("outlet").first()
    if contact is None or is_staff_member(user):
        raise PermissionDenied(_("Trang này dành cho nhà báo đã đăng ký với cơ quan."))
    return contact


@login_required
def ask_page(request: HttpRequest) -> HttpResponse:
    """A registered journalist's form and their own questions (answers included)."""
    journalist = _journalist(request)
    user = signed_in_user(request)
    organizations = Organization.objects.filter(is_active=True).exclude(type=OrganizationType.PRESS)
    error = ""
    if request.method == "POST":
        owner = organizations.filter(pk=request.POST.get("owner") or 0).first()
        try:
            if owner is None:
                raise ValueError(_("Hãy chọn cơ quan muốn hỏi."))
            register_question(
                user,
                owner,
                subject=request.POST.get("subject", ""),
                question=request.POST.get("question", ""),
            )
            return redirect("network:ask")
        except ValueError as problem:
            error = str(problem)
    context = {
        "journalist": journalist,
        "organizations": organizations.order_by("name"),
        "questions": visible_questions(user).select_related("owner").order_by("-received_at"),
        "error": error,
        "response_days": response_days(),
    }
    return render(request, "network/ask.html", context, status=422 if error else 200)
