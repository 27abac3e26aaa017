"""Monitoring API: topics, their daily trends, search, alerts."""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.requests import signed_in_user
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.monitoring import actions, trends
from lantoa.monitoring.models import Alert
from lantoa.monitoring.queries import visible_alerts, visible_topics
from lantoa.monitoring.query import QueryError
from lantoa.monitoring.search import SearchParams, search

router = Router()


class TopicOut(Schema):
    id: int
    name: str
    query: str
    exact: bool
    active: bool
    owner_id: int


class TopicIn(Schema):
    name: str
    query: str
    exact: bool = False
    active: bool = True


class TrendOut(Schema):
    days: list[date]
    volume: list[int]
    negative: list[int]
    neutral: list[int]
    positive: list[int]
    not_analysed: list[int]


class HitOut(Schema):
    id: int
    title: str
    published_at: datetime | None
    source_id: int
    kind: str
    url: str


class AlertOut(Schema):
    id: int
    kind: str
    title: str
    detail: str
    status: str
    topic_id: int | None
    created_at: datetime


@router.get("/topics", response=list[TopicOut], summary="Chủ đề theo dõi")
@paginate(Pages)
def list_topics(request: HttpRequest):
    return visible_topics(request.user).order_by("name")  # type: ignore[arg-type]


@router.post(
    "/topics", response={201: TopicOut, 403: ErrorOut, 422: ErrorOut}, summary="Thêm chủ đề"
)
def create_topic(request: HttpRequest, payload: TopicIn) -> Status:
    user = signed_in_user(request)
    if user.organization is None:
        return Status(403, {"detail": "Tài khoản chưa thuộc đơn vị nào."})
    try:
        topic = actions.create_topic(user, user.organization, actions.TopicSpec(**payload.dict()))
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except QueryError as error:
        return Status(422, {"detail": error.message})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, topic)


@router.get("/topics/{topic_id}/trend", response=TrendOut, summary="Số tin theo ngày của chủ đề")
def topic_trend(request: HttpRequest, topic_id: int, days: int = 90) -> dict[str, object]:
    topic = get_object_or_404(visible_topics(request.user), pk=topic_id)  # type: ignore[arg-type]
    series = trends.daily_series(topic.pk, days=max(1, min(days, 366)))
    return {
        "days": list(series.days),
        "volume": list(series.volume),
        "negative": list(series.sentiment["negative"]),
        "neutral": list(series.sentiment["neutral"]),
        "positive": list(series.sentiment["positive"]),
        "not_analysed": list(series.sentiment[""]),
    }


class SearchQuery(Schema):
    q: str = ""
    date_from: date | None = None
    date_to: date | None = None
    source: int | None = None
    source_kind: str = ""
    kind: str = ""
    province: str = ""
    sentiment: str = ""
    topic: int | None = None
    language: str = ""
    sort: str = "date"


class SearchOut(Schema):
    items: list[HitOut]
    count: int
    page: int
    page_size: int


@router.get(
    "/search", response={200: SearchOut, 422: ErrorOut}, summary="Tìm kiếm tin bài (phân trang)"
)
def search_items(
    request: HttpRequest, filters: Query[SearchQuery], page: int = 1, page_size: int = 50
) -> Status:
    page, page_size = max(1, page), max(1, min(page_size, settings.API_PAGE_SIZE_MAX))
    try:
        result = search(request.user, SearchParams(**filters.dict()))  # type: ignore[arg-type]
    except QueryError as error:
        return Status(422, {"detail": error.message})
    offset = (page - 1) * page_size
    return Status(
        200,
        {
            "items": result.rows(offset, offset + page_size),
            "count": result.matched.count(),
            "page": page,
            "page_size": page_size,
        },
    )


@router.get("/alerts", response=list[AlertOut], summary="Cảnh báo")
@paginate(Pages)
def list_alerts(request: HttpRequest, status: str | None = None) -> QuerySet[Alert]:
    alerts = visible_alerts(request.user)  # type: ignore[arg-type]
    return alerts.filter(status=status) if status else alerts
