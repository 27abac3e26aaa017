"""Public pages (no login): the tip form, the list of verdicts and one verdict."""

import secrets

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization
from lantoa.factcheck import screening
from lantoa.factcheck.actions import TipInput, receive_tip
from lantoa.factcheck.forms import TipForm
from lantoa.factcheck.queries import published_verdicts

DEVICE_COOKIE = "lantoa_thiet_bi"


def _client_ip(request: HttpRequest) -> str:
    # The direct peer only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return str(request.META.get("REMOTE_ADDR", ""))


def _device(request: HttpRequest) -> str:
    value = request.COOKIES.get(DEVICE_COOKIE, "")
    return value if value.isalnum() and len(value) <= 64 else ""


def _with_device(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not _device(request):
        response.set_cookie(
            DEVICE_COOKIE, secrets.token_hex(16), max_age=365 * 86400, httponly=True, samesite="Lax"
        )
    return response


def _initial_owner(request: HttpRequest) -> dict[str, object]:
    code = request.GET.get("co-quan", "")
    owner = Organization.objects.filter(code=code, is_active=True).first() if code else None
    return {"owner": owner} if owner else {}


def tip_form(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = TipForm(initial=_initial_owner(request))
        return _with_device(request, render(request, "factcheck/tip_form.html", {"form": form}))
    if not screening.allow_submission(ip=_client_ip(request), device=_device(request)):
        message = _(
            "Bạn đã gửi quá nhiều tin báo trong một giờ. Vui lòng thử lại sau; các tin đã gửi "
            "vẫn được xử lý."
        )
        return render(
            request,
            "factcheck/tip_form.html",
            {"form": TipForm(), "throttled": message},
            status=429,
        )
    form = TipForm(request.POST, request.FILES)
    if form.is_valid() and screening.looks_like_spam(
        text=form.cleaned_data["text"], honeypot=form.cleaned_data["website"]
    ):
        form.add_error(None, _("Tin báo bị từ chối vì có dấu hiệu thư rác."))
    if form.is_valid():
        data = form.cleaned_data
        spec = TipInput(
            text=data["text"],
            category=data["category"],
            link=data["link"] or "",
            contact_email=data["contact_email"] or "",
            notify=bool(data["notify"]),
        )
        try:
            receive_tip(data["owner"], spec, screenshot=data["screenshot"])
        except screening.AttachmentRejected as error:
            form.add_error("screenshot", _attachment_message(str(error)))
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "factcheck/tip_thanks.html", {"notify": spec.notify})
    return render(request, "factcheck/tip_form.html", {"form": form}, status=400)


def _attachment_message(reason: str) -> str:
    if reason == "too_big":
        return _("Tệp quá lớn (tối đa 5 MB).")
    return _("Chỉ nhận ảnh PNG, JPEG, WebP hoặc tệp PDF (kiểm tra theo nội dung tệp).")


def public_list(request: HttpRequest) -> HttpResponse:
    verdicts = published_verdicts()[:100]
    return render(request, "factcheck/public_list.html", {"verdicts": verdicts})


def public_verdict(request: HttpRequest, slug: str) -> HttpResponse:
    claim = get_object_or_404(published_verdicts(), slug=slug)
    return render(request, "factcheck/public_verdict.html", {"claim": claim})
