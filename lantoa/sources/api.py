from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from lantoa.core.api_pagination import Pages
from lantoa.sources.models import Source
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
def list_sources(request: HttpRequest, kind: str | None = None, status: str | None = None):  # type: ignore[no-untyped-def]
    sources = visible_sources(request.user).order_by("name")  # type: ignore[arg-type]
    if kind:
        sources = sources.filter(kind=kind)
    if status:
        sources = sources.filter(status=status)
    return sources


@router.get("/{source_id}", response=SourceOut, summary="Một nguồn tin")
def get_source(request: HttpRequest, source_id: int) -> Source:
    return get_object_or_404(visible_sources(request.user), pk=source_id)  # type: ignore[arg-type]
