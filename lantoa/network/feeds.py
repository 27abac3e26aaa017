"""The public RSS feed of published releases (embargoed ones appear only after their time)."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.network.models import Release
from lantoa.network.queries import public_releases


class ReleaseFeed(Feed):
    title = _("Thông cáo báo chí")
    description = _("Thông tin chính thức do các cơ quan phát hành.")

    def link(self) -> str:
        return reverse("network:press")

    def items(self) -> list[Release]:
        return list(public_releases().select_related("owner")[:50])

    def item_title(self, item: Release) -> str:
        return item.title

    def item_description(self, item: Release) -> str:
        return item.summary or item.body[:500]

    def item_link(self, item: Release) -> str:
        return reverse("network:public_release", args=[item.slug])

    def item_pubdate(self, item: Release) -> datetime | None:
        return max(filter(None, [item.approved_at, item.embargo_until]), default=None)

    def item_author_name(self, item: Release) -> str:
        return item.owner.name
