"""Organisations (ministries, provinces, departments, press outlets) and the people who use Lantoa."""

import hashlib
import secrets
from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationType(models.TextChoices):
    MINISTRY = "ministry", _("Bộ, cơ quan ngang bộ, cơ quan trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố trực thuộc Trung ương")
    DEPARTMENT = "department", _("Sở, ban, ngành cấp tỉnh")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    PRESS = "press", _("Cơ quan báo chí")
    OTHER = "other", _("Khác")


class Organization(models.Model):
    """A public body or press outlet; ``path`` ("/1/7/") makes "this and its children" one query."""

    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    code = models.SlugField(_("mã"), max_length=64, unique=True)
    type = models.CharField(_("loại"), max_length=16, choices=OrganizationType.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering: ClassVar = ["name"]
        permissions: ClassVar = [
            ("view_all_organizations", _("Xem dữ liệu riêng của mọi tổ chức")),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        expected = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if self.path != expected:
            self.path = expected
            Organization.objects.filter(pk=self.pk).update(path=expected)


class Role(models.TextChoices):
    """Roles are Django groups of these names; ``lantoa.accounts.roles`` grants their permissions."""

    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")
    LEADER = "leader", _("Lãnh đạo")
    OFFICER = "officer", _("Cán bộ truyền thông")
    ANALYST = "analyst", _("Chuyên viên phân tích")
    SPOKESPERSON = "spokesperson", _("Người phát ngôn")


class User(AbstractUser):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        token = "lnt_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=cls.hash(token)), token
