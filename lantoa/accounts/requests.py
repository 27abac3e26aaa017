"""The signed-in user of a request, typed, for views and API handlers behind a login check."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from lantoa.accounts.models import User

__all__ = ["signed_in_user"]


def signed_in_user(request: HttpRequest) -> User:
    """``request.user`` as a :class:`User`; an anonymous visitor is refused, never passed on.

    Views use it behind ``login_required`` and the API behind its session or token auth, so the
    refusal only fires if such a guard is forgotten.
    """
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
