"""The public RSS feed of published verdicts."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lantoa.factcheck.models import Claim
from lantoa.factcheck.queries import published_verdicts


class VerdictFeed(Feed):
    title = _("Kết luận kiểm chứng thông tin")
    description = _("Các kết luận về thông tin sai sự thật do cơ quan nhà nước công bố.")

    def link(self) -> str:
        return reverse("factcheck:public_list")

    def items(self) -> list[Claim]:
        return list(published_verdicts()[:50])

    def item_title(self, item: Claim) -> str:
        return f"[{item.get_verdict_display()}] {item.statement[:200]}"

    def item_description(self, item: Claim) -> str:
        return item.explanation[:1000]

    def item_link(self, item: Claim) -> str:
        return reverse("factcheck:public_verdict", args=[item.slug])

    def item_pubdate(self, item: Claim) -> datetime | None:
        return item.published_at

    def item_author_name(self, item: Claim) -> str:
        return item.owner.name
