"""Roles: each group carries exactly its table's permissions; approvals stay with leaders."""

import pytest
from django.contrib.auth.models import Group

from lantoa.accounts.models import Role
from lantoa.accounts.roles import ROLE_PERMISSIONS, ensure_roles


def group_permissions(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db
def test_every_role_group_has_exactly_its_permissions_even_after_a_rerun() -> None:
    ensure_roles()
    ensure_roles()

    for role, names in ROLE_PERMISSIONS.items():
        assert group_permissions(role) == set(names), role


@pytest.mark.django_db
def test_approvals_belong_to_leaders_and_the_centre_and_analysts_only_read() -> None:
    ensure_roles()

    approvals = {"plans.approve_plan", "network.approve_release"}
    assert approvals <= group_permissions(Role.LEADER)
    assert approvals <= group_permissions(Role.ADMINISTRATOR)
    assert not approvals & group_permissions(Role.OFFICER)
    assert all(".view_" in name for name in group_permissions(Role.ANALYST))
