"""Tips, claims, verdicts and their audit log.

A *tip* is what someone reported (a citizen through the public form, staff, the API or a
monitoring alert). A *claim* is the normalised statement being checked; tips and ingested items
that say the same thing hang under it. Every change to a claim leaves a ``ClaimEvent``.
"""

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.content.models import Item


def _public_slug() -> str:
    return secrets.token_urlsafe(9)


class Category(models.TextChoices):
    POLICY = "policy", _("Chính sách, pháp luật")
    ECONOMY = "economy", _("Kinh tế, tài chính")
    HEALTH = "health", _("Y tế, sức khỏe")
    DISASTER = "disaster", _("Thiên tai, dịch bệnh")
    SECURITY = "security", _("An ninh, trật tự")
    FAKE_ACCOUNT = "fake_account", _("Tài khoản giả mạo")
    PHISHING = "phishing", _("Đường dẫn lừa đảo")
    OTHER = "other", _("Khác")


class TipChannel(models.TextChoices):
    PUBLIC = "public", _("Người dân gửi")
    STAFF = "staff", _("Cán bộ nhập")
    API = "api", _("Qua API")
    MONITORING = "monitoring", _("Từ cảnh báo giám sát")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("Mới")
    IN_PROGRESS = "in_progress", _("Đang xác minh")
    VERDICT = "verdict", _("Đã kết luận")


class Verdict(models.TextChoices):
    FALSE = "false", _("Sai sự thật")
    MISLEADING = "misleading", _("Sai một phần / gây hiểu lầm")
    TRUE = "true", _("Đúng / đã xác thực")
    UNVERIFIABLE = "unverifiable", _("Không thể kiểm chứng")


class MatchSettings(models.Model):
    """Per-organisation thresholds for claim matching (defaults in ``lantoa.factcheck.matching``)."""

    owner = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="factcheck_settings"
    )
    suggest_threshold = models.FloatField(_("ngưỡng gợi ý"))
    auto_threshold = models.FloatField(_("ngưỡng tự động gắn"))
    window_days = models.PositiveIntegerField(_("chỉ so với nhận định trong (ngày)"), default=90)

    class Meta:
        verbose_name = _("cấu hình đối chiếu nhận định")
        verbose_name_plural = _("cấu hình đối chiếu nhận định")

    def __str__(self) -> str:
        return str(self.owner)


class Claim(models.Model):
    owner = models.ForeignKey(
        Organization, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    statement = models.TextField(_("nhận định cần kiểm chứng"))
    category = models.CharField(
        _("lĩnh vực"), max_length=16, choices=Category.choices, default=Category.OTHER
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW
    )
    verdict = models.CharField(_("kết luận"), max_length=16, choices=Verdict.choices, blank=True)
    explanation = models.TextField(_("giải thích"), blank=True)
    evidence = models.TextField(_("bằng chứng (mỗi dòng một đường dẫn)"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác minh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_at = models.DateTimeField(_("hạn xử lý"), null=True, blank=True)
    slug = models.CharField(max_length=32, unique=True, default=_public_slug, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("nhận định")
        verbose_name_plural = _("nhận định")
        ordering: ClassVar = ["-created_at", "-id"]
        permissions: ClassVar = [("issue_verdict", _("Công bố kết luận kiểm chứng"))]

    def __str__(self) -> str:
        return self.statement[:80]

    @property
    def evidence_links(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class Tip(models.Model):
    owner = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(_("kênh"), max_length=16, choices=TipChannel.choices)
    category = models.CharField(
        _("lĩnh vực"), max_length=16, choices=Category.choices, default=Category.OTHER
    )
    link = models.URLField(_("đường dẫn"), max_length=2000, blank=True)
    text = models.TextField(_("nội dung"))
    screenshot = models.FileField(_("ảnh chụp/tệp"), upload_to="factcheck/tips/%Y/%m/", blank=True)
    contact_email = models.EmailField(_("thư điện tử nhận trả lời"), blank=True)
    notify = models.BooleanField(_("muốn được báo kết quả"), default=False)
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="tips"
    )
    match_score = models.FloatField(null=True, blank=True)
    suggested_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggested_tips"
    )
    suggested_score = models.FloatField(null=True, blank=True)
    item = models.ForeignKey(
        Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tin báo")
        verbose_name_plural = _("tin báo")
        ordering: ClassVar = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:80]


class ClaimItemStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Gợi ý")
    LINKED = "linked", _("Đã gắn")


class ClaimItem(models.Model):
    """An ingested item that repeats a claim (attached automatically or suggested to a checker)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="claim_items")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    status = models.CharField(max_length=16, choices=ClaimItemStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("tin bài lặp lại nhận định")
        verbose_name_plural = _("tin bài lặp lại nhận định")
        ordering: ClassVar = ["-created_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["claim", "item"], name="claimitem_once")
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}:{self.item_id}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Tạo nhận định")
    TIP_LINKED = "tip_linked", _("Gắn tin báo")
    ITEM_LINKED = "item_linked", _("Gắn tin bài")
    ASSIGNED = "assigned", _("Phân công")
    STATUS = "status", _("Đổi trạng thái")
    NOTE = "note", _("Ghi chú")
    EVIDENCE = "evidence", _("Bằng chứng")
    DUE = "due", _("Đặt hạn")
    VERDICT = "verdict", _("Kết luận")
    REPLIED = "replied", _("Trả lời người báo tin")


class ClaimEvent(models.Model):
    """The audit log: one row per change, never edited."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhật ký nhận định")
        verbose_name_plural = _("nhật ký nhận định")
        ordering: ClassVar = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.kind}"
