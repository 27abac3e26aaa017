"""Where items come from: feeds, sites, single URLs, imported files and partner pushes."""

from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization


class SourceKind(models.TextChoices):
    RSS = "rss", _("Nguồn RSS/Atom")
    SITE = "site", _("Trang tin (không có RSS)")
    URL = "url", _("Một bài viết")
    FILE = "file", _("Tệp dữ liệu mạng xã hội")
    PUSH = "push", _("Đối tác gửi qua API")


class SourceStatus(models.TextChoices):
    ACTIVE = "active", _("Đang theo dõi")
    PAUSED = "paused", _("Tạm dừng")


class Source(models.Model):
    """A place Lantoa reads; private to its owner unless shared with every agency."""

    name = models.CharField(_("tên nguồn"), max_length=255)
    kind = models.CharField(_("loại nguồn"), max_length=8, choices=SourceKind.choices)
    url = models.CharField(_("địa chỉ hoặc định danh"), max_length=2000)
    owner = models.ForeignKey(
        Organization,
        verbose_name=_("đơn vị sở hữu"),
        on_delete=models.PROTECT,
        related_name="sources",
    )
    is_shared = models.BooleanField(
        _("dùng chung"), default=False, help_text=_("Mọi đơn vị đều xem được tin từ nguồn này.")
    )
    options = models.JSONField(_("tùy chọn"), default=dict, blank=True)
    interval_minutes = models.PositiveIntegerField(_("chu kỳ quét (phút)"), default=30)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=SourceStatus.choices, default=SourceStatus.ACTIVE
    )
    next_poll_at = models.DateTimeField(_("lần quét tới"), default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_polled_at = models.DateTimeField(_("lần quét gần nhất"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("lần thành công gần nhất"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("số lần lỗi liên tiếp"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    etag = models.CharField(max_length=512, blank=True, editable=False)
    last_modified = models.CharField(max_length=128, blank=True, editable=False)
    items_stored = models.PositiveBigIntegerField(_("tin đã lưu"), default=0)
    items_duplicate = models.PositiveBigIntegerField(_("tin trùng"), default=0)
    items_rejected = models.PositiveBigIntegerField(_("tin bị loại"), default=0)
    items_failed = models.PositiveBigIntegerField(_("tin lỗi, sẽ thử lại"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nguồn tin")
        verbose_name_plural = _("nguồn tin")
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["owner", "kind", "url"], name="source_unique_per_owner"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RunOutcome(models.TextChoices):
    """How reading a source went, as officers read it (values of ``HarvestOutcome``)."""

    OK = "ok", _("Thành công")
    NOT_MODIFIED = "not_modified", _("Không có gì mới")
    FETCH_FAILED = "fetch_failed", _("Không tải được")
    INVALID_FEED = "invalid_feed", _("Nguồn tin sai định dạng")
    FILE_ERROR = "file_error", _("Không đọc được tệp")
    INVALID_PAYLOAD = "invalid_payload", _("Dữ liệu gửi lên không hợp lệ")


class PollRun(models.Model):
    """One read of a source (poll, file import or push) with the outcome of every record."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=32, blank=True, choices=RunOutcome.choices)
    message = models.TextField(_("thông báo"), blank=True)
    stored = models.PositiveIntegerField(_("đã lưu"), default=0)
    duplicate = models.PositiveIntegerField(_("trùng"), default=0)
    rejected = models.PositiveIntegerField(_("bị loại"), default=0)
    failed = models.PositiveIntegerField(_("lỗi, sẽ thử lại"), default=0)
    rejections = models.JSONField(_("lý do loại"), default=dict, blank=True)
    samples = models.JSONField(_("ví dụ lỗi"), default=list, blank=True)

    class Meta:
        verbose_name = _("lượt quét")
        verbose_name_plural = _("lượt quét")
        ordering: ClassVar = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.source} {timezone.localtime(self.started_at):%Y-%m-%d %H:%M} {self.outcome}"
