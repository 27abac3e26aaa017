"""Pages where officers add sources, watch their health and import social-media files."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage
from lantoa.sources.actions import SourceInput, add_source, set_source_status
from lantoa.sources.forms import ImportForm, SourceForm
from lantoa.sources.importing import import_file
from lantoa.sources.models import SourceKind, SourceStatus
from lantoa.sources.queries import visible_sources


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    sources = visible_sources(user).select_related("owner").order_by("status", "name")
    return render(request, "sources/source_list.html", {"sources": sources})


@login_required
def source_add(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and user.organization is not None:
        data = form.cleaned_data
        spec = SourceInput(
            kind=SourceKind(data["kind"]),
            url=data["url"],
            name=data["name"],
            interval_minutes=data["interval_minutes"],
            is_shared=data["is_shared"],
            url_patterns=tuple(p.strip() for p in data["url_patterns"].splitlines() if p.strip()),
            platform=data["platform"] or None,
        )
        try:
            source = add_source(user, user.organization, spec)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        except ValueError as invalid:
            form.add_error("url", str(invalid))
        else:
            messages.success(request, _("Đã thêm nguồn. Nguồn mới được quét ngay trong lượt tới."))
            return redirect("sources:detail", pk=source.pk)
    return render(request, "sources/source_form.html", {"form": form})


@login_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    source = get_object_or_404(visible_sources(user).select_related("owner"), pk=pk)
    context = {
        "source": source,
        "runs": source.runs.all()[:20],
        "can_manage": can_manage(user, source.owner) and user.has_perm("sources.change_source"),
        "import_form": ImportForm() if source.kind == SourceKind.FILE else None,
    }
    return render(request, "sources/source_detail.html", context)


@login_required
@require_POST
def source_set_status(request: HttpRequest, pk: int, status: str) -> HttpResponse:
    user = signed_in_user(request)
    source = get_object_or_404(visible_sources(user), pk=pk)
    if status not in SourceStatus.values:
        raise PermissionDenied
    set_source_status(user, source, SourceStatus(status))
    messages.success(request, _("Đã cập nhật trạng thái nguồn."))
    return redirect("sources:detail", pk=pk)


@login_required
@require_POST
def source_import(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    source = get_object_or_404(visible_sources(user), pk=pk, kind=SourceKind.FILE)
    if not (can_manage(user, source.owner) and user.has_perm("sources.change_source")):
        raise PermissionDenied
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(
            request, "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
        return redirect("sources:detail", pk=pk)
    uploaded = form.cleaned_data["file"]
    suffix = "".join(Path(uploaded.name).suffixes[-2:])
    with tempfile.NamedTemporaryFile(suffix=suffix) as stored:
        for chunk in uploaded.chunks():
            stored.write(chunk)
        stored.flush()
        run = import_file(source, Path(stored.name), platform=form.cleaned_data["platform"] or None)
    messages.info(
        request,
        _("Đã nhập %(name)s: lưu %(stored)d, trùng %(dup)d, loại %(rej)d.")
        % {"name": uploaded.name, "stored": run.stored, "dup": run.duplicate, "rej": run.rejected},
    )
    return redirect("sources:detail", pk=pk)
