"""Vietnamese wording shared by pages and exports: group names for the compliance counts."""

from django.utils.translation import gettext as _

from lantoa.accounts.models import OrganizationType
from lantoa.plans.compliance import GroupCount
from lantoa.plans.models import PlanStatus

__all__ = ["count_label", "group_name", "status_name"]


def group_name(organization_type: str) -> str:
    names = {
        OrganizationType.DEPARTMENT: _("sở, ngành"),
        OrganizationType.COMMUNE: _("xã, phường, đặc khu"),
        OrganizationType.MINISTRY: _("bộ, ngành"),
        OrganizationType.PROVINCE: _("tỉnh, thành phố"),
        OrganizationType.PRESS: _("cơ quan báo chí"),
    }
    return str(names.get(organization_type, _("đơn vị")))  # type: ignore[call-overload]


def count_label(count: GroupCount) -> str:
    """``"9/18 sở, ngành"``."""
    return f"{count.issued}/{count.total} {group_name(count.organization_type)}"


def status_name(status: str | None) -> str:
    if status is None:
        return _("Chưa có kế hoạch")
    return str(PlanStatus(status).label)
