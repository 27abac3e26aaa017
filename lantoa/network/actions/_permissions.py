"""The one check every network write makes: the permission, then agency scoping."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage

__all__ = ["require"]


def require(user: User, permission: str, owner: Organization | None) -> None:
    """Raise PermissionDenied unless ``user`` holds ``permission`` and manages ``owner``."""
    if not (user.is_active and user.has_perm(permission) and can_manage(user, owner)):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này cho đơn vị này."))
