"""The five roles as Django groups, with the permissions each one carries.

Later domains add their permissions here, so "what may a leader do?" has one answer.
"""

from django.contrib.auth.models import Group, Permission

from lantoa.accounts.models import Role

__all__ = ["ROLE_PERMISSIONS", "ensure_roles"]

ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.ADMINISTRATOR: (
        "accounts.view_all_organizations",
        "accounts.view_organization",
        "accounts.add_organization",
        "accounts.change_organization",
        "sources.view_source",
        "sources.add_source",
        "sources.change_source",
        "sources.delete_source",
        "content.view_item",
        "plans.view_plan",
        "plans.view_policy",
        "plans.view_presscommission",
        "plans.view_staffmember",
        "plans.add_plan",
        "plans.change_plan",
        "plans.add_policy",
        "plans.change_policy",
        "plans.add_presscommission",
        "plans.change_presscommission",
        "plans.add_staffmember",
        "plans.change_staffmember",
        "plans.approve_plan",
    ),
    Role.LEADER: (
        "sources.view_source",
        "sources.change_source",
        "content.view_item",
        "plans.view_plan",
        "plans.view_policy",
        "plans.view_presscommission",
        "plans.view_staffmember",
        "plans.approve_plan",
    ),
    Role.OFFICER: (
        "sources.view_source",
        "sources.add_source",
        "sources.change_source",
        "content.view_item",
        "plans.view_plan",
        "plans.view_policy",
        "plans.view_presscommission",
        "plans.view_staffmember",
        "plans.add_plan",
        "plans.change_plan",
        "plans.add_policy",
        "plans.change_policy",
        "plans.add_presscommission",
        "plans.change_presscommission",
        "plans.add_staffmember",
        "plans.change_staffmember",
    ),
    Role.ANALYST: (
        "sources.view_source",
        "content.view_item",
        "plans.view_plan",
        "plans.view_policy",
        "plans.view_presscommission",
        "plans.view_staffmember",
    ),
    Role.SPOKESPERSON: ("content.view_item", "plans.view_plan", "plans.view_policy"),
}


def ensure_roles() -> None:
    """Create or update the role groups; safe to run any number of times."""
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (name.split(".") for name in codenames)
        ]
        group.permissions.set(permissions)
