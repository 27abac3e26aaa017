from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from lantoa.content.models import Item
from lantoa.content.queries import visible_items
from lantoa.core.api_pagination import Pages

router = Router()


class ItemOut(Schema):
    id: int
    source_id: int
    kind: str
    url: str
    canonical_url: str
    title: str
    text: str
    author: str
    published_at: datetime | None
    published_date_only: bool
    fetched_at: datetime
    language: str
    content_hash: str
    parent_id: int | None


@router.get("/", response=list[ItemOut], summary="Danh sách tin bài")
@paginate(Pages)
def list_items(
    request: HttpRequest,
    source_id: int | None = None,
    kind: str | None = None,
    language: str | None = None,
    published_from: datetime | None = None,
    published_to: datetime | None = None,
):
    items = visible_items(request.user)  # type: ignore[arg-type]
    if source_id is not None:
        items = items.filter(source_id=source_id)
    if kind:
        items = items.filter(kind=kind)
    if language:
        items = items.filter(language=language)
    if published_from:
        items = items.filter(published_at__gte=published_from)
    if published_to:
        items = items.filter(published_at__lt=published_to)
    return items


@router.get("/{item_id}", response=ItemOut, summary="Một tin bài")
def get_item(request: HttpRequest, item_id: int) -> Item:
    return get_object_or_404(visible_items(request.user), pk=item_id)  # type: ignore[arg-type]
