import json
from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage
from lantoa.content.models import Item
from lantoa.content.queries import visible_items
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.sources.importing import accept_push
from lantoa.sources.models import SourceKind
from lantoa.sources.queries import visible_sources

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


class PushResult(Schema):
    source_id: int
    outcome: str
    message: str
    stored: int
    duplicate: int
    rejected: int
    errors: list[str]


@router.post(
    "/",
    response={200: PushResult, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Đối tác gửi tin bài (tối đa 1000 mục mỗi lần)",
    description=(
        'Thân yêu cầu: {"items": [...]} theo lược đồ tệp mạng xã hội (platform, post_id, author, '
        "text, time, url, likes, shares, comments, parent_id). `post_id` là khóa chống trùng: "
        "gửi lại cùng một mục không tạo bản ghi mới."
    ),
)
def push_items(request: HttpRequest, source_id: int) -> Status:
    user = signed_in_user(request)
    source = visible_sources(user).filter(pk=source_id, kind=SourceKind.PUSH).first()
    if source is None:
        return Status(
            404, {"detail": f"Không có nguồn kiểu push #{source_id} mà bạn truy cập được."}
        )
    if not (user.has_perm("sources.change_source") and can_manage(user, source.owner)):
        return Status(403, {"detail": "Bạn không có quyền gửi tin vào nguồn này."})
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        return Status(400, {"detail": f"Thân yêu cầu không phải JSON hợp lệ: {error}"})
    run = accept_push(source, payload)
    if run.outcome == "invalid_payload":
        return Status(400, {"detail": run.message})
    return Status(
        200,
        {
            "source_id": source.pk,
            "outcome": run.outcome,
            "message": run.message,
            "stored": run.stored,
            "duplicate": run.duplicate,
            "rejected": run.rejected,
            "errors": run.samples,
        },
    )
