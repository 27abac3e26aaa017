"""Early warnings: evaluate alert rules over the trend counters, raise alerts, deliver them.

One event, one alert: an alert is unique per (owner, kind, event key) and the event key names
the topic and the local day (plus the terms, for an emerging issue), so the periodic evaluation
finding the same spike every five minutes creates nothing new. A rule also waits its cooldown
after firing, claimed with a conditional UPDATE so two schedulers never both fire it.

Delivery: e-mail over the configured SMTP server, and a JSON POST to the rule's webhook signed
``X-Lantoa-Signature: sha256=<HMAC-SHA256 of the body with the rule's secret>``, retried with
exponential backoff. Each (alert, channel, target) is delivered at most once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import BigIntegerField, Case, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization
from lantoa.monitoring import trends
from lantoa.monitoring.detection.anomaly import alert_threshold, score_series
from lantoa.monitoring.detection.emerging import EmergingIssue, find_emerging_issues
from lantoa.monitoring.detection.forecast import SeriesKind
from lantoa.monitoring.models import (
    Alert,
    AlertDelivery,
    AlertKind,
    AlertRule,
    DeliveryChannel,
    Topic,
    TrendCounter,
)

__all__ = [
    "Event",
    "deliver_alert",
    "emerging_issues",
    "evaluate_rule",
    "evaluate_rules",
    "raise_claim_match_alert",
    "signature",
]

logger = logging.getLogger(__name__)

HISTORY_DAYS = 60
EMERGING_BASELINE_DAYS = 28
_CURRENT = -1  # the age given to counters of the last 24 hours
SIGNATURE_HEADER = "X-Lantoa-Signature"


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something a rule found: what the alert will say and the key that makes it one event."""

    key: str
    title: str
    detail: str
    data: dict[str, Any] = field(default_factory=dict)


def evaluate_rules() -> int:
    """Evaluate every active rule of every active topic; returns the number of new alerts."""
    created = 0
    rules = AlertRule.objects.filter(active=True, topic__active=True).select_related(
        "topic", "topic__owner"
    )
    for rule in rules:
        event = evaluate_rule(rule)
        if event is not None and fire(rule, event) is not None:
            created += 1
    return created


def evaluate_rule(rule: AlertRule) -> Event | None:
    today = trends.local_today()
    series = trends.daily_series(rule.topic_id, days=HISTORY_DAYS, end=today)
    check = _CHECKS[AlertKind(rule.kind)]
    return check(rule, series)


# Robust deviations above the recent median that make a day a spike, per sensitivity.
_JUMP_DEVIATIONS = {"low": 6.0, "balanced": 4.0, "high": 3.0}
_BASELINE_DAYS = 28


def _spiked(
    values: tuple[float, ...] | tuple[int, ...], sensitivity: str, *, floor: float
) -> float | None:
    """A score for the last value when it is an upward anomaly, else None.

    Days before the topic's first item are dropped. The streaming detector's score decides
    when it reaches the sensitivity's threshold; because it calibrates itself on a long
    history and daily series are short, a day also counts when it exceeds the median of the
    previous 28 days by the sensitivity's number of robust deviations (MAD, at least ``floor``).
    """
    start = next((i for i, v in enumerate(values) if v), len(values))
    series = [float(v) for v in values[start:]]
    if len(series) < 2:
        return None
    history = sorted(series[-_BASELINE_DAYS - 1 : -1])
    median = history[len(history) // 2]
    if series[-1] <= median:
        return None
    score = score_series(series)[-1]
    if score >= alert_threshold(sensitivity):
        return score
    deviation = sorted(abs(v - median) for v in history)[len(history) // 2] * 1.4826
    jump = (series[-1] - median) / max(deviation, floor)
    return jump if jump >= _JUMP_DEVIATIONS.get(sensitivity, 4.0) else None


def _volume_spike(rule: AlertRule, series: trends.DailySeries) -> Event | None:
    today = series.volume[-1]
    if today < rule.min_count:
        return None
    score = _spiked(
        series.volume,
        rule.sensitivity,
        floor=max(1.0, sum(series.volume) / len(series.volume)) ** 0.5,
    )
    if score is None:
        return None
    return Event(
        key=f"{rule.topic_id}:{series.days[-1].isoformat()}",
        title=_("%(topic)s: lượng tin tăng đột biến (%(count)d tin hôm nay)")
        % {"topic": rule.topic.name, "count": today},
        detail=_("Hôm nay có %(count)d tin, trung bình 7 ngày trước là %(mean).1f tin/ngày.")
        % {"count": today, "mean": sum(series.volume[-8:-1]) / 7},
        data={"day": series.days[-1].isoformat(), "count": today, "score": round(score, 3)},
    )


def _negative_spike(rule: AlertRule, series: trends.DailySeries) -> Event | None:
    negative = series.sentiment["negative"][-1]
    if negative < rule.min_count:
        return None
    shares = series.negative_share()
    score = _spiked(shares, rule.sensitivity, floor=0.05)
    if score is None:
        return None
    return Event(
        key=f"{rule.topic_id}:{series.days[-1].isoformat()}",
        title=_("%(topic)s: tin tiêu cực tăng đột biến (%(share)d%% tin đã phân tích)")
        % {"topic": rule.topic.name, "share": round(100 * shares[-1])},
        detail=_("Hôm nay có %(count)d tin tiêu cực; tỷ lệ 7 ngày trước là %(before)d%%.")
        % {"count": negative, "before": round(100 * sum(shares[-8:-1]) / 7)},
        data={"day": series.days[-1].isoformat(), "negative": negative, "score": round(score, 3)},
    )


def _forecast_breach(rule: AlertRule, series: trends.DailySeries) -> Event | None:
    today = series.volume[-1]
    if today < rule.min_count:
        return None
    predicted = trends.forecast(series.volume[:-1], SeriesKind.VOLUME)
    if predicted is None or today <= predicted.upper_95[0]:
        return None
    return Event(
        key=f"{rule.topic_id}:{series.days[-1].isoformat()}",
        title=_("%(topic)s: số tin vượt khoảng dự báo (%(count)d > %(upper).0f)")
        % {"topic": rule.topic.name, "count": today, "upper": predicted.upper_95[0]},
        detail=_("Dự báo cho hôm nay: %(point).0f tin (khoảng 95%%: %(low).0f–%(high).0f).")
        % {
            "point": predicted.forecast[0],
            "low": predicted.lower_95[0],
            "high": predicted.upper_95[0],
        },
        data={
            "day": series.days[-1].isoformat(),
            "count": today,
            "upper_95": predicted.upper_95[0],
        },
    )


def emerging_issues(topic_id: int, *, min_count: int = 5) -> list[EmergingIssue]:
    """Terms of the topic's last 24 hours unusually frequent against the 28 days before."""
    start = timezone.now() - timedelta(hours=24)
    # Summed in the database per term and day of age (-1 for the last 24 hours), so the rows
    # read grow with the terms, not with terms x hours.
    age = Case(
        When(bucket__gte=start, then=Value(_CURRENT)),
        default=(Value(int(start.timestamp())) - trends.EpochSeconds("bucket")) / Value(86400),
        output_field=BigIntegerField(),
    )
    rows = (
        TrendCounter.objects.filter(
            scope=topic_id,
            dimension="keyword",
            bucket__gte=start - timedelta(days=EMERGING_BASELINE_DAYS),
        )
        .annotate(age=age)
        .values("value", "age")
        .annotate(n=Sum("count"))
        .values_list("value", "age", "n")
    )
    current: dict[str, int] = defaultdict(int)
    baseline: dict[str, list[int]] = defaultdict(lambda: [0] * EMERGING_BASELINE_DAYS)
    for value, days_old, count in rows:
        if days_old == _CURRENT:
            current[value] += int(count)
        else:
            baseline[value][min(EMERGING_BASELINE_DAYS - 1, int(days_old))] += int(count)
    return find_emerging_issues(
        current_counts=current,
        baseline_daily_counts=baseline,
        baseline_days=EMERGING_BASELINE_DAYS,
        min_count=min_count,
    )


def _emerging_issue(rule: AlertRule, series: trends.DailySeries) -> Event | None:
    issues = emerging_issues(rule.topic_id, min_count=rule.min_count)
    if not issues:
        return None
    issue = issues[0]
    terms = ", ".join(issue.label_terms)
    return Event(
        key=f"{rule.topic_id}:{series.days[-1].isoformat()}:{'+'.join(sorted(issue.label_terms))}",
        title=_("%(topic)s: vấn đề mới nổi “%(terms)s”")
        % {"topic": rule.topic.name, "terms": terms},
        detail=_("%(count)d lần nhắc đến trong 24 giờ qua, cao bất thường so với 28 ngày trước.")
        % {"count": issue.count},
        data={
            "terms": list(issue.label_terms),
            "count": issue.count,
            "score": round(issue.score, 2),
        },
    )


_CHECKS = {
    AlertKind.VOLUME_SPIKE: _volume_spike,
    AlertKind.NEGATIVE_SPIKE: _negative_spike,
    AlertKind.FORECAST_BREACH: _forecast_breach,
    AlertKind.EMERGING_ISSUE: _emerging_issue,
    AlertKind.CLAIM_MATCH: lambda rule, series: None,  # raised by fact-checking, not evaluated
}


def fire(rule: AlertRule, event: Event) -> Alert | None:
    """Record the event as an alert unless it exists or the rule is cooling down; then deliver."""
    if Alert.objects.filter(owner=rule.topic.owner, kind=rule.kind, event_key=event.key).exists():
        return None
    now = timezone.now()
    cooled = Q(last_fired_at__isnull=True) | Q(
        last_fired_at__lte=now - timedelta(minutes=rule.cooldown_minutes)
    )
    try:
        with transaction.atomic():
            if not AlertRule.objects.filter(cooled, pk=rule.pk).update(last_fired_at=now):
                return None
            alert = Alert.objects.create(
                owner=rule.topic.owner,
                rule=rule,
                topic=rule.topic,
                kind=rule.kind,
                event_key=event.key,
                title=event.title[:300],
                detail=event.detail,
                data=event.data,
            )
            _queue_delivery(alert)
    except IntegrityError:
        return None  # another evaluator recorded the same event first
    return alert


def _queue_delivery(alert: Alert) -> None:
    from lantoa.monitoring.tasks import deliver_alert_task

    transaction.on_commit(lambda: deliver_alert_task.delay(alert.pk))


def raise_claim_match_alert(
    *,
    owner: Organization,
    claim_key: str,
    title: str,
    detail: str = "",
    topic: Topic | None = None,
    data: dict[str, Any] | None = None,
) -> Alert | None:
    """Hook for fact-checking: an item repeats a claim already verified as false.

    ``claim_key`` identifies the (claim, item) pair, so raising it twice records one alert.
    The alert appears in the owner's in-app list and is delivered through the owner's rules of
    kind ``claim_match`` on ``topic`` when given. Returns None when it already existed.
    """
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                owner=owner,
                topic=topic,
                rule=(
                    topic.alert_rules.filter(kind=AlertKind.CLAIM_MATCH, active=True).first()
                    if topic
                    else None
                ),
                kind=AlertKind.CLAIM_MATCH,
                event_key=f"claim:{claim_key}"[:200],
                title=title[:300],
                detail=detail,
                data=data or {},
            )
            if alert.rule is not None:
                _queue_delivery(alert)
    except IntegrityError:
        return None
    return alert


def alert_payload(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.pk,
        "kind": alert.kind,
        "title": alert.title,
        "detail": alert.detail,
        "topic": {"id": alert.topic_id, "name": alert.topic.name} if alert.topic else None,
        "owner": alert.owner.code,
        "created_at": alert.created_at.isoformat(),
        "data": alert.data,
    }


def signature(secret: str, body: bytes) -> str:
    """The value of the signature header: ``sha256=`` and the hex HMAC-SHA256 of ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver_alert(alert_id: int) -> None:
    """Send the alert on every channel of its rule not delivered yet (safe to retry)."""
    alert = Alert.objects.select_related("rule", "topic", "owner").get(pk=alert_id)
    rule = alert.rule
    if rule is None:
        return
    for address in rule.email_list():
        _deliver(alert, DeliveryChannel.EMAIL, address, lambda a=address: _send_email(alert, a))
    if rule.webhook_url:
        _deliver(
            alert, DeliveryChannel.WEBHOOK, rule.webhook_url, lambda: _post_webhook(alert, rule)
        )


def _deliver(alert: Alert, channel: str, target: str, send: Any) -> None:
    delivery, _ = AlertDelivery.objects.get_or_create(alert=alert, channel=channel, target=target)
    if delivery.delivered_at is not None:
        return
    attempts = int(getattr(settings, "MONITORING_DELIVERY_ATTEMPTS", 3))
    backoff = float(getattr(settings, "MONITORING_DELIVERY_BACKOFF_SECONDS", 2.0))
    for attempt in range(attempts):
        delivery.attempts += 1
        try:
            send()
        except Exception as error:
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            logger.warning("alert %s %s to %s failed: %s", alert.pk, channel, target, error)
            if attempt + 1 < attempts:
                time.sleep(backoff * (2**attempt))
        else:
            delivery.delivered_at = timezone.now()
            delivery.last_error = ""
            break
    delivery.save(update_fields=["attempts", "delivered_at", "last_error"])


def _send_email(alert: Alert, address: str) -> None:
    body = f"{alert.title}\n\n{alert.detail}\n"
    if alert.topic_id:
        body += _("\nChủ đề: %(topic)s") % {"topic": alert.topic.name if alert.topic else ""}
    send_mail(f"[Lantoa] {alert.title}", body, None, [address], fail_silently=False)


def _post_webhook(alert: Alert, rule: AlertRule) -> None:
    body = json.dumps(alert_payload(alert), ensure_ascii=False, sort_keys=True).encode()
    response = httpx.post(
        rule.webhook_url,
        content=body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            SIGNATURE_HEADER: signature(rule.webhook_secret, body),
            "X-Lantoa-Event": "alert",
        },
        timeout=10.0,
    )
    response.raise_for_status()
