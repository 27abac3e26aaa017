"""Read access to sources, always through agency scoping."""

from django.db.models import Q, QuerySet

from lantoa.accounts.models import User
from lantoa.accounts.scoping import is_central, visible_organizations
from lantoa.sources.models import Source

__all__ = ["visible_sources"]


def visible_sources(user: User) -> QuerySet[Source]:
    """Sources owned by organisations ``user`` reaches, plus the ones shared with everyone."""
    if not user.is_authenticated or not user.is_active:
        return Source.objects.none()
    if is_central(user):
        return Source.objects.all()
    return Source.objects.filter(Q(is_shared=True) | Q(owner__in=visible_organizations(user)))
