"""The weekly report of a topic: assemble the figures, render them, e-mail them to subscribers.

A week is an ISO week (Monday–Sunday, local time). :func:`build_weekly_report` reads only the
trend counters, stories and alerts and returns plain data; :mod:`lantoa.monitoring.report_render`
turns it into DOCX and PDF. :func:`send_due_reports` is the periodic task: from Monday 07:00
(Asia/Ho_Chi_Minh) it sends last week's report of every active topic with subscribers, once per
topic and week — a :class:`~lantoa.monitoring.models.WeeklyReport` row, unique per (topic, week),
is claimed with a conditional UPDATE before sending, so a retried or doubled scheduler never
sends twice; a failed send is retried on the next run, at most ``MAX_ATTEMPTS`` times.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.monitoring import stories, trends
from lantoa.monitoring.detection.forecast import SeriesKind
from lantoa.monitoring.models import Alert, AlertKind, ReportSubscription, Topic, WeeklyReport

__all__ = [
    "ForecastDay",
    "Spike",
    "WeeklyReportData",
    "build_weekly_report",
    "due_week",
    "parse_week",
    "send_due_reports",
    "send_once",
    "send_weekly_report",
    "week_label",
    "week_labels",
]

logger = logging.getLogger(__name__)

HISTORY_DAYS = 60
SEND_HOUR = 7
MAX_ATTEMPTS = 5
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Spike:
    day: date
    kind: str  # "volume" or "negative"
    value: float


@dataclass(frozen=True, slots=True, kw_only=True)
class ForecastDay:
    day: date
    point: float
    lower_80: float
    upper_80: float
    lower_95: float
    upper_95: float


@dataclass(frozen=True, slots=True, kw_only=True)
class WeeklyReportData:
    """Everything the report says, as plain values (no ORM objects)."""

    topic_name: str
    owner_name: str
    query: str
    week: str
    start: date
    end: date
    days: tuple[date, ...]
    volume: tuple[int, ...]
    previous_total: int
    sentiment: dict[str, int]
    spikes: tuple[Spike, ...]
    alerts: tuple[str, ...]
    top_stories: tuple[stories.TopStory, ...]
    top_sources: tuple[tuple[str, int], ...]
    keywords: tuple[tuple[str, int], ...]
    provinces: tuple[tuple[str, int], ...]
    forecast: tuple[ForecastDay, ...]
    link: str
    generated_at: datetime

    @property
    def total(self) -> int:
        return sum(self.volume)

    @property
    def negative_share(self) -> int | None:
        """Percent of analysed items that are negative, None when none was analysed."""
        analysed = sum(self.sentiment.get(s, 0) for s in ("negative", "neutral", "positive"))
        return round(100 * self.sentiment.get("negative", 0) / analysed) if analysed else None


def parse_week(text: str) -> date:
    """The Monday of an ISO week written ``YYYY-Www``; ValueError with a Vietnamese message."""
    match = _WEEK.match(text.strip())
    if match is None:
        raise ValueError(_("Tuần phải có dạng NĂM-Wsố tuần, ví dụ 2025-W07."))
    try:
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValueError(
            _("Năm %(year)s không có tuần %(week)s.") % {"year": match[1], "week": match[2]}
        ) from None


def week_label(monday: date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_labels(newest: date, count: int) -> list[str]:
    """``count`` ISO week labels, newest first, starting with the week of Monday ``newest``."""
    return [week_label(newest - timedelta(weeks=n)) for n in range(count)]


def due_week(now: datetime | None = None) -> date:
    """The Monday of the last week whose report is due at ``now``: sent from Monday 07:00."""
    local = timezone.localtime(now or timezone.now()) - timedelta(hours=SEND_HOUR)
    this_monday = local.date() - timedelta(days=local.weekday())
    return this_monday - timedelta(days=7)


def _spikes(series: trends.DailySeries, first: int) -> tuple[Spike, ...]:
    found = [
        Spike(day=series.days[i], kind="volume", value=float(series.volume[i]))
        for i in trends.anomalies(series.volume)
        if i >= first
    ]
    shares = series.negative_share()
    found += [
        Spike(day=series.days[i], kind="negative", value=round(100 * shares[i], 1))
        for i in trends.anomalies(shares)
        if i >= first
    ]
    return tuple(sorted(found, key=lambda spike: (spike.day, spike.kind)))


def _forecast(series: trends.DailySeries) -> tuple[ForecastDay, ...]:
    predicted = trends.forecast(series.volume, SeriesKind.VOLUME)
    if predicted is None:
        return ()
    return tuple(
        ForecastDay(
            day=series.days[-1] + timedelta(days=i + 1),
            point=round(predicted.forecast[i], 1),
            lower_80=round(predicted.lower_80[i], 1),
            upper_80=round(predicted.upper_80[i], 1),
            lower_95=round(predicted.lower_95[i], 1),
            upper_95=round(predicted.upper_95[i], 1),
        )
        for i in range(len(predicted.forecast))
    )


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _alerts(topic: Topic, start: date, end: date) -> tuple[str, ...]:
    window = Alert.objects.filter(
        topic=topic,
        created_at__gte=_aware(start),
        created_at__lt=_aware(end + timedelta(days=1)),
    ).exclude(kind=AlertKind.CLAIM_MATCH)
    return tuple(window.order_by("created_at").values_list("title", flat=True)[:20])


def build_weekly_report(topic: Topic, monday: date) -> WeeklyReportData:
    """The figures of ``topic`` for the ISO week starting ``monday`` (from counters only)."""
    end = monday + timedelta(days=6)
    history = trends.daily_series(topic.pk, days=HISTORY_DAYS, end=end)
    first = HISTORY_DAYS - 7
    week_sentiment = {s: sum(values[first:]) for s, values in history.sentiment.items()}
    return WeeklyReportData(
        topic_name=topic.name,
        owner_name=str(topic.owner),
        query=topic.query,
        week=week_label(monday),
        start=monday,
        end=end,
        days=history.days[first:],
        volume=history.volume[first:],
        previous_total=sum(history.volume[first - 7 : first]),
        sentiment=week_sentiment,
        spikes=_spikes(history, first),
        alerts=_alerts(topic, monday, end),
        top_stories=tuple(stories.top_stories(topic.pk, since=monday, until=end, limit=10)),
        top_sources=tuple(trends.top_sources(topic.pk, since=monday, until=end, limit=10)),
        keywords=tuple(trends.breakdown(topic.pk, "keyword", since=monday, until=end, limit=15)),
        provinces=tuple(trends.breakdown(topic.pk, "province", since=monday, until=end, limit=10)),
        forecast=_forecast(history),
        link=settings.LANTOA_PUBLIC_URL.rstrip("/")
        + reverse("monitoring:topic_dashboard", args=[topic.pk]),
        generated_at=timezone.now(),
    )


def send_weekly_report(topic: Topic, monday: date) -> int:
    """E-mail the week's report (PDF and DOCX attached) to each subscriber; returns how many."""
    from lantoa.monitoring.report_render import render_docx, render_pdf

    addresses = sorted(
        set(
            ReportSubscription.objects.filter(topic=topic, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not addresses:
        return 0
    data = build_weekly_report(topic, monday)
    pdf, docx = render_pdf(data), render_docx(data)
    subject = _("[Lantoa] Báo cáo tuần %(week)s: %(topic)s") % {
        "week": data.week,
        "topic": data.topic_name,
    }
    body = _email_body(data)
    name = f"lantoa-bao-cao-tuan-{data.week}-{topic.pk}"
    with get_connection() as connection:
        for address in addresses:
            message = EmailMessage(subject, body, to=[address], connection=connection)
            message.attach(f"{name}.pdf", pdf, "application/pdf")
            message.attach(
                f"{name}.docx",
                docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
            message.send()
    return len(addresses)


def _email_body(data: WeeklyReportData) -> str:
    lines = [
        _("Báo cáo tuần %(week)s (%(start)s – %(end)s) của chủ đề “%(topic)s”.")
        % {
            "week": data.week,
            "start": data.start.strftime("%d/%m/%Y"),
            "end": data.end.strftime("%d/%m/%Y"),
            "topic": data.topic_name,
        },
        _("Số tin trong tuần: %(total)d (tuần trước: %(previous)d).")
        % {"total": data.total, "previous": data.previous_total},
    ]
    if data.negative_share is not None:
        lines.append(_("Tỷ lệ tin tiêu cực: %(share)d%%.") % {"share": data.negative_share})
    lines += [
        _("Báo cáo đầy đủ ở tệp PDF và DOCX đính kèm."),
        _("Xem bảng theo dõi: %(link)s") % {"link": data.link},
    ]
    return "\n".join(lines) + "\n"


def send_once(
    record: QuerySet[Any], attempts: int, send: Callable[[], dict[str, Any] | None], *, what: str
) -> bool:
    """Claim one weekly send and carry it out; returns whether it was sent.

    ``record`` is the one row (with ``attempts``, ``sent_at`` and ``error``) of a send that is
    due once per week, whose ``attempts`` were read as ``attempts``. A conditional UPDATE
    claims it, so a retried or doubled scheduler never sends twice, and at most
    ``MAX_ATTEMPTS`` times; ``send`` may return more fields to store with a success.
    """
    claimed = record.filter(
        sent_at__isnull=True, attempts=attempts, attempts__lt=MAX_ATTEMPTS
    ).update(attempts=F("attempts") + 1)
    if not claimed:
        return False
    try:
        stored = send() or {}
    except Exception as error:
        logger.warning("%s failed: %s", what, error)
        record.update(error=str(error)[:2000])
        return False
    record.update(sent_at=timezone.now(), error="", **stored)
    return True


def send_due_reports(now: datetime | None = None) -> int:
    """Send every due, unsent weekly report (idempotent per topic and week); returns topics sent."""
    monday = due_week(now)
    sent = 0
    topics = Topic.objects.filter(active=True, subscriptions__isnull=False).distinct()
    for topic in topics.select_related("owner"):
        report, _created = WeeklyReport.objects.get_or_create(topic=topic, week_start=monday)
        sent += send_once(
            WeeklyReport.objects.filter(pk=report.pk),
            report.attempts,
            lambda: {"recipients": send_weekly_report(topic, monday)},  # noqa: B023 - called now
            what=f"weekly report {topic.pk} {monday}",
        )
    return sent
