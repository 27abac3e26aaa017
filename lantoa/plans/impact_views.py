"""Impact of an activity: items linked to its outputs, before/during/after, as a Plotly chart.

plotly.js is served from the installed plotly wheel (never a committed copy), cached in memory.
"""

import functools
import hashlib
from typing import Any

import plotly.graph_objects as go
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import etag

from lantoa.accounts.models import User
from lantoa.monitoring.impact import topic_phase_summary
from lantoa.monitoring.queries import visible_topics
from lantoa.plans.impact import ImpactPoint, Phase, TopicImpact, TopicRow, summarise, topic_rows
from lantoa.plans.models import Activity, Plan, Policy
from lantoa.plans.queries import linked_items

__all__ = [
    "impact_context",
    "impact_figure",
    "impact_points",
    "phase_labels",
    "plotly_js",
    "topic_figure",
    "topic_impacts",
]

WINDOW_DAYS = 30


@functools.cache
def _plotly_source() -> tuple[str, str]:
    from plotly.offline import get_plotlyjs

    source = get_plotlyjs()
    return source, hashlib.sha256(source.encode()).hexdigest()[:16]


@etag(lambda request: _plotly_source()[1])
def plotly_js(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_plotly_source()[0], content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def phase_labels() -> dict[str, str]:
    return {Phase.BEFORE: _("Trước"), Phase.DURING: _("Trong"), Phase.AFTER: _("Sau")}


def impact_figure(points: list[ImpactPoint]) -> str:
    """The chart as Plotly JSON: linked items and their reach per phase."""
    labels = phase_labels()
    x = [labels[p.phase] for p in points]
    figure = go.Figure(
        data=[
            go.Bar(name=_("Số tin, bài"), x=x, y=[p.items for p in points]),
            go.Bar(name=_("Lượt tương tác"), x=x, y=[p.reach for p in points], yaxis="y2"),
        ],
        layout={
            "barmode": "group",
            "height": 320,
            "margin": {"l": 40, "r": 40, "t": 20, "b": 40},
            "yaxis": {"title": {"text": _("Số tin, bài")}},
            "yaxis2": {"title": {"text": _("Lượt tương tác")}, "overlaying": "y", "side": "right"},
        },
    )
    return str(figure.to_json())


def topic_figure(rows: list[TopicRow]) -> str:
    """The topic chart as Plotly JSON: items per day (bars), sentiment shares in % (lines)."""
    labels = phase_labels()
    x = [labels[row.phase] for row in rows]
    lines = [
        (_("Tiêu cực (%)"), [row.negative_percent for row in rows]),
        (_("Trung lập (%)"), [row.neutral_percent for row in rows]),
        (_("Tích cực (%)"), [row.positive_percent for row in rows]),
    ]
    figure = go.Figure(
        data=[
            go.Bar(name=_("Tin/ngày về chủ đề"), x=x, y=[row.items_per_day for row in rows]),
            *(
                go.Scatter(name=name, x=x, y=values, mode="lines+markers", yaxis="y2")
                for name, values in lines
            ),
        ],
        layout={
            "height": 320,
            "margin": {"l": 40, "r": 40, "t": 20, "b": 40},
            "yaxis": {"title": {"text": _("Tin/ngày")}},
            "yaxis2": {
                "title": {"text": _("Sắc thái (%)")},
                "overlaying": "y",
                "side": "right",
                "range": [0, 100],
            },
        },
    )
    return str(figure.to_json())


def _window(subject: Activity | Plan) -> tuple[Any, Any] | None:
    if isinstance(subject, Plan):
        window = subject.activities.aggregate(first=Min("starts_on"), last=Max("ends_on"))
        if window["first"] is None:
            return None
        return window["first"], window["last"]
    return subject.starts_on, subject.ends_on


def _policies(subject: Activity | Plan) -> list[Policy]:
    if isinstance(subject, Activity):
        return [subject.policy] if subject.policy else []
    ids = set(subject.policies.values_list("pk", flat=True))
    ids |= set(subject.activities.exclude(policy=None).values_list("policy_id", flat=True))
    return list(Policy.objects.filter(pk__in=ids).select_related("monitoring_topic"))


def topic_impacts(user: User, subject: Activity | Plan) -> list[TopicImpact]:
    """Each policy of the activity (or of the plan and its activities) with its topic's phases.

    A topic the viewer may not see counts as none: its coverage would reveal another agency's
    monitoring.
    """
    window = _window(subject)
    if window is None:
        return []
    seen = set(visible_topics(user).values_list("pk", flat=True))
    found = []
    for policy in sorted(_policies(subject), key=lambda p: p.title):
        topic = policy.monitoring_topic if policy.monitoring_topic_id in seen else None
        summary = (
            topic_phase_summary(topic.pk, window[0], window[1], WINDOW_DAYS, WINDOW_DAYS)
            if topic
            else None
        )
        found.append(
            TopicImpact(policy=policy.title, topic=topic.name if topic else None, summary=summary)
        )
    return found


def impact_points(
    user: User, subject: Activity | Plan
) -> tuple[list[Any], list[ImpactPoint]] | None:
    """Linked items and their phases; a plan's window runs from its first activity's start to
    its last one's end. None for a plan without activities."""
    window = _window(subject)
    if window is None:
        return None
    starts_on, ends_on = window
    items = list(linked_items(user, subject).select_related("source").order_by("published_at"))
    points = summarise(
        (
            (
                timezone.localdate(item.published_at) if item.published_at else None,
                item.raw if isinstance(item.raw, dict) else None,
            )
            for item in items
        ),
        starts_on=starts_on,
        ends_on=ends_on,
        window_days=WINDOW_DAYS,
    )
    return items, points


def impact_context(user: User, subject: Activity | Plan) -> dict[str, Any]:
    found = impact_points(user, subject)
    if found is None:
        return {"impact_points": None}
    items, points = found
    labels = phase_labels()
    topics = []
    for number, impact in enumerate(topic_impacts(user, subject), start=1):
        rows = topic_rows(impact.summary) if impact.summary else []
        topics.append(
            {
                "impact": impact,
                "rows": [(labels[row.phase], row) for row in rows],
                "chart": topic_figure(rows) if rows else None,
                "data_id": f"topic-{number}-data",
            }
        )
    return {
        "linked_items": items,
        "impact_points": [(labels[p.phase], p) for p in points],
        "impact_chart": impact_figure(points) if items else None,
        "impact_window": WINDOW_DAYS,
        "topic_impacts": topics,
        "topic_charts": any(entry["chart"] for entry in topics),
        "is_activity": isinstance(subject, Activity),
    }
