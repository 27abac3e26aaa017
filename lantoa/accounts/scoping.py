"""Agency scoping: the one place that decides which organisations' private records a user reaches.

A user reaches their own organisation and everything below it. Central roles (superusers and
holders of ``accounts.view_all_organizations``) reach everything.
"""

from django.db.models import Q, QuerySet

from lantoa.accounts.models import Organization, User

__all__ = ["can_manage", "is_central", "scope_filter", "visible_organizations"]


def is_central(user: User) -> bool:
    return bool(
        user.is_active and (user.is_superuser or user.has_perm("accounts.view_all_organizations"))
    )


def visible_organizations(user: User) -> QuerySet[Organization]:
    """Organisations whose private records ``user`` may read."""
    if not user.is_authenticated or not user.is_active:
        return Organization.objects.none()
    if is_central(user):
        return Organization.objects.all()
    if user.organization is None:
        return Organization.objects.none()
    return Organization.objects.filter(path__startswith=user.organization.path)


def scope_filter(user: User, field: str) -> Q:
    """A Q object restricting ``field`` (a FK to Organization) to what ``user`` may read."""
    if is_central(user):
        return Q()
    return Q(**{f"{field}__in": visible_organizations(user).values("pk")})


def can_manage(user: User, organization: Organization | None) -> bool:
    """Whether ``user`` may write records owned by ``organization``."""
    if organization is None:
        return is_central(user)
    return visible_organizations(user).filter(pk=organization.pk).exists()
