"""Items: every article, post or comment Lantoa has read, stored once."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from lantoa.sources.models import Source


class ItemKind(models.TextChoices):
    ARTICLE = "article", _("Bài báo")
    POST = "post", _("Bài đăng mạng xã hội")
    COMMENT = "comment", _("Bình luận")


class Story(models.Model):
    """Reprints and light edits of one article across outlets: one story, many items."""

    first_item = models.ForeignKey(
        "Item", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("tin gốc")
    )
    item_count = models.PositiveIntegerField(_("số tin"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("câu chuyện")
        verbose_name_plural = _("câu chuyện")

    def __str__(self) -> str:
        return f"#{self.pk} ({self.item_count})"


class Item(models.Model):
    """One piece of content. ``(source, external_id)`` is unique, so re-ingestion is idempotent.

    ``external_id`` is the platform's own id when there is one (a post id), else the canonical URL.
    """

    source = models.ForeignKey(
        Source, verbose_name=_("nguồn"), on_delete=models.PROTECT, related_name="items"
    )
    external_id = models.CharField(_("mã gốc"), max_length=512)
    kind = models.CharField(
        _("loại"), max_length=8, choices=ItemKind.choices, default=ItemKind.ARTICLE
    )
    url = models.URLField(_("địa chỉ"), max_length=2000, blank=True)
    canonical_url = models.URLField(_("địa chỉ chuẩn"), max_length=2000, blank=True, db_index=True)
    title = models.CharField(_("tiêu đề"), max_length=1000, blank=True)
    text = models.TextField(_("nội dung"))
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    published_at = models.DateTimeField(_("thời điểm đăng"), null=True, blank=True, db_index=True)
    published_date_only = models.BooleanField(
        _("chỉ biết ngày đăng"),
        default=False,
        help_text=_("Nguồn chỉ cho biết ngày, không có giờ."),
    )
    fetched_at = models.DateTimeField(_("thời điểm thu thập"), auto_now_add=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    content_hash = models.CharField(_("mã băm nội dung"), max_length=64, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("bài gốc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
    )
    raw = models.JSONField(_("siêu dữ liệu gốc"), default=dict, blank=True)
    story = models.ForeignKey(
        Story,
        verbose_name=_("câu chuyện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    signature = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering: ClassVar = ["-published_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="item_unique_per_source"
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=["source", "-published_at"]),
            # The "same text already stored for this source" check, one per stored article.
            models.Index(fields=["source", "content_hash"], name="item_source_hash"),
        ]

    def __str__(self) -> str:
        return self.title or self.text[:80]
