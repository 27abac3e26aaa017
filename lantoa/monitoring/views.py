"""Monitoring pages: the morning overview, topics and their dashboards, search, alerts.

Thin: reads through ``queries``/``search``/``trends``, writes through ``actions``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import is_central
from lantoa.content.models import Item, ItemKind
from lantoa.core.downloads import document_download
from lantoa.core.http import HtmxHttpRequest
from lantoa.monitoring import actions, exports, stories, trends, weekly
from lantoa.monitoring.alerts import emerging_issues
from lantoa.monitoring.counters import ALL_ITEMS
from lantoa.monitoring.detection.forecast import SeriesKind
from lantoa.monitoring.forms import AlertRuleForm, SearchForm, TopicForm
from lantoa.monitoring.models import (
    AlertKind,
    AlertSensitivity,
    AlertStatus,
    ReportSubscription,
    Topic,
)
from lantoa.monitoring.queries import visible_alerts, visible_topics
from lantoa.monitoring.query import snippet
from lantoa.monitoring.search import COUNT_CAP, SearchResult, facets, search

PAGE_SIZE = 20
MAX_COMPARED = 5
PERIODS = (30, 90, 180)
REPORT_WEEKS = 8
TOP_STORIES = 10


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The officer's morning page: topics with their last 7 days, and open alerts."""
    user = signed_in_user(request)
    since = trends.local_today() - timedelta(days=6)
    rows = []
    for topic in visible_topics(user).filter(active=True):
        week = trends.daily_series(topic.pk, days=7)
        share = week.negative_share()
        analysed = sum(sum(week.sentiment[s]) for s in ("negative", "neutral", "positive"))
        negative = sum(week.sentiment["negative"])
        rows.append(
            {
                "topic": topic,
                "week": sum(week.volume),
                "today": week.volume[-1],
                "negative_share": round(100 * negative / analysed) if analysed else None,
                "spark": list(week.volume),
                "latest_share": share[-1],
            }
        )
    alerts = visible_alerts(user).exclude(status=AlertStatus.CLOSED)[:10]
    context = {
        "rows": rows,
        "alerts": alerts,
        "since": since,
        "can_add": user.has_perm("monitoring.add_topic"),
        "inactive": visible_topics(user).filter(active=False),
    }
    return render(request, "monitoring/overview.html", context)


@login_required
@permission_required("monitoring.add_topic", raise_exception=True)
def topic_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if user.organization is None:
            raise PermissionDenied(_("Tài khoản chưa thuộc đơn vị nào."))
        try:
            topic = actions.create_topic(
                user, user.organization, actions.TopicSpec(**form.cleaned_data)
            )
        except ValueError as invalid:
            form.add_error("name", str(invalid))
        else:
            messages.success(request, _("Đã tạo chủ đề; đang gắn các tin bài đã có."))
            return redirect("monitoring:topic_dashboard", pk=topic.pk)
    return render(request, "monitoring/topic_form.html", {"form": form, "topic": None})


@login_required
def topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    topic = get_object_or_404(visible_topics(user), pk=pk)
    initial = {
        "name": topic.name,
        "query": topic.query,
        "exact": topic.exact,
        "active": topic.active,
    }
    form = TopicForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_topic(user, topic, actions.TopicSpec(**form.cleaned_data))
        except ValueError as invalid:
            form.add_error("name", str(invalid))
        else:
            messages.success(request, _("Đã lưu chủ đề."))
            return redirect("monitoring:topic_dashboard", pk=topic.pk)
    return render(request, "monitoring/topic_form.html", {"form": form, "topic": topic})


def _period(request: HttpRequest) -> int:
    value = request.GET.get("days", "")
    return int(value) if value.isdigit() and int(value) in PERIODS else 90


def _chart_payload(topic: Topic, days: int) -> dict[str, Any]:
    series = trends.daily_series(topic.pk, days=days)
    overall = trends.daily_series(ALL_ITEMS, days=days)
    labels = [day.isoformat() for day in series.days]
    share = [
        round(100 * v / total, 2) if total else 0
        for v, total in zip(series.volume, overall.volume, strict=True)
    ]
    payload: dict[str, Any] = {
        "days": labels,
        "volume": list(series.volume),
        "share": share,
        "sentiment": {key or "none": list(values) for key, values in series.sentiment.items()},
        "anomalies": [labels[i] for i in trends.anomalies(series.volume)],
        "negative_anomalies": [labels[i] for i in trends.anomalies(series.negative_share())],
    }
    predicted = trends.forecast(series.volume, SeriesKind.VOLUME)
    if predicted is not None:
        future = [series.days[-1] + timedelta(days=i + 1) for i in range(len(predicted.forecast))]
        payload["forecast"] = {
            "days": [day.isoformat() for day in future],
            "point": [round(v, 1) for v in predicted.forecast],
            "lower_80": [round(v, 1) for v in predicted.lower_80],
            "upper_80": [round(v, 1) for v in predicted.upper_80],
            "lower_95": [round(v, 1) for v in predicted.lower_95],
            "upper_95": [round(v, 1) for v in predicted.upper_95],
            "method": predicted.method,
        }
    since = series.days[0]
    kinds = dict(ItemKind.choices)
    payload["sources"] = trends.top_sources(topic.pk, since=since)
    payload["keywords"] = trends.breakdown(topic.pk, "keyword", since=since, limit=15)
    payload["provinces"] = trends.breakdown(topic.pk, "province", since=since, limit=34)
    payload["channels"] = [
        (str(kinds.get(value, value)), n)
        for value, n in trends.breakdown(topic.pk, "channel", since=since)
    ]
    payload["source_kinds"] = trends.source_kinds(topic.pk, since=since)
    return payload


@login_required
def topic_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    topic = get_object_or_404(visible_topics(user), pk=pk)
    days = _period(request)
    context = {
        "topic": topic,
        "days": days,
        "periods": PERIODS,
        "chart": _chart_payload(topic, days),
        "backfill": topic.backfills.first(),
        "alerts": visible_alerts(user).filter(topic=topic)[:10],
        "rules": topic.alert_rules.all(),
        "rule_form": AlertRuleForm(),
        "can_edit": user.has_perm("monitoring.change_topic"),
        "can_add_rule": user.has_perm("monitoring.add_alertrule"),
        "others": visible_topics(user).exclude(pk=topic.pk).filter(active=True),
        "plotly_version": _plotly_version(),
        "stories": stories.top_stories(
            topic.pk, since=trends.local_today() - timedelta(days=days - 1), limit=TOP_STORIES
        ),
        "report_weeks": _report_weeks(),
        "emerging": emerging_issues(topic.pk)[:5],
        "subscribed": ReportSubscription.objects.filter(topic=topic, user=user).exists(),
    }
    return render(request, "monitoring/topic_dashboard.html", context)


def _report_weeks() -> list[str]:
    """The last complete weeks, newest first (the first is the one e-mailed this Monday)."""
    return weekly.week_labels(weekly.due_week(), REPORT_WEEKS)


@login_required
def topic_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The weekly report of a topic as PDF, DOCX or XLSX (``?week=YYYY-Www``, last week by
    default)."""
    topic = get_object_or_404(visible_topics(signed_in_user(request)), pk=pk)
    try:
        monday = weekly.parse_week(request.GET["week"]) if "week" in request.GET else None
    except ValueError as invalid:
        return HttpResponseBadRequest(str(invalid))
    from lantoa.monitoring.report_render import render_report

    week = monday or weekly.due_week()
    return document_download(
        fmt,
        lambda chosen: render_report(chosen, weekly.build_weekly_report(topic, week)),
        f"lantoa-bao-cao-tuan-{weekly.week_label(week)}-chu-de-{topic.pk}",
    )


@login_required
@require_POST
def report_subscription(request: HttpRequest, pk: int) -> HttpResponse:
    """Subscribe to (or unsubscribe from) the topic's weekly report e-mail."""
    user = signed_in_user(request)
    topic = get_object_or_404(visible_topics(user), pk=pk)
    if request.POST.get("action") == "unsubscribe":
        actions.unsubscribe_from_report(user, topic)
        messages.success(request, _("Bạn sẽ không nhận báo cáo tuần của chủ đề này nữa."))
    else:
        try:
            actions.subscribe_to_report(user, topic)
        except ValueError as invalid:
            messages.error(request, str(invalid))
        else:
            messages.success(
                request, _("Bạn sẽ nhận báo cáo tuần qua thư điện tử vào sáng thứ Hai.")
            )
    return redirect("monitoring:topic_dashboard", pk=topic.pk)


@login_required
def topic_backfill(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress box of the latest retroactive scan (polled by htmx while running)."""
    topic = get_object_or_404(visible_topics(signed_in_user(request)), pk=pk)
    return render(
        request, "monitoring/_backfill.html", {"topic": topic, "backfill": topic.backfills.first()}
    )


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """Up to five topics side by side: daily volume and negative share."""
    user = signed_in_user(request)
    wanted = [int(v) for v in request.GET.getlist("topics") if v.isdigit()][:MAX_COMPARED]
    topics = list(visible_topics(user).filter(pk__in=wanted))
    days = _period(request)
    lines = []
    for topic in topics:
        series = trends.daily_series(topic.pk, days=days)
        lines.append(
            {
                "name": topic.name,
                "days": [d.isoformat() for d in series.days],
                "volume": list(series.volume),
                "negative_share": [round(100 * v, 1) for v in series.negative_share()],
            }
        )
    context = {
        "topics": topics,
        "all_topics": visible_topics(user).filter(active=True),
        "chart": {"lines": lines},
        "days": days,
        "periods": PERIODS,
        "max_compared": MAX_COMPARED,
        "plotly_version": _plotly_version(),
    }
    return render(request, "monitoring/compare.html", context)


@login_required
def search_page(request: HtmxHttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "page": None}
    if form.is_bound and form.is_valid():
        result = search(user, form.params())
        found = result.count_up_to(COUNT_CAP)
        listed = replace(result, items=result.items.select_related("source", "analysis"))
        paginator: Paginator[Item] = Paginator(listed, PAGE_SIZE)  # type: ignore[arg-type]
        paginator.count = min(found, COUNT_CAP)  # the cached property, counted once above
        page = paginator.get_page(request.GET.get("page"))
        for item in page.object_list:
            item.title_segments = (
                snippet(result.query, item.title, field="title", width=300)
                if result.query
                else None
            )
            item.snippet_segments = snippet(result.query, item.text) if result.query else None
        query_string = request.GET.copy()
        query_string.pop("page", None)
        context.update(
            page=page,
            facets=facets(user, _facet_base(result, found)),
            more_than_cap=found > COUNT_CAP,
            query_string=query_string.urlencode(),
        )
    template = "monitoring/_search_results.html" if request.htmx else "monitoring/search.html"
    return render(request, template, context)


def _facet_base(result: SearchResult, found: int) -> QuerySet[Item]:
    """What the facets count: every match, or past the count cap the first page-able ones.

    Grouping a hundred thousand matches seven ways takes seconds at a million items; the page
    says the facets then describe the first 1,000 results.
    """
    if found <= COUNT_CAP:
        return result.matched
    return Item.objects.filter(pk__in=[item.pk for item in result.rows(0, COUNT_CAP)])


@login_required
def search_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    user = signed_in_user(request)
    form = SearchForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            json.dumps(form.errors, ensure_ascii=False), content_type="application/json"
        )
    items = search(user, form.params()).items
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_lines(items), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="lantoa-tim-kiem-{stamp}.csv"'
        return response
    return FileResponse(
        exports.xlsx_file(items),
        as_attachment=True,
        filename=f"lantoa-tim-kiem-{stamp}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
@require_POST
def rule_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    topic = get_object_or_404(visible_topics(user), pk=pk)
    form = AlertRuleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        spec = actions.AlertRuleSpec(
            kind=AlertKind(data["kind"]),
            sensitivity=AlertSensitivity(data["sensitivity"]),
            min_count=data["min_count"],
            cooldown_minutes=data["cooldown_minutes"],
            emails=data["emails"],
            webhook_url=data["webhook_url"],
            webhook_secret=data["webhook_secret"],
        )
        try:
            actions.create_alert_rule(user, topic, spec)
        except ValueError as invalid:
            messages.error(request, str(invalid))
        else:
            messages.success(request, _("Đã thêm quy tắc cảnh báo."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("monitoring:topic_dashboard", pk=topic.pk)


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    status = request.GET.get("status", "")
    alerts = visible_alerts(user)
    if status in AlertStatus.values:
        alerts = alerts.filter(status=status)
    else:
        alerts = alerts.exclude(status=AlertStatus.CLOSED)
    page = Paginator(alerts, PAGE_SIZE).get_page(request.GET.get("page"))
    assignees = User.objects.filter(is_active=True)
    if not is_central(user):
        assignees = assignees.filter(organization=user.organization)
    context = {
        "page": page,
        "status": status,
        "statuses": AlertStatus.choices,
        "assignees": assignees.order_by("username")[:200],
        "can_change": user.has_perm("monitoring.change_alert"),
    }
    return render(request, "monitoring/alert_list.html", context)


@login_required
@require_POST
def alert_action(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    alert = get_object_or_404(visible_alerts(user), pk=pk)
    action = request.POST.get("action", "")
    if action == "acknowledge":
        actions.acknowledge_alert(user, alert)
    elif action == "close":
        actions.close_alert(user, alert)
    elif action == "assign":
        assignee = get_object_or_404(User, pk=request.POST.get("assignee") or 0, is_active=True)
        actions.assign_alert(user, alert, assignee)
    else:
        return HttpResponseBadRequest(_("Thao tác không hợp lệ."))
    return redirect(request.POST.get("next") or "monitoring:alert_list")


def _plotly_version() -> str:
    import plotly

    return str(plotly.__version__)


@lru_cache(maxsize=1)
def _plotly_source() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode()


def plotly_js(request: HttpRequest, version: str) -> HttpResponse:
    """plotly.js from the installed plotly wheel (no copy in the repository), cached a year.

    The URL carries the plotly version, so an upgrade changes the URL and busts the cache.
    """
    response = HttpResponse(_plotly_source(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
