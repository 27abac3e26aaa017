"""Topics, their tags on items, trend counters and alerts.

The full-text index is not a model: it is a side table created per database by migration 0002
(an FTS5 virtual table on SQLite, a tsvector table with a GIN index on PostgreSQL), written and
read only by :mod:`lantoa.monitoring.search_index`.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.content.models import Item


class Topic(models.Model):
    """A named policy or issue owned by an organisation, defined by a query."""

    owner = models.ForeignKey(
        Organization,
        verbose_name=_("đơn vị sở hữu"),
        on_delete=models.PROTECT,
        related_name="topics",
    )
    name = models.CharField(_("tên chủ đề"), max_length=200)
    query = models.TextField(_("truy vấn"))
    exact = models.BooleanField(
        _("giữ nguyên dấu"),
        default=False,
        help_text=_("Phân biệt chữ có dấu và không dấu trong toàn bộ truy vấn."),
    )
    active = models.BooleanField(_("đang theo dõi"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chủ đề theo dõi")
        verbose_name_plural = _("chủ đề theo dõi")
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["owner", "name"], name="topic_unique_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class ItemTopic(models.Model):
    """An item matches a topic's query (unique, so re-tagging is idempotent)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="topic_tags")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="item_tags")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["item", "topic"], name="itemtopic_unique")
        ]
        indexes: ClassVar = [models.Index(fields=["topic", "item"])]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.topic_id}"


class BackfillStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang quét")
    DONE = "done", _("Xong")
    FAILED = "failed", _("Lỗi")


class TopicBackfill(models.Model):
    """One retroactive scan of existing items for a topic (after it is created or edited)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="backfills")
    query = models.TextField(_("truy vấn khi quét"))
    status = models.CharField(
        max_length=8, choices=BackfillStatus.choices, default=BackfillStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    matched = models.PositiveIntegerField(default=0)
    last_item_id = models.BigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.topic_id}: {self.status} {self.processed}/{self.total}"

    @property
    def percent(self) -> int:
        if self.status == BackfillStatus.DONE or self.total == 0:
            return 100 if self.status == BackfillStatus.DONE else 0
        return min(100, self.processed * 100 // self.total)


class TrendCounter(models.Model):
    """Items per (scope, UTC hour, dimension value, sentiment, channel), kept incrementally.

    ``scope`` is a topic id, or 0 for every item. ``dimension`` ``total`` counts each item once
    (``value`` empty); ``province``, ``source`` and ``keyword`` count an item once per value it
    carries, so they are breakdowns, never summed into the total. ``sentiment`` (empty for items
    not analysed yet) and ``channel`` (the item kind: article, post, comment) split the totals
    only; breakdown rows leave both empty.
    """

    scope = models.BigIntegerField()
    bucket = models.DateTimeField()
    dimension = models.CharField(max_length=8)
    value = models.CharField(max_length=200)
    sentiment = models.CharField(max_length=16)
    channel = models.CharField(max_length=8)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["scope", "dimension", "bucket", "value", "sentiment", "channel"],
                name="trendcounter_unique_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope}/{self.dimension}/{self.value} {self.bucket}: {self.count}"


class CountedItem(models.Model):
    """What one item currently contributes to the counters: re-processing applies a delta."""

    item = models.OneToOneField(Item, on_delete=models.CASCADE, primary_key=True, related_name="+")
    keys = models.JSONField(default=list)

    def __str__(self) -> str:
        return str(self.pk)


class AlertKind(models.TextChoices):
    VOLUME_SPIKE = "volume_spike", _("Lượng tin tăng đột biến")
    NEGATIVE_SPIKE = "negative_spike", _("Tỷ lệ tin tiêu cực tăng đột biến")
    FORECAST_BREACH = "forecast_breach", _("Vượt ngưỡng dự báo")
    EMERGING_ISSUE = "emerging_issue", _("Vấn đề mới nổi")
    CLAIM_MATCH = "claim_match", _("Trùng với thông tin sai lệch đã xác minh")


class AlertSensitivity(models.TextChoices):
    LOW = "low", _("Ít cảnh báo")
    BALANCED = "balanced", _("Cân bằng")
    HIGH = "high", _("Nhiều cảnh báo")


class AlertRule(models.Model):
    """When to warn about a topic, and whom to tell."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="alert_rules")
    kind = models.CharField(_("loại cảnh báo"), max_length=16, choices=AlertKind.choices)
    sensitivity = models.CharField(
        _("độ nhạy"),
        max_length=8,
        choices=AlertSensitivity.choices,
        default=AlertSensitivity.BALANCED,
    )
    min_count = models.PositiveIntegerField(
        _("số tin tối thiểu"),
        default=5,
        help_text=_("Không cảnh báo khi số tin trong ngày ít hơn mức này."),
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("thời gian chờ giữa hai cảnh báo (phút)"), default=360
    )
    emails = models.TextField(_("thư điện tử nhận cảnh báo"), blank=True)
    webhook_url = models.URLField(_("địa chỉ webhook"), blank=True)
    webhook_secret = models.CharField(_("khóa bí mật webhook"), max_length=200, blank=True)
    active = models.BooleanField(_("đang bật"), default=True)
    last_fired_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quy tắc cảnh báo")
        verbose_name_plural = _("quy tắc cảnh báo")
        ordering: ClassVar = ["topic", "kind"]

    def __str__(self) -> str:
        return f"{self.topic}: {self.get_kind_display()}"

    def email_list(self) -> list[str]:
        return [part.strip() for part in self.emails.replace(";", ",").split(",") if part.strip()]


class AlertStatus(models.TextChoices):
    OPEN = "open", _("Mới")
    ACKNOWLEDGED = "acknowledged", _("Đã tiếp nhận")
    CLOSED = "closed", _("Đã đóng")


class Alert(models.Model):
    """One event worth a person's attention; ``(rule, event_key)`` is unique: one event, one alert."""

    owner = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="alerts")
    rule = models.ForeignKey(
        AlertRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=AlertKind.choices)
    event_key = models.CharField(max_length=200)
    title = models.CharField(_("tiêu đề"), max_length=300)
    detail = models.TextField(_("chi tiết"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=AlertStatus.choices, default=AlertStatus.OPEN
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_alerts",
        verbose_name=_("người xử lý"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("cảnh báo")
        verbose_name_plural = _("cảnh báo")
        ordering: ClassVar = ["-created_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["owner", "kind", "event_key"], name="alert_one_per_event"
            )
        ]

    def __str__(self) -> str:
        return self.title


class DeliveryChannel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    WEBHOOK = "webhook", _("Webhook")


class AlertDelivery(models.Model):
    """One attempt series to deliver an alert on one channel; unique, so a retry never resends."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=8, choices=DeliveryChannel.choices)
    target = models.CharField(max_length=2000)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["alert", "channel", "target"], name="alertdelivery_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.alert_id} {self.channel} {self.target}"


class ReportSubscription(models.Model):
    """A user receives the weekly report of a topic by e-mail."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký báo cáo tuần")
        verbose_name_plural = _("đăng ký báo cáo tuần")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["topic", "user"], name="reportsubscription_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.topic_id}"


class WeeklyReport(models.Model):
    """One topic's report for one ISO week; unique, so the scheduler sends it at most once."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="weekly_reports")
    week_start = models.DateField(_("thứ Hai đầu tuần"))
    attempts = models.PositiveIntegerField(default=0)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tuần")
        verbose_name_plural = _("báo cáo tuần")
        ordering: ClassVar = ["-week_start", "topic"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["topic", "week_start"], name="weeklyreport_unique")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id} {self.week_start}"
