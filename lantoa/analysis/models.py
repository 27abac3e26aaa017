"""Stored analysis results, one row per item, and officers' corrections of them.

Results live beside the item (not on it) so re-analysis after a model update rewrites this table
in a background job, with no migration of ``content.Item``.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.content.models import Item


class Sentiment(models.TextChoices):
    NEGATIVE = "negative", _("Tiêu cực")
    NEUTRAL = "neutral", _("Trung lập")
    POSITIVE = "positive", _("Tích cực")


class AnalysisPath(models.TextChoices):
    FAST = "fast", _("Nhanh")
    ACCURATE = "accurate", _("Chính xác")


class ItemAnalysis(models.Model):
    """The latest analysis of an item. Labels use the training data's names."""

    item = models.OneToOneField(
        Item, on_delete=models.CASCADE, primary_key=True, related_name="analysis"
    )
    sentiment = models.CharField(
        _("sắc thái"), max_length=16, choices=Sentiment.choices, db_index=True
    )
    sentiment_score = models.FloatField(_("độ tin cậy sắc thái"))
    toxicity = models.CharField(_("mức độ độc hại"), max_length=16, db_index=True)
    toxicity_score = models.FloatField(_("độ tin cậy độc hại"))
    field = models.CharField(_("lĩnh vực"), max_length=64, db_index=True)
    field_score = models.FloatField(_("độ tin cậy lĩnh vực"))
    reliability = models.CharField(_("độ tin cậy nguồn tin"), max_length=16, blank=True)
    reliability_score = models.FloatField(_("xác suất không đáng tin"), null=True, blank=True)
    keywords = models.JSONField(_("từ khóa"), default=list, blank=True)
    entities = models.JSONField(_("thực thể"), default=list, blank=True)
    provinces = models.JSONField(_("tỉnh, thành được nhắc đến"), default=list, blank=True)
    path = models.CharField(_("luồng phân tích"), max_length=8, choices=AnalysisPath.choices)
    model_versions = models.JSONField(_("phiên bản mô hình"), default=dict)
    # pipeline.versions_key(model_versions): finds what older models labelled by an index
    models_key = models.CharField(max_length=16, blank=True, default="")
    analyzed_at = models.DateTimeField(_("thời điểm phân tích"), auto_now=True)

    class Meta:
        verbose_name = _("kết quả phân tích")
        verbose_name_plural = _("kết quả phân tích")
        indexes: ClassVar = [
            models.Index(fields=["path", "models_key", "-item"], name="analysis_models_newest")
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.sentiment}/{self.toxicity}/{self.field}"


class AccurateReason(models.TextChoices):
    """Why an item waits for the accurate path; the order here is the order of service."""

    OPENED = "opened", _("Cán bộ mở xem")
    CLAIM = "claim", _("Khớp tin sai đã biết")
    TOPIC = "topic", _("Khớp chủ đề đang theo dõi")
    MODEL = "model", _("Mô hình đã được cập nhật")


class AccurateRequest(models.Model):
    """An item queued for the accurate path (``lantoa.analysis.accurate_queue``)."""

    item = models.OneToOneField(
        Item, on_delete=models.CASCADE, primary_key=True, related_name="accurate_request"
    )
    reason = models.CharField(_("lý do"), max_length=8, choices=AccurateReason.choices)
    priority = models.PositiveSmallIntegerField(_("thứ tự ưu tiên"))  # 0 is served first
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu phân tích chính xác")
        verbose_name_plural = _("yêu cầu phân tích chính xác")
        indexes: ClassVar = [models.Index(fields=["priority", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.item_id} ({self.reason})"


class LabelTask(models.TextChoices):
    SENTIMENT = "sentiment", _("Sắc thái")
    TOXICITY = "toxicity", _("Mức độ độc hại")
    FIELD = "field", _("Lĩnh vực")
    RELIABILITY = "reliability", _("Độ tin cậy")


class LabelCorrection(models.Model):
    """An officer's label for an item; the newest per (item, task) wins and feeds training."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="label_corrections")
    task = models.CharField(_("nhiệm vụ"), max_length=16, choices=LabelTask.choices)
    label = models.CharField(_("nhãn đúng"), max_length=64)
    previous_label = models.CharField(_("nhãn máy gán"), max_length=64, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="label_corrections"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhãn do cán bộ sửa")
        verbose_name_plural = _("nhãn do cán bộ sửa")
        ordering: ClassVar = ["-created_at"]
        indexes: ClassVar = [models.Index(fields=["item", "task", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.item_id} {self.task}={self.label}"
