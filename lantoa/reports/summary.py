"""The weekly summary of an agency's communication work, across every domain, as its reader sees it.

One ISO week (Monday–Sunday, local time) against the week before: the items collected and
their sentiment, each active topic's volume and sentiment shift, alerts, false-information
work, incidents, press questions and releases, plan activities and public comments. Every
figure is read through the reader's scoping (``visible_*``), so an officer's summary covers
their organisation and those below it, and a central administrator's covers everything.
:func:`build_summary` returns plain data; :mod:`lantoa.reports.render` turns it into documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.accounts.scoping import is_central
from lantoa.consultation.models import CommentStatus
from lantoa.consultation.queries import staff_consultations
from lantoa.content.models import Item
from lantoa.content.queries import visible_items
from lantoa.crisis.models import Incident, IncidentStatus
from lantoa.crisis.queries import visible_incidents
from lantoa.factcheck.models import Verdict
from lantoa.factcheck.queries import visible_claims, visible_tips
from lantoa.monitoring import trends
from lantoa.monitoring.models import AlertKind, AlertStatus
from lantoa.monitoring.queries import visible_alerts, visible_topics
from lantoa.monitoring.weekly import week_label
from lantoa.network.models import QuestionStatus, ReleaseStatus
from lantoa.network.queries import visible_questions, visible_releases
from lantoa.plans.models import OPEN_ACTIVITY_STATUSES, ActivityStatus
from lantoa.plans.queries import visible_activities

__all__ = ["SENTIMENTS", "IncidentLine", "Sentiment", "Summary", "TopicWeek", "build_summary"]

SENTIMENTS = ("negative", "neutral", "positive")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentiment:
    """Items of one week by sentiment; ``unanalysed`` are not in the shares."""

    counts: dict[str, int]
    unanalysed: int

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.unanalysed

    def share(self, sentiment: str) -> int | None:
        """Percent of the analysed items with ``sentiment``; None when none was analysed."""
        analysed = sum(self.counts.values())
        return round(100 * self.counts.get(sentiment, 0) / analysed) if analysed else None


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicWeek:
    name: str
    this_week: Sentiment
    last_week: Sentiment


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentLine:
    title: str
    severity: str
    opened_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """Everything the weekly summary says, as plain values (no ORM objects)."""

    scope: str
    week: str
    start: date
    end: date
    items: Sentiment
    previous_items: Sentiment
    topics: tuple[TopicWeek, ...]
    alerts: tuple[tuple[str, int, int], ...]  # kind label, raised in the week, of them closed
    open_alerts: int  # now, when the summary is made
    tips: int
    verdicts: tuple[tuple[str, int], ...]  # verdict label, claims published in the week
    incidents: tuple[IncidentLine, ...]  # opened or closed in the week
    open_incidents: int  # now, when the summary is made
    questions_received: int
    questions_answered: int
    answered_late: int
    questions_overdue: int  # still unanswered at the end of the week, past their deadline
    releases_approved: int
    activities_done: int
    activities_overdue: int  # due by the end of the week, neither done nor cancelled
    comments: tuple[tuple[str, int], ...]  # consultation, published comments received
    generated_at: datetime


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _sentiment(items: QuerySet[Item], since: datetime, until: datetime) -> Sentiment:
    rows = (
        items.filter(published_at__gte=since, published_at__lt=until)
        .values("analysis__sentiment")
        .annotate(n=Count("pk"))
    )
    counts = {row["analysis__sentiment"]: row["n"] for row in rows}
    return Sentiment(
        counts={s: counts.get(s, 0) for s in SENTIMENTS},
        unanalysed=sum(n for s, n in counts.items() if s not in SENTIMENTS),
    )


def _series_sentiment(series: trends.DailySeries, days: slice) -> Sentiment:
    return Sentiment(
        counts={s: sum(series.sentiment.get(s, ())[days]) for s in SENTIMENTS},
        unanalysed=sum(series.sentiment.get("", ())[days]),
    )


def _topics(user: User, end: date) -> tuple[TopicWeek, ...]:
    """Each active topic's two weeks, from the trend counters (no item scan)."""
    weeks = []
    for topic in visible_topics(user).filter(active=True).order_by("name"):
        series = trends.daily_series(topic.pk, days=14, end=end)
        weeks.append(
            TopicWeek(
                name=topic.name,
                this_week=_series_sentiment(series, slice(7, 14)),
                last_week=_series_sentiment(series, slice(0, 7)),
            )
        )
    return tuple(weeks)


def _alerts(user: User, since: datetime, until: datetime) -> tuple[tuple[str, int, int], ...]:
    rows = (
        visible_alerts(user)
        .filter(created_at__gte=since, created_at__lt=until)
        .values("kind")
        .annotate(raised=Count("pk"), closed=Count("pk", filter=Q(status=AlertStatus.CLOSED)))
    )
    found = {row["kind"]: (row["raised"], row["closed"]) for row in rows}
    return tuple((str(kind.label), *found[kind.value]) for kind in AlertKind if kind.value in found)


def _verdicts(user: User, since: datetime, until: datetime) -> tuple[tuple[str, int], ...]:
    rows = (
        visible_claims(user)
        .filter(published_at__gte=since, published_at__lt=until)
        .values("verdict")
        .annotate(n=Count("pk"))
    )
    found = {row["verdict"]: row["n"] for row in rows}
    return tuple((str(v.label), found[v.value]) for v in Verdict if v.value in found)


def _incidents(user: User, since: datetime, until: datetime) -> tuple[IncidentLine, ...]:
    in_week = Q(opened_at__gte=since, opened_at__lt=until) | Q(
        closed_at__gte=since, closed_at__lt=until
    )
    incidents: QuerySet[Incident] = (
        visible_incidents(user).filter(in_week, opened_at__lt=until).order_by("opened_at")
    )
    return tuple(
        IncidentLine(
            title=incident.title,
            severity=incident.get_severity_display(),
            opened_at=incident.opened_at,
            closed_at=incident.closed_at
            if incident.closed_at is not None and incident.closed_at < until
            else None,
        )
        for incident in incidents
    )


def _comments(user: User, since: datetime, until: datetime) -> tuple[tuple[str, int], ...]:
    in_week = Q(
        comments__created_at__gte=since,
        comments__created_at__lt=until,
        comments__status=CommentStatus.PUBLISHED,
    )
    rows = (
        staff_consultations(user)
        .annotate(n=Count("comments", filter=in_week))
        .filter(n__gt=0)
        .order_by("-n", "title")
        .values_list("title", "n")
    )
    return tuple(rows)


def _scope(user: User) -> str:
    if is_central(user):
        return _("Toàn hệ thống")
    return user.organization.name if user.organization else ""


def build_summary(user: User, monday: date) -> Summary:
    """``user``'s summary of the ISO week starting ``monday``."""
    end = monday + timedelta(days=6)
    since, until = _aware(monday), _aware(monday + timedelta(days=7))
    previous = _aware(monday - timedelta(days=7))
    items = visible_items(user)
    questions = visible_questions(user)
    answered = questions.filter(answered_at__gte=since, answered_at__lt=until)
    activities = visible_activities(user)
    return Summary(
        scope=_scope(user),
        week=week_label(monday),
        start=monday,
        end=end,
        items=_sentiment(items, since, until),
        previous_items=_sentiment(items, previous, since),
        topics=_topics(user, end),
        alerts=_alerts(user, since, until),
        open_alerts=visible_alerts(user).exclude(status=AlertStatus.CLOSED).count(),
        tips=visible_tips(user).filter(created_at__gte=since, created_at__lt=until).count(),
        verdicts=_verdicts(user, since, until),
        incidents=_incidents(user, since, until),
        open_incidents=visible_incidents(user).filter(status=IncidentStatus.OPEN).count(),
        questions_received=questions.filter(received_at__gte=since, received_at__lt=until).count(),
        questions_answered=answered.count(),
        answered_late=answered.filter(answered_at__gt=F("deadline")).count(),
        questions_overdue=questions.filter(
            Q(answered_at__isnull=True) | Q(answered_at__gte=until),
            received_at__lt=until,
            deadline__lt=until,
        )
        .exclude(status=QuestionStatus.REJECTED)
        .count(),
        releases_approved=visible_releases(user)
        .filter(approved_at__gte=since, approved_at__lt=until, status=ReleaseStatus.APPROVED)
        .count(),
        activities_done=activities.filter(
            status=ActivityStatus.DONE, ends_on__gte=monday, ends_on__lte=end
        ).count(),
        activities_overdue=activities.filter(
            status__in=OPEN_ACTIVITY_STATUSES, ends_on__lte=end
        ).count(),
        comments=_comments(user, since, until),
        generated_at=timezone.now(),
    )
