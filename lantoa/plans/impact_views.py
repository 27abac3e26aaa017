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
from lantoa.plans.impact import ImpactPoint, Phase, summarise
from lantoa.plans.models import Activity, Plan
from lantoa.plans.queries import linked_items

__all__ = ["impact_context", "impact_figure", "impact_points", "phase_labels", "plotly_js"]

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


def impact_points(
    user: User, subject: Activity | Plan
) -> tuple[list[Any], list[ImpactPoint]] | None:
    """Linked items and their phases; a plan's window runs from its first activity's start to
    its last one's end. None for a plan without activities."""
    if isinstance(subject, Plan):
        window = subject.activities.aggregate(first=Min("starts_on"), last=Max("ends_on"))
        if window["first"] is None:
            return None
        starts_on, ends_on = window["first"], window["last"]
    else:
        starts_on, ends_on = subject.starts_on, subject.ends_on
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
    return {
        "linked_items": items,
        "impact_points": [(labels[p.phase], p) for p in points],
        "impact_chart": impact_figure(points) if items else None,
        "impact_window": WINDOW_DAYS,
    }
