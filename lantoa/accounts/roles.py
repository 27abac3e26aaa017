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
    ),
    Role.LEADER: ("sources.view_source", "sources.change_source", "content.view_item"),
    Role.OFFICER: (
        "sources.view_source",
        "sources.add_source",
        "sources.change_source",
        "content.view_item",
    ),
    Role.ANALYST: ("sources.view_source", "content.view_item"),
    Role.SPOKESPERSON: ("content.view_item",),
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
