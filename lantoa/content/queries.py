"""Read access to items: a user sees the items of the sources they may see."""

from django.db.models import QuerySet

from lantoa.accounts.models import User
from lantoa.accounts.scoping import is_central
from lantoa.content.models import Item
from lantoa.sources.queries import visible_sources

__all__ = ["visible_items"]


def visible_items(user: User) -> QuerySet[Item]:
    if not user.is_authenticated or not user.is_active:
        return Item.objects.none()
    if is_central(user):
        return Item.objects.all()
    return Item.objects.filter(source__in=visible_sources(user).values("pk"))
