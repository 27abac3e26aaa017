"""Page-number pagination shared by every list endpoint: ?page=1&page_size=50 (at most 200)."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase


class ErrorOut(Schema):
    detail: str


class Pages(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, description="Số trang, bắt đầu từ 1")
        page_size: int = Field(
            50, ge=1, le=settings.API_PAGE_SIZE_MAX, description="Số mục mỗi trang"
        )

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    items_attribute = "items"

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": list(queryset[offset : offset + pagination.page_size]),
            "count": queryset.count(),
            "page": pagination.page,
            "page_size": pagination.page_size,
        }
