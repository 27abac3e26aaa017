"""Writes to sources go through these functions: they check agency scoping, then write."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.accounts.scoping import can_manage
from lantoa.sources.models import Source, SourceStatus

__all__ = ["rename_source", "set_source_status"]


def _check_can_change(user: User, source: Source) -> None:
    if not (user.has_perm("sources.change_source") and can_manage(user, source.owner)):
        raise PermissionDenied(_("Bạn không có quyền sửa nguồn tin của đơn vị khác."))


def rename_source(user: User, source: Source, name: str) -> Source:
    _check_can_change(user, source)
    cleaned = name.strip()
    if not cleaned:
        raise ValueError(_("Tên nguồn không được để trống."))
    source.name = cleaned
    source.save(update_fields=["name"])
    return source


def set_source_status(user: User, source: Source, status: SourceStatus) -> Source:
    """Pause or resume; resuming clears the failure streak so the source is polled again."""
    _check_can_change(user, source)
    source.status = status
    fields = ["status"]
    if status == SourceStatus.ACTIVE:
        source.consecutive_failures = 0
        fields.append("consecutive_failures")
    source.save(update_fields=fields)
    return source
