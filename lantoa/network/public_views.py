"""Public pages (no login): the press page, releases after their embargo, an organisation's
spokesperson, and the per-recipient tracking links of distributed releases."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lantoa.accounts.models import Organization
from lantoa.network.actions.distribution import acknowledge, record_click
from lantoa.network.models import ContactKind, CoverageMethod
from lantoa.network.queries import public_answers, public_releases


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
    return render(
        request,
        "network/organization.html",
        {"organization": organization, "spokespeople": spokespeople, "releases": releases},
    )


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
    from lantoa.network.models import Delivery

    delivery = get_object_or_404(Delivery.objects.select_related("release"), token=token)
    return render(request, "network/acknowledged.html", {"delivery": delivery, "done": False})
