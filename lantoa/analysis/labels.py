"""The label names each task uses (those of its training data) and how the UI shows them."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = ["LABELS", "display"]

LABELS: dict[str, dict[str, Promise]] = {
    "sentiment": {
        "negative": _("Tiêu cực"),
        "neutral": _("Trung lập"),
        "positive": _("Tích cực"),
    },
    "toxicity": {
        "CLEAN": _("Bình thường"),
        "OFFENSIVE": _("Xúc phạm"),
        "HATE": _("Thù ghét"),
    },
    "field": {
        "Chinh tri Xa hoi": _("Chính trị – Xã hội"),
        "Doi song": _("Đời sống"),
        "Khoa hoc": _("Khoa học"),
        "Kinh doanh": _("Kinh doanh"),
        "Phap luat": _("Pháp luật"),
        "Suc khoe": _("Sức khỏe"),
        "The gioi": _("Thế giới"),
        "The thao": _("Thể thao"),
        "Van hoa": _("Văn hóa"),
        "Vi tinh": _("Công nghệ thông tin"),
    },
    "reliability": {
        "reliable": _("Đáng tin cậy"),
        "unreliable": _("Có dấu hiệu không đáng tin"),
    },
}


def display(task: str, label: str) -> str:
    """The Vietnamese name of ``label``, or the label itself when it is not a known one."""
    return str(LABELS.get(task, {}).get(label, label))
