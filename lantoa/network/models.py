"""The communication network: the directory of people and press outlets, contact lists, press
releases with their per-recipient deliveries, coverage links, press questions and briefings."""

import secrets
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.accounts.models import Organization
from lantoa.network.vocabulary import beat_label, from_tags, province_name


class OutletKind(models.TextChoices):
    PRINT = "print", _("Báo in")
    ONLINE = "online", _("Báo điện tử")
    TV = "tv", _("Truyền hình")
    RADIO = "radio", _("Phát thanh")
    AGENCY = "agency", _("Thông tấn")


class OutletProfile(models.Model):
    """What the directory knows about an organisation of type press outlet."""

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("cơ quan báo chí"),
        on_delete=models.CASCADE,
        related_name="outlet_profile",
    )
    kind = models.CharField(_("loại hình"), max_length=8, choices=OutletKind.choices)
    governing_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    reach = models.PositiveBigIntegerField(
        _("lượng độc giả/khán giả"), null=True, blank=True, help_text=_("Nếu biết.")
    )

    class Meta:
        verbose_name = _("hồ sơ cơ quan báo chí")
        verbose_name_plural = _("hồ sơ cơ quan báo chí")

    def __str__(self) -> str:
        return str(self.organization)


class ContactKind(models.TextChoices):
    SPOKESPERSON = "spokesperson", _("Người phát ngôn")
    DEPUTY = "deputy", _("Người được giao phát ngôn")
    OFFICER = "officer", _("Cán bộ truyền thông")
    JOURNALIST = "journalist", _("Phóng viên")
    EDITOR = "editor", _("Biên tập viên")


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    PHONE = "phone", _("Điện thoại")
    MESSAGING = "messaging", _("Ứng dụng nhắn tin")


class Contact(models.Model):
    """A person in an organisation's directory.

    ``owner`` is the organisation whose directory holds the record (private to it and its parents
    unless ``is_shared``). ``represents`` is the body a spokesperson speaks for; ``outlet`` is a
    journalist's press outlet. ``user`` links a journalist to a login of their own: journalists
    are not agency staff, so they hold no role and reach only public material and their questions.
    """

    owner = models.ForeignKey(
        Organization, verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("vai trò"), max_length=16, choices=ContactKind.choices)
    full_name = models.CharField(_("họ và tên"), max_length=255)
    title = models.CharField(_("chức danh"), max_length=255, blank=True)
    represents = models.ForeignKey(
        Organization,
        verbose_name=_("phát ngôn cho"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spokespeople",
    )
    outlet = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan báo chí"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journalists",
    )
    beats = models.CharField(_("lĩnh vực"), max_length=500, blank=True, db_index=True)
    provinces = models.CharField(_("địa bàn"), max_length=500, blank=True)
    preferred_channel = models.CharField(
        _("kênh ưu tiên"), max_length=16, choices=Channel.choices, default=Channel.EMAIL
    )
    email = models.EmailField(_("thư điện tử"), blank=True, db_index=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True, db_index=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    consent = models.BooleanField(_("đồng ý nhận thông tin"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    is_shared = models.BooleanField(_("dùng chung"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_contact",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đầu mối")
        verbose_name_plural = _("đầu mối")
        ordering: ClassVar = ["full_name", "id"]
        indexes: ClassVar = [models.Index(fields=["owner", "kind"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def beat_labels(self) -> list[str]:
        return [beat_label(slug) for slug in from_tags(self.beats)]

    @property
    def province_names(self) -> list[str]:
        return [province_name(code) for code in from_tags(self.provinces)]


class ListKind(models.TextChoices):
    STATIC = "static", _("Cố định")
    DYNAMIC = "dynamic", _("Theo điều kiện")


class ContactList(models.Model):
    """A list of recipients: fixed members, or everyone matching ``criteria`` at send time.

    ``criteria`` keys (all optional, combined with AND): ``kinds``, ``beats``, ``provinces``
    (any of the listed values matches), ``outlet_ids``.
    """

    owner = models.ForeignKey(
        Organization, verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên danh sách"), max_length=255)
    kind = models.CharField(_("loại"), max_length=8, choices=ListKind.choices)
    is_shared = models.BooleanField(_("dùng chung"), default=False)
    criteria = models.JSONField(_("điều kiện"), default=dict, blank=True)
    members = models.ManyToManyField(
        Contact, verbose_name=_("thành viên"), blank=True, related_name="lists"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("danh sách đầu mối")
        verbose_name_plural = _("danh sách đầu mối")
        ordering: ClassVar = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")


def _public_token() -> str:
    return secrets.token_urlsafe(16)


class Release(models.Model):
    """A press release / piece of official information: drafted by an officer, approved by a
    leader, then distributed to lists and (when ``is_public``) published after its embargo."""

    owner = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan phát hành"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=500)
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = models.TextField(_("nội dung"))
    topic = models.CharField(_("chính sách/chủ đề liên quan"), max_length=255, blank=True)
    embargo_until = models.DateTimeField(_("cấm đăng trước"), null=True, blank=True)
    is_public = models.BooleanField(_("công bố trên trang báo chí"), default=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT
    )
    slug = models.CharField(max_length=32, unique=True, default=_public_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông cáo báo chí")
        verbose_name_plural = _("thông cáo báo chí")
        ordering: ClassVar = ["-created_at", "-id"]
        permissions: ClassVar = [
            ("approve_release", _("Duyệt thông cáo báo chí")),
            ("distribute_release", _("Gửi thông cáo báo chí")),
        ]

    def __str__(self) -> str:
        return self.title


class ReleaseAttachment(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="network/releases/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    BOUNCED = "bounced", _("Bị trả lại")
    FAILED = "failed", _("Gửi lỗi")


def _delivery_token() -> str:
    return secrets.token_urlsafe(18)


class Delivery(models.Model):
    """One release to one contact: unique per (release, contact), so distribution is idempotent.

    A worker claims rows with a conditional UPDATE (``claim_id``/``claimed_until``); a claim that
    expires (the worker died) may be taken again, a SENT row never is.
    """

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="deliveries")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="deliveries")
    email = models.EmailField(_("thư điện tử"))
    status = models.CharField(
        _("trạng thái"),
        max_length=8,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    token = models.CharField(max_length=32, unique=True, default=_delivery_token, editable=False)
    claim_id = models.CharField(max_length=32, blank=True, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bị trả lại lúc"), null=True, blank=True)
    bounce_reason = models.CharField(_("lý do trả lại"), max_length=500, blank=True)
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    clicked_at = models.DateTimeField(_("mở liên kết lúc"), null=True, blank=True)
    click_count = models.PositiveIntegerField(_("số lần mở"), default=0)
    acknowledged_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt gửi")
        verbose_name_plural = _("lượt gửi")
        ordering: ClassVar = ["id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["release", "contact"], name="delivery_once_per_contact")
        ]
        indexes: ClassVar = [models.Index(fields=["release", "status"])]

    def __str__(self) -> str:
        return f"{self.release_id} → {self.email}"


class CoverageMethod(models.TextChoices):
    LINK = "link", _("Dẫn liên kết")
    NEAR_DUPLICATE = "near_duplicate", _("Đăng lại gần nguyên văn")


class Coverage(models.Model):
    """An ingested item that carried or cited a release."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="coverage")
    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="+")
    method = models.CharField(_("cách nhận biết"), max_length=16, choices=CoverageMethod.choices)
    similarity = models.FloatField(_("độ tương đồng"), default=1.0)
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bài đăng lại")
        verbose_name_plural = _("bài đăng lại")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["release", "item"], name="coverage_once_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.release_id} ← {self.item_id}"


class QuestionChannel(models.TextChoices):
    WEB = "web", _("Biểu mẫu công khai")
    EMAIL = "email", _("Thư điện tử")
    STAFF = "staff", _("Cán bộ nhập")


class QuestionStatus(models.TextChoices):
    HELD = "held", _("Chờ xem xét")
    OPEN = "open", _("Đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    REJECTED = "rejected", _("Không tiếp nhận")


class PressQuestion(models.Model):
    """A journalist's question to an organisation, with its legal response deadline."""

    owner = models.ForeignKey(
        Organization, verbose_name=_("cơ quan được hỏi"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_unit = models.ForeignKey(
        Organization,
        verbose_name=_("đơn vị được giao"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    journalist = models.ForeignKey(
        Contact,
        verbose_name=_("nhà báo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    asker_name = models.CharField(_("người hỏi"), max_length=255)
    asker_outlet = models.CharField(_("cơ quan báo chí"), max_length=255, blank=True)
    asker_email = models.EmailField(_("thư điện tử"), blank=True)
    subject = models.CharField(_("vấn đề"), max_length=500)
    question = models.TextField(_("câu hỏi"))
    channel = models.CharField(_("kênh"), max_length=8, choices=QuestionChannel.choices)
    received_at = models.DateTimeField(_("nhận lúc"))
    deadline = models.DateTimeField(_("hạn trả lời"))
    status = models.CharField(
        _("trạng thái"),
        max_length=8,
        choices=QuestionStatus.choices,
        default=QuestionStatus.OPEN,
        db_index=True,
    )
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_public = models.BooleanField(_("công khai câu trả lời"), default=False)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    message_id = models.CharField(
        _("mã thư"),
        max_length=255,
        blank=True,
        help_text=_("Message-ID của thư chuyển tiếp, để nhập lại không tạo trùng."),
    )
    briefing = models.ForeignKey(
        "Briefing",
        verbose_name=_("họp báo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )

    class Meta:
        verbose_name = _("câu hỏi của báo chí")
        verbose_name_plural = _("câu hỏi của báo chí")
        ordering: ClassVar = ["deadline", "id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["owner", "message_id"],
                condition=~models.Q(message_id=""),
                name="question_once_per_message",
            )
        ]

    def __str__(self) -> str:
        return self.subject


class Briefing(models.Model):
    """A press conference or briefing: invited lists, who came, questions, materials."""

    owner = models.ForeignKey(
        Organization, verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("chủ đề"), max_length=500)
    starts_at = models.DateTimeField(_("thời gian"))
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    materials = models.TextField(_("tài liệu"), blank=True)
    invited_lists = models.ManyToManyField(
        ContactList, verbose_name=_("danh sách mời"), blank=True, related_name="+"
    )
    attendees = models.ManyToManyField(
        Contact, verbose_name=_("người dự"), blank=True, related_name="briefings_attended"
    )
    release = models.ForeignKey(
        Release,
        verbose_name=_("thông cáo kèm theo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="briefings",
    )

    class Meta:
        verbose_name = _("họp báo")
        verbose_name_plural = _("họp báo")
        ordering: ClassVar = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.title


class BriefingMaterial(models.Model):
    """A file handed out at a briefing (statement, figures, slides)."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("tệp"), upload_to="network/briefings/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        verbose_name = _("tài liệu họp báo")
        verbose_name_plural = _("tài liệu họp báo")
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """One briefing invitation to one contact: unique per (briefing, contact), claimed by a
    conditional UPDATE like :class:`Delivery`, so re-sending never mails anyone twice."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="invitations")
    email = models.EmailField(_("thư điện tử"))
    status = models.CharField(
        _("trạng thái"),
        max_length=8,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    claim_id = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    error = models.CharField(_("lỗi"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("giấy mời họp báo")
        verbose_name_plural = _("giấy mời họp báo")
        ordering: ClassVar = ["id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["briefing", "contact"], name="invitation_once_per_contact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.briefing_id} → {self.email}"
