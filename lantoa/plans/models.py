"""Annual policy-communication plans (Directive 07/CT-TTg): policies, plans, activities, budget,
press commissions, communication staff and their training.

Money is VND in whole đồng (``BigIntegerField``): never floats.
"""

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.content.models import Item


class PolicyType(models.TextChoices):
    LAW = "law", _("Luật, pháp lệnh")
    DECREE = "decree", _("Nghị định")
    DECISION = "decision", _("Quyết định")
    CIRCULAR = "circular", _("Thông tư")
    RESOLUTION = "resolution", _("Nghị quyết địa phương")
    PROGRAMME = "programme", _("Chương trình, đề án")
    OTHER = "other", _("Khác")


class PolicyStage(models.TextChoices):
    """The life of a policy; the directive asks for communication at every stage."""

    PLANNING = "planning", _("Đề xuất, hoạch định")
    DRAFTING = "drafting", _("Soạn thảo")
    CONSULTATION = "consultation", _("Lấy ý kiến")
    ISSUED = "issued", _("Ban hành")
    IN_FORCE = "in_force", _("Có hiệu lực, thực thi")


class Policy(models.Model):
    """A policy (chính sách) that plans communicate about.

    ``monitoring_topic`` is the monitoring topic that watches it: an activity's impact then shows
    that topic's coverage and sentiment before, during and after the activity.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("cơ quan quản lý hồ sơ"), on_delete=models.PROTECT
    )
    title = models.CharField(_("tên chính sách"), max_length=500)
    type = models.CharField(_("loại văn bản"), max_length=16, choices=PolicyType.choices)
    lead_agency = models.CharField(_("cơ quan chủ trì"), max_length=255)
    stage = models.CharField(
        _("giai đoạn"), max_length=16, choices=PolicyStage.choices, default=PolicyStage.PLANNING
    )
    drafting_started_on = models.DateField(_("ngày bắt đầu soạn thảo"), null=True, blank=True)
    consultation_until = models.DateField(_("hạn lấy ý kiến"), null=True, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    monitoring_topic = models.ForeignKey(
        "monitoring.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policies",
        verbose_name=_("chủ đề theo dõi"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chính sách")
        verbose_name_plural = _("chính sách")
        ordering: ClassVar = ["title"]

    def __str__(self) -> str:
        return self.title


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã trình")
    APPROVED = "approved", _("Đã phê duyệt")
    IN_PROGRESS = "in_progress", _("Đang triển khai")
    CLOSED = "closed", _("Đã kết thúc")


ISSUED_STATUSES = (PlanStatus.APPROVED, PlanStatus.IN_PROGRESS, PlanStatus.CLOSED)


class Plan(models.Model):
    """One organisation's communication plan for one year; approved plans count as issued."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="communication_plans",
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    summary = models.TextField(_("mục đích, yêu cầu"), blank=True)
    policies = models.ManyToManyField(
        Policy, verbose_name=_("chính sách"), blank=True, related_name="plans"
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    document_number = models.CharField(_("số văn bản phê duyệt"), max_length=64, blank=True)
    document_date = models.DateField(_("ngày văn bản phê duyệt"), null=True, blank=True)
    signed_file = models.FileField(
        _("tệp đã ký"), upload_to="plans/signed/%Y/", blank=True, max_length=255
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("trình lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phê duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("phê duyệt lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch truyền thông")
        verbose_name_plural = _("kế hoạch truyền thông")
        ordering: ClassVar = ["-year", "organization__name"]
        permissions: ClassVar = [("approve_plan", _("Phê duyệt kế hoạch truyền thông"))]
        indexes: ClassVar = [models.Index(fields=["organization", "year"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def is_issued(self) -> bool:
        return self.status in ISSUED_STATUSES


class PlanDeadline(models.Model):
    """A parent's own deadline for its children's plans of ``year`` (default: 31 January)."""

    parent = models.ForeignKey(
        Organization, verbose_name=_("đơn vị cấp trên"), on_delete=models.CASCADE
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("hạn ban hành"))

    class Meta:
        verbose_name = _("hạn ban hành kế hoạch")
        verbose_name_plural = _("hạn ban hành kế hoạch")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["parent", "year"], name="plan_deadline_unique")
        ]

    def __str__(self) -> str:
        return f"{self.parent} {self.year}: {self.deadline:%d/%m/%Y}"


class Audience(models.TextChoices):
    GENERAL = "general", _("Toàn dân")
    BUSINESSES = "businesses", _("Doanh nghiệp")
    OFFICIALS = "officials", _("Cán bộ, công chức")
    YOUTH = "youth", _("Thanh niên, học sinh")
    REMOTE = "remote", _("Vùng sâu, vùng xa, biên giới, hải đảo")
    ETHNIC_MINORITY = "ethnic_minority", _("Đồng bào dân tộc thiểu số")
    VULNERABLE = "vulnerable", _("Nhóm yếu thế")
    AFFECTED = "affected", _("Đối tượng chịu tác động trực tiếp")


class Channel(models.TextChoices):
    PRESS = "press", _("Báo chí")
    BROADCAST = "broadcast", _("Phát thanh, truyền hình")
    SOCIAL = "social", _("Mạng xã hội")
    LOUDSPEAKER = "loudspeaker", _("Loa truyền thanh cơ sở")
    LEAFLET = "leaflet", _("Tờ rơi, pa-nô, áp phích")
    CONFERENCE = "conference", _("Hội nghị, tọa đàm, đối thoại")
    PORTAL = "portal", _("Cổng thông tin điện tử của cơ quan")
    PRESS_CONFERENCE = "press_conference", _("Họp báo")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Hủy")


OPEN_ACTIVITY_STATUSES = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)


class Activity(models.Model):
    """One communication activity of a plan, about a policy at one stage of its life."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="activities"
    )
    policy = models.ForeignKey(
        Policy,
        verbose_name=_("chính sách"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    stage = models.CharField(_("giai đoạn chính sách"), max_length=16, choices=PolicyStage.choices)
    title = models.CharField(_("tên hoạt động"), max_length=500)
    objective = models.TextField(_("mục tiêu"), blank=True)
    audiences = models.JSONField(_("đối tượng"), default=list, blank=True)
    channels = models.JSONField(_("kênh"), default=list, blank=True)
    messages = models.TextField(_("thông điệp chính"), blank=True)
    responsible_unit = models.CharField(_("đơn vị chủ trì"), max_length=255, blank=True)
    responsible_person = models.CharField(_("người phụ trách"), max_length=255, blank=True)
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc"))
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hoạt động truyền thông")
        verbose_name_plural = _("hoạt động truyền thông")
        ordering: ClassVar = ["starts_on", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:activity_detail", args=[self.pk])

    def is_overdue(self, today: date) -> bool:
        """Past its end date and neither done nor cancelled."""
        return self.status in OPEN_ACTIVITY_STATUSES and self.ends_on < today


class FundingSource(models.TextChoices):
    STATE = "state", _("Ngân sách nhà nước")
    SOCIALISED = "socialised", _("Nguồn xã hội hóa")
    OTHER = "other", _("Nguồn hợp pháp khác")


class BudgetLine(models.Model):
    """Money for an activity from one funding source in one quarter, in whole VND."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="budget"
    )
    funding_source = models.CharField(
        _("nguồn kinh phí"), max_length=16, choices=FundingSource.choices
    )
    quarter = models.PositiveSmallIntegerField(
        _("quý"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    planned = models.BigIntegerField(_("dự toán (đồng)"), validators=[MinValueValidator(0)])
    committed = models.BigIntegerField(
        _("đã cam kết (đồng)"), default=0, validators=[MinValueValidator(0)]
    )
    spent = models.BigIntegerField(_("đã chi (đồng)"), default=0, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("dòng kinh phí")
        verbose_name_plural = _("kinh phí")
        ordering: ClassVar = ["quarter", "funding_source"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["activity", "funding_source", "quarter"], name="budget_line_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(planned__gte=0, committed__gte=0, spent__gte=0),
                name="budget_line_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} Q{self.quarter} {self.funding_source}"


class ActivityOutput(models.Model):
    """A product of an activity: a link (release, article, event page), optionally to an item."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="outputs"
    )
    title = models.CharField(_("tên sản phẩm"), max_length=500, blank=True)
    url = models.URLField(_("địa chỉ"), max_length=2000, blank=True)
    item = models.ForeignKey(
        Item,
        verbose_name=_("tin bài"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sản phẩm truyền thông")
        verbose_name_plural = _("sản phẩm truyền thông")
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return self.title or self.url


class CommissionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SIGNED = "signed", _("Đã ký hợp đồng")
    DELIVERING = "delivering", _("Đang thực hiện")
    ACCEPTED = "accepted", _("Đã nghiệm thu")
    CANCELLED = "cancelled", _("Hủy")


class PressCommission(models.Model):
    """An order (đặt hàng) placed with a press outlet for policy-communication products."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan đặt hàng"),
        on_delete=models.PROTECT,
        related_name="press_commissions",
    )
    outlet = models.CharField(_("cơ quan báo chí"), max_length=255)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("kế hoạch"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commissions",
    )
    scope = models.TextField(_("nội dung đặt hàng"))
    deliverables = models.PositiveIntegerField(_("số tin, bài, chương trình"))
    value = models.BigIntegerField(_("giá trị (đồng)"), validators=[MinValueValidator(0)])
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=CommissionStatus.choices,
        default=CommissionStatus.DRAFT,
    )
    acceptance_number = models.CharField(_("số biên bản nghiệm thu"), max_length=64, blank=True)
    accepted_on = models.DateField(_("ngày nghiệm thu"), null=True, blank=True)
    acceptance_note = models.TextField(_("ghi chú nghiệm thu"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đặt hàng báo chí")
        verbose_name_plural = _("đặt hàng báo chí")
        ordering: ClassVar = ["-starts_on", "id"]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.scope[:60]}"


class CommissionDelivery(models.Model):
    """One delivered article or broadcast, counted against the commission's deliverables."""

    commission = models.ForeignKey(
        PressCommission, on_delete=models.CASCADE, related_name="deliveries"
    )
    url = models.URLField(_("địa chỉ"), max_length=2000)
    title = models.CharField(_("tiêu đề"), max_length=1000, blank=True)
    item = models.ForeignKey(Item, on_delete=models.SET_NULL, null=True, blank=True)
    delivered_on = models.DateField(_("ngày đăng"), null=True, blank=True)

    class Meta:
        verbose_name = _("sản phẩm đã giao")
        verbose_name_plural = _("sản phẩm đã giao")
        ordering: ClassVar = ["delivered_on", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["commission", "url"], name="delivery_unique_url")
        ]

    def __str__(self) -> str:
        return self.title or self.url


class Employment(models.TextChoices):
    FULL_TIME = "full_time", _("Chuyên trách")
    PART_TIME = "part_time", _("Kiêm nhiệm")


class StaffMember(models.Model):
    """A person doing communication work for an organisation."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="communication_staff",
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    employment = models.CharField(_("chế độ"), max_length=16, choices=Employment.choices)
    qualifications = models.TextField(_("trình độ, chuyên môn"), blank=True)
    is_active = models.BooleanField(_("đang làm"), default=True)

    class Meta:
        verbose_name = _("cán bộ làm công tác truyền thông")
        verbose_name_plural = _("cán bộ làm công tác truyền thông")
        ordering: ClassVar = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Training(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    course = models.CharField(_("khóa học"), max_length=500)
    held_on = models.DateField(_("ngày tổ chức"))
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=255)
    participants: "models.ManyToManyField[StaffMember, TrainingParticipation]" = (
        models.ManyToManyField(
            StaffMember, through="TrainingParticipation", related_name="trainings"
        )
    )

    class Meta:
        verbose_name = _("lớp bồi dưỡng")
        verbose_name_plural = _("lớp bồi dưỡng")
        ordering: ClassVar = ["-held_on"]

    def __str__(self) -> str:
        return self.course


class TrainingParticipation(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE)
    staff = models.ForeignKey(StaffMember, on_delete=models.CASCADE)
    certificate = models.CharField(_("số chứng chỉ"), max_length=64, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["training", "staff"], name="training_once_per_staff")
        ]

    def __str__(self) -> str:
        return f"{self.staff} — {self.training}"
