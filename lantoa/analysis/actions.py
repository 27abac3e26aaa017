"""Officers correct the machine's labels; corrections become training data."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.analysis.labels import LABELS
from lantoa.analysis.models import LabelCorrection
from lantoa.content.models import Item
from lantoa.content.queries import visible_items

__all__ = ["correct_label"]


def correct_label(user: User, item: Item, task: str, label: str) -> LabelCorrection:
    """Record ``user``'s ``label`` for ``item`` on ``task``; the user must be able to read it."""
    if not visible_items(user).filter(pk=item.pk).exists():
        raise PermissionDenied(_("Bạn không xem được tin bài này."))
    if label not in LABELS.get(task, {}):
        raise ValueError(_("Nhãn không hợp lệ cho nhiệm vụ này: %(label)s") % {"label": label})
    analysis = getattr(item, "analysis", None)
    previous = str(getattr(analysis, task, "") or "") if analysis is not None else ""
    return LabelCorrection.objects.create(
        item=item, task=task, label=label, previous_label=previous, corrected_by=user
    )
