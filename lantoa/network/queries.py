"""Read access to the network's records, always through agency scoping.

Staff reach their organisation's subtree plus records shared with everyone. A journalist's
account (a :class:`Contact` with a ``user`` and no organisation) reaches only public material
and their own questions.
"""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import is_central, scope_filter, visible_organizations
from lantoa.network.models import (
    Briefing,
    Contact,
    ContactList,
    ListKind,
    PressQuestion,
    QuestionStatus,
    Release,
    ReleaseStatus,
)
from lantoa.network.vocabulary import to_tags

__all__ = [
    "is_staff_member",
    "list_recipients",
    "public_answers",
    "public_releases",
    "visible_briefings",
    "visible_contacts",
    "visible_lists",
    "visible_questions",
    "visible_releases",
]


def is_staff_member(user: User) -> bool:
    """Agency staff: an active user with an organisation (or central). Journalists are not."""
    return bool(user.is_authenticated and user.is_active) and (
        is_central(user) or user.organization_id is not None
    )


def visible_contacts(user: User) -> QuerySet[Contact]:
    if not is_staff_member(user):
        return Contact.objects.none()
    if is_central(user):
        return Contact.objects.all()
    return Contact.objects.filter(Q(is_shared=True) | scope_filter(user, "owner"))


def visible_lists(user: User) -> QuerySet[ContactList]:
    if not is_staff_member(user):
        return ContactList.objects.none()
    if is_central(user):
        return ContactList.objects.all()
    return ContactList.objects.filter(Q(is_shared=True) | scope_filter(user, "owner"))


def visible_releases(user: User) -> QuerySet[Release]:
    """Releases of the organisations ``user`` reaches, drafts included."""
    if not is_staff_member(user):
        return Release.objects.none()
    return Release.objects.filter(scope_filter(user, "owner"))


def public_releases(now: datetime | None = None) -> QuerySet[Release]:
    """Approved public releases whose embargo (if any) has passed."""
    moment = now or timezone.now()
    return Release.objects.filter(
        Q(embargo_until__isnull=True) | Q(embargo_until__lte=moment),
        status=ReleaseStatus.APPROVED,
        is_public=True,
    ).order_by("-approved_at", "-id")


def visible_questions(user: User) -> QuerySet[PressQuestion]:
    if not (user.is_authenticated and user.is_active):
        return PressQuestion.objects.none()
    if not is_staff_member(user):
        return PressQuestion.objects.filter(journalist__user=user)
    if is_central(user):
        return PressQuestion.objects.all()
    return PressQuestion.objects.filter(
        scope_filter(user, "owner") | scope_filter(user, "assigned_unit")
    )


def public_answers() -> QuerySet[PressQuestion]:
    return PressQuestion.objects.filter(status=QuestionStatus.ANSWERED, is_public=True).order_by(
        "-answered_at"
    )


def visible_briefings(user: User) -> QuerySet[Briefing]:
    if not is_staff_member(user):
        return Briefing.objects.none()
    return Briefing.objects.filter(scope_filter(user, "owner"))


def _directory_of(owner: Organization) -> QuerySet[Contact]:
    """The contacts a list owned by ``owner`` may draw on: its subtree's and shared ones."""
    subtree = Organization.objects.filter(path__startswith=owner.path).values("pk")
    return Contact.objects.filter(Q(is_shared=True) | Q(owner__in=subtree))


def _criteria_filter(criteria: dict[str, object]) -> Q:
    condition = Q()
    for field in ("beats", "provinces"):
        values = criteria.get(field) or []
        if values:
            any_of = Q()
            for value in values:  # type: ignore[attr-defined]
                any_of |= Q(**{f"{field}__contains": to_tags([str(value)])})
            condition &= any_of
    if kinds := criteria.get("kinds"):
        condition &= Q(kind__in=kinds)
    if outlet_ids := criteria.get("outlet_ids"):
        condition &= Q(outlet_id__in=outlet_ids)
    return condition


def list_recipients(contact_list: ContactList) -> QuerySet[Contact]:
    """Who receives mail sent to the list now: active, consenting contacts with an address."""
    if contact_list.kind == ListKind.STATIC:
        contacts = contact_list.members.all()
    else:
        contacts = _directory_of(contact_list.owner).filter(_criteria_filter(contact_list.criteria))
    return contacts.filter(is_active=True, consent=True).exclude(email="")


def organizations_reached(user: User) -> QuerySet[Organization]:
    return visible_organizations(user)
