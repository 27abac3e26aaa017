"""The platform's sections, in the order the navigation shows them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = ["SECTIONS", "Section"]


@dataclass(frozen=True, slots=True)
class Section:
    """A navigation entry."""

    slug: str
    title: Promise
    description: Promise
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


SECTIONS: tuple[Section, ...] = (
    Section("dashboard", _("Tổng quan"), _("Tình hình thông tin hôm nay."), "dashboard"),
    Section(
        "items",
        _("Tin bài"),
        _("Tin bài thu thập từ báo chí và mạng xã hội."),
        "content:item_list",
    ),
    Section(
        "topics",
        _("Chủ đề theo dõi"),
        _("Các chủ đề chính sách đang được theo dõi."),
        "monitoring:overview",
    ),
    Section(
        "alerts",
        _("Cảnh báo"),
        _("Cảnh báo sớm về xu hướng thông tin tích cực, tiêu cực."),
        "monitoring:alert_list",
    ),
    Section(
        "network",
        _("Mạng lưới"),
        _("Người phát ngôn, cơ quan báo chí và nhà báo."),
        "network:directory",
    ),
    Section(
        "plans",
        _("Kế hoạch"),
        _("Kế hoạch truyền thông chính sách hằng năm."),
        "plans:plan_list",
    ),
    Section(
        "factcheck",
        _("Tin giả"),
        _("Tiếp nhận, xác minh và cải chính thông tin sai lệch."),
        "factcheck:claim_list",
    ),
    Section(
        "consultation",
        _("Lấy ý kiến"),
        _("Lấy ý kiến nhân dân về dự thảo chính sách."),
        "consultation:list",
    ),
    Section(
        "reports",
        _("Báo cáo"),
        _("Báo cáo định kỳ và đánh giá hiệu quả truyền thông."),
        "reports:index",
    ),
)
