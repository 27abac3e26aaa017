"""Subscribing to the weekly summary e-mail."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.network.queries import is_staff_member
from lantoa.reports.models import SummarySubscription

__all__ = ["subscribe_to_summary", "unsubscribe_from_summary"]


def subscribe_to_summary(user: User) -> SummarySubscription:
    """Agency staff with an e-mail address receive their summary every Monday (idempotent)."""
    if not is_staff_member(user):
        raise PermissionDenied(_("Chỉ cán bộ của cơ quan nhận được báo cáo."))
    if not user.email:
        raise ValueError(_("Tài khoản của bạn chưa có địa chỉ thư điện tử."))
    subscription, _created = SummarySubscription.objects.get_or_create(user=user)
    return subscription


def unsubscribe_from_summary(user: User) -> None:
    SummarySubscription.objects.filter(user=user).delete()
