"""Read access to tips and claims, always through agency scoping; published verdicts are public."""

from django.db.models import QuerySet

from lantoa.accounts.models import User
from lantoa.accounts.scoping import scope_filter
from lantoa.factcheck.models import Claim, ClaimStatus, Tip

__all__ = ["published_verdicts", "visible_claims", "visible_tips"]


def visible_claims(user: User) -> QuerySet[Claim]:
    if not (user.is_authenticated and user.is_active and user.has_perm("factcheck.view_claim")):
        return Claim.objects.none()
    return Claim.objects.filter(scope_filter(user, "owner")).select_related("owner", "assignee")


def visible_tips(user: User) -> QuerySet[Tip]:
    if not (user.is_authenticated and user.is_active and user.has_perm("factcheck.view_tip")):
        return Tip.objects.none()
    return Tip.objects.filter(scope_filter(user, "owner")).select_related(
        "owner", "claim", "suggested_claim"
    )


def published_verdicts() -> QuerySet[Claim]:
    return (
        Claim.objects.filter(status=ClaimStatus.VERDICT, published_at__isnull=False)
        .select_related("owner")
        .order_by("-published_at", "-id")
    )
