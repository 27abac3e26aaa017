"""Read access to incidents through agency scoping, and the live view's figures."""

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate

from lantoa.accounts.models import User
from lantoa.accounts.scoping import scope_filter
from lantoa.content.models import Item
from lantoa.crisis.models import Incident

__all__ = ["topic_items", "topic_volume", "visible_incidents"]


def visible_incidents(user: User) -> QuerySet[Incident]:
    if not (user.is_authenticated and user.is_active and user.has_perm("crisis.view_incident")):
        return Incident.objects.none()
    return Incident.objects.filter(scope_filter(user, "owner")).select_related("owner", "topic")


def topic_items(incident: Incident) -> QuerySet[Item]:
    """Items of the incident's topic published since it opened (none without a topic)."""
    if incident.topic_id is None:
        return Item.objects.none()
    return Item.objects.filter(
        topic_tags__topic_id=incident.topic_id, published_at__gte=incident.opened_at
    ).order_by("-published_at", "-id")


def topic_volume(incident: Incident) -> list[tuple[date, int, int, int]]:
    """Per day since opening: (day, items, negative, positive)."""
    rows = (
        topic_items(incident)
        .annotate(day=TruncDate("published_at"))
        .values("day")
        .annotate(
            total=Count("id"),
            negative=Count("id", filter=Q(analysis__sentiment="negative")),
            positive=Count("id", filter=Q(analysis__sentiment="positive")),
        )
        .order_by("day")
    )
    return [(r["day"], r["total"], r["negative"], r["positive"]) for r in rows]
