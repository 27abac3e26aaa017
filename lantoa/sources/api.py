from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.requests import signed_in_user
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.sources.actions import rename_source, set_source_status
from lantoa.sources.models import Source, SourceStatus
from lantoa.sources.queries import visible_sources

router = Router()


class SourceOut(Schema):
    id: int
    name: str
    kind: str
    url: str
    owner_id: int
    is_shared: bool
    status: str
    interval_minutes: int
    last_success_at: datetime | None
    consecutive_failures: int
    last_error: str


@router.get("/", response=list[SourceOut], summary="Danh sách nguồn tin")
@paginate(Pages)
def list_sources(request: HttpRequest, kind: str | None = None, status: str | None = None):
    sources = visible_sources(request.user).order_by("name")  # type: ignore[arg-type]
    if kind:
        sources = sources.filter(kind=kind)
    if status:
        sources = sources.filter(status=status)
    return sources


@router.get("/{source_id}", response=SourceOut, summary="Một nguồn tin")
def get_source(request: HttpRequest, source_id: int) -> Source:
    return get_object_or_404(visible_sources(request.user), pk=source_id)  # type: ignore[arg-type]


class SourcePatch(Schema):
    name: str | None = None
    status: SourceStatus | None = None


@router.patch(
    "/{source_id}",
    response={200: SourceOut, 403: ErrorOut, 422: ErrorOut},
    summary="Đổi tên, tạm dừng hoặc tiếp tục một nguồn tin",
)
def patch_source(request: HttpRequest, source_id: int, payload: SourcePatch) -> Status:
    user = signed_in_user(request)
    source = get_object_or_404(visible_sources(user), pk=source_id)
    try:
        with transaction.atomic():
            if payload.name is not None:
                rename_source(user, source, payload.name)
            if payload.status is not None:
                set_source_status(user, source, payload.status)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(200, source)
