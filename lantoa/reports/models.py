"""Who receives the weekly summary by e-mail, and which weeks were sent."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SummarySubscription(models.Model):
    """A user receives their weekly summary (as they see it) by e-mail every Monday."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="summary_subscription"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký báo cáo tuần tổng hợp")
        verbose_name_plural = _("đăng ký báo cáo tuần tổng hợp")

    def __str__(self) -> str:
        return str(self.user)


class SentSummary(models.Model):
    """One user's summary of one ISO week; unique, so the scheduler sends it at most once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_summaries"
    )
    week_start = models.DateField(_("thứ Hai đầu tuần"))
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tuần tổng hợp đã gửi")
        verbose_name_plural = _("báo cáo tuần tổng hợp đã gửi")
        ordering: ClassVar = ["-week_start", "user"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["user", "week_start"], name="sentsummary_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.week_start}"
