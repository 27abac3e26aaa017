"""Writes to topics, alert rules and alerts: each checks permission and agency scoping first."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.monitoring.models import (
    Alert,
    AlertKind,
    AlertRule,
    AlertSensitivity,
    AlertStatus,
    ReportSubscription,
    Topic,
    TopicBackfill,
)
from lantoa.monitoring.query import Query, QueryError, parse

__all__ = [
    "AlertRuleSpec",
    "TopicSpec",
    "acknowledge_alert",
    "assign_alert",
    "check_query",
    "close_alert",
    "create_alert_rule",
    "create_topic",
    "start_backfill",
    "subscribe_to_report",
    "unsubscribe_from_report",
    "update_topic",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class TopicSpec:
    name: str
    query: str
    exact: bool = False
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertRuleSpec:
    kind: AlertKind
    sensitivity: AlertSensitivity = AlertSensitivity.BALANCED
    min_count: int = 5
    cooldown_minutes: int = 360
    emails: str = ""
    webhook_url: str = ""
    webhook_secret: str = ""


def check_query(text: str, *, exact: bool = False) -> Query:
    """Parse a topic or search query; :class:`QueryError` says why and where it is refused.

    The parser refuses what an index cannot answer cheaply: a query with no positive word
    (``NOT x`` alone), short wildcards (``tr*``), and oversized queries.
    """
    if not text.strip():
        raise QueryError(_("Truy vấn không được để trống."), position=0)
    return parse(text, exact=exact)


def _check_topic_write(user: User, owner: Organization, permission: str) -> None:
    if not (user.has_perm(permission) and can_manage(user, owner)):
        raise PermissionDenied(_("Bạn không có quyền quản lý chủ đề của đơn vị này."))


def _validated(spec: TopicSpec) -> TopicSpec:
    name = spec.name.strip()
    if not name:
        raise ValueError(_("Tên chủ đề không được để trống."))
    check_query(spec.query, exact=spec.exact)
    return TopicSpec(name=name, query=spec.query.strip(), exact=spec.exact, active=spec.active)


def create_topic(user: User, owner: Organization, spec: TopicSpec) -> Topic:
    """Create a topic and queue the retroactive tagging of existing items."""
    _check_topic_write(user, owner, "monitoring.add_topic")
    clean = _validated(spec)
    try:
        with transaction.atomic():
            topic = Topic.objects.create(
                owner=owner,
                name=clean.name,
                query=clean.query,
                exact=clean.exact,
                active=clean.active,
                created_by=user,
            )
    except IntegrityError:
        raise ValueError(_("Đơn vị đã có một chủ đề cùng tên.")) from None
    start_backfill(topic)
    return topic


def update_topic(user: User, topic: Topic, spec: TopicSpec) -> Topic:
    """Change a topic; a changed query (or reactivation) re-tags existing items."""
    _check_topic_write(user, topic.owner, "monitoring.change_topic")
    clean = _validated(spec)
    retag = (clean.query, clean.exact, clean.active) != (topic.query, topic.exact, topic.active)
    topic.name, topic.query, topic.exact, topic.active = (
        clean.name,
        clean.query,
        clean.exact,
        clean.active,
    )
    try:
        with transaction.atomic():
            topic.save()
    except IntegrityError:
        raise ValueError(_("Đơn vị đã có một chủ đề cùng tên.")) from None
    if retag:
        start_backfill(topic)
    return topic


def start_backfill(topic: Topic) -> TopicBackfill:
    """Record a queued scan and hand it to the background worker once this transaction commits."""
    from lantoa.monitoring.tasks import backfill_topic_task

    backfill = TopicBackfill.objects.create(topic=topic, query=topic.query)
    transaction.on_commit(lambda: backfill_topic_task.delay(backfill.pk))
    return backfill


def create_alert_rule(user: User, topic: Topic, spec: AlertRuleSpec) -> AlertRule:
    if not (user.has_perm("monitoring.add_alertrule") and can_manage(user, topic.owner)):
        raise PermissionDenied(_("Bạn không có quyền đặt cảnh báo cho chủ đề này."))
    if spec.webhook_url and not spec.webhook_secret:
        raise ValueError(_("Webhook cần một khóa bí mật để ký nội dung."))
    return AlertRule.objects.create(
        topic=topic,
        kind=spec.kind,
        sensitivity=spec.sensitivity,
        min_count=spec.min_count,
        cooldown_minutes=spec.cooldown_minutes,
        emails=spec.emails,
        webhook_url=spec.webhook_url,
        webhook_secret=spec.webhook_secret,
        created_by=user,
    )


def _check_alert_write(user: User, alert: Alert) -> None:
    if not (user.has_perm("monitoring.change_alert") and can_manage(user, alert.owner)):
        raise PermissionDenied(_("Bạn không có quyền xử lý cảnh báo của đơn vị khác."))


def acknowledge_alert(user: User, alert: Alert) -> Alert:
    _check_alert_write(user, alert)
    if alert.status == AlertStatus.OPEN:
        alert.status = AlertStatus.ACKNOWLEDGED
        alert.acknowledged_at = timezone.now()
        if alert.assignee is None:
            alert.assignee = user
        alert.save(update_fields=["status", "acknowledged_at", "assignee"])
    return alert


def assign_alert(user: User, alert: Alert, assignee: User) -> Alert:
    _check_alert_write(user, alert)
    if assignee.organization is None or not can_manage(user, assignee.organization):
        raise PermissionDenied(_("Chỉ giao cảnh báo cho cán bộ trong đơn vị của bạn."))
    alert.assignee = assignee
    alert.save(update_fields=["assignee"])
    return alert


def close_alert(user: User, alert: Alert) -> Alert:
    _check_alert_write(user, alert)
    if alert.status != AlertStatus.CLOSED:
        alert.status = AlertStatus.CLOSED
        alert.closed_at = timezone.now()
        alert.save(update_fields=["status", "closed_at"])
    return alert


def _check_topic_read(user: User, topic: Topic) -> None:
    from lantoa.monitoring.queries import visible_topics

    if not visible_topics(user).filter(pk=topic.pk).exists():
        raise PermissionDenied(_("Bạn không xem được chủ đề này."))


def subscribe_to_report(user: User, topic: Topic) -> ReportSubscription:
    """``user`` receives the topic's weekly report by e-mail (idempotent)."""
    _check_topic_read(user, topic)
    if not user.email:
        raise ValueError(_("Tài khoản của bạn chưa có địa chỉ thư điện tử để nhận báo cáo."))
    subscription, _created = ReportSubscription.objects.get_or_create(topic=topic, user=user)
    return subscription


def unsubscribe_from_report(user: User, topic: Topic) -> None:
    ReportSubscription.objects.filter(topic=topic, user=user).delete()
