"""Communication incidents: a working group, tasks, holding statements and a timeline.

The timeline is written by the domain functions in ``actions.py`` as things happen (alerts,
items, releases, decisions, members, tasks), so it needs no one to remember to fill it in.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.content.models import Item
from lantoa.factcheck.models import Claim
from lantoa.monitoring.models import Alert, Topic
from lantoa.network.models import Release


class Severity(models.TextChoices):
    LOW = "low", _("Thấp")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Cao")
    CRITICAL = "critical", _("Nghiêm trọng")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Đang xử lý")
    CLOSED = "closed", _("Đã đóng")


class Incident(models.Model):
    owner = models.ForeignKey(
        Organization, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên sự cố"), max_length=300)
    severity = models.CharField(_("mức độ"), max_length=16, choices=Severity.choices)
    policy = models.CharField(_("chính sách/chủ đề bị ảnh hưởng"), max_length=300, blank=True)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("chủ đề theo dõi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    from_alert = models.ForeignKey(
        Alert, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("thời điểm mở"), auto_now_add=True)
    closed_at = models.DateTimeField(_("thời điểm đóng"), null=True, blank=True)
    what_happened = models.TextField(_("diễn biến"), blank=True)
    what_worked = models.TextField(_("điều làm tốt"), blank=True)
    to_improve = models.TextField(_("điều cần cải thiện"), blank=True)

    class Meta:
        verbose_name = _("sự cố truyền thông")
        verbose_name_plural = _("sự cố truyền thông")
        ordering: ClassVar = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.title


class MemberRole(models.TextChoices):
    LEAD = "lead", _("Trưởng nhóm")
    SPOKESPERSON = "spokesperson", _("Người phát ngôn")
    POLICE = "police", _("Liên lạc với công an")
    PRESS = "press", _("Liên lạc báo chí")


class Member(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("vai trò"), max_length=16, choices=MemberRole.choices)

    class Meta:
        verbose_name = _("thành viên tổ công tác")
        verbose_name_plural = _("thành viên tổ công tác")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["incident", "user", "role"], name="member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Task(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("việc cần làm"), max_length=300)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phụ trách"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_at = models.DateTimeField(_("hạn"), null=True, blank=True)
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering: ClassVar = ["due_at", "id"]

    def __str__(self) -> str:
        return self.title


class HoldingStatement(models.Model):
    """A release of the network app drafted for the incident (linked, not copied)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="statements")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["incident", "release"], name="statement_once")
        ]

    def __str__(self) -> str:
        return f"{self.incident_id}:{self.release_id}"


class EntryKind(models.TextChoices):
    OPENED = "opened", _("Mở sự cố")
    ALERT = "alert", _("Cảnh báo")
    ITEM = "item", _("Tin bài")
    RELEASE = "release", _("Thông cáo")
    DECISION = "decision", _("Quyết định")
    MEMBER = "member", _("Thành viên")
    TASK = "task", _("Nhiệm vụ")
    TASK_DONE = "task_done", _("Hoàn thành nhiệm vụ")
    CLOSED = "closed", _("Đóng sự cố")


class TimelineEntry(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=16, choices=EntryKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(blank=True)
    alert = models.ForeignKey(
        Alert, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    release = models.ForeignKey(
        Release, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("diễn biến")
        verbose_name_plural = _("diễn biến")
        ordering: ClassVar = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.incident_id} {self.kind}"
