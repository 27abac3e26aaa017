"""Read access to topics and alerts, always through agency scoping."""

from django.db.models import QuerySet

from lantoa.accounts.models import User
from lantoa.accounts.scoping import scope_filter
from lantoa.monitoring.models import Alert, Topic

__all__ = ["visible_alerts", "visible_topics"]


def visible_topics(user: User) -> QuerySet[Topic]:
    """Topics owned by organisations ``user`` reaches."""
    if not user.is_authenticated or not user.is_active:
        return Topic.objects.none()
    return Topic.objects.filter(scope_filter(user, "owner")).select_related("owner")


def visible_alerts(user: User) -> QuerySet[Alert]:
    if not user.is_authenticated or not user.is_active:
        return Alert.objects.none()
    return Alert.objects.filter(scope_filter(user, "owner")).select_related(
        "topic", "assignee", "rule"
    )
