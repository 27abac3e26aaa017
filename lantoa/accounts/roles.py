"""The five roles as Django groups, with the permissions each one carries.

Later domains add their permissions here, so "what may a leader do?" has one answer. Roles are
built from named bundles: everyone in an agency reads its records (``READ``); officers and
leaders add the edits of their job; the central administrator can do everything an officer can,
plus manage organisations and approve.
"""

from django.contrib.auth.models import Group, Permission

from lantoa.accounts.models import Role

__all__ = ["ROLE_PERMISSIONS", "ensure_roles"]

NETWORK_READ = (
    "network.view_contact",
    "network.view_contactlist",
    "network.view_release",
    "network.view_delivery",
    "network.view_pressquestion",
    "network.view_briefing",
    "network.view_outletprofile",
)
PLANS_READ_PUBLIC = ("plans.view_plan", "plans.view_policy")
PLANS_READ = (*PLANS_READ_PUBLIC, "plans.view_presscommission", "plans.view_staffmember")
WATCH_READ = (
    "monitoring.view_topic",
    "monitoring.view_alert",
    "consultation.view_consultation",
    "factcheck.view_claim",
    "factcheck.view_tip",
    "crisis.view_incident",
)
READ = ("sources.view_source", "content.view_item", *NETWORK_READ, *PLANS_READ, *WATCH_READ)

NETWORK_EDIT = (
    "network.add_contact",
    "network.change_contact",
    "network.add_contactlist",
    "network.change_contactlist",
    "network.add_release",
    "network.change_release",
    "network.distribute_release",
    "network.add_pressquestion",
    "network.change_pressquestion",
    "network.add_briefing",
    "network.change_briefing",
    "network.add_outletprofile",
    "network.change_outletprofile",
)
PLANS_EDIT = (
    "plans.add_plan",
    "plans.change_plan",
    "plans.add_policy",
    "plans.change_policy",
    "plans.add_presscommission",
    "plans.change_presscommission",
    "plans.add_staffmember",
    "plans.change_staffmember",
)
MONITORING_EDIT = (
    "monitoring.add_topic",
    "monitoring.change_topic",
    "monitoring.change_alert",
    "monitoring.view_alertrule",
    "monitoring.add_alertrule",
    "monitoring.change_alertrule",
)
CONSULTATION_RUN = (
    "consultation.add_consultation",
    "consultation.change_consultation",
    "consultation.moderate_comment",
)
FACTCHECK_EDIT = (
    "factcheck.add_claim",
    "factcheck.change_claim",
    "factcheck.issue_verdict",
    "factcheck.add_tip",
    "factcheck.change_tip",
)
INCIDENT_EDIT = ("crisis.add_incident", "crisis.change_incident")

OFFICER = (
    *READ,
    "sources.add_source",
    "sources.change_source",
    *NETWORK_EDIT,
    *PLANS_EDIT,
    *MONITORING_EDIT,
    *CONSULTATION_RUN,
    *FACTCHECK_EDIT,
    *INCIDENT_EDIT,
)

ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.ADMINISTRATOR: (
        *OFFICER,
        "accounts.view_all_organizations",
        "accounts.view_organization",
        "accounts.add_organization",
        "accounts.change_organization",
        "sources.delete_source",
        "network.approve_release",
        "plans.approve_plan",
    ),
    Role.LEADER: (
        *READ,
        "sources.change_source",
        "network.approve_release",
        "network.distribute_release",
        "network.change_pressquestion",
        "plans.approve_plan",
        "monitoring.change_alert",
        "monitoring.view_alertrule",
        *CONSULTATION_RUN,
        "factcheck.change_claim",
        "factcheck.issue_verdict",
        *INCIDENT_EDIT,
    ),
    Role.OFFICER: OFFICER,
    Role.ANALYST: READ,
    Role.SPOKESPERSON: (
        "content.view_item",
        *NETWORK_READ,
        *PLANS_READ_PUBLIC,
        *WATCH_READ,
        "network.change_pressquestion",
        "network.change_contact",
    ),
}


def ensure_roles() -> None:
    """Create or update the role groups; safe to run any number of times.

    All permissions are read in one query (this runs at every migrate and for every test user).
    """
    wanted = {name for names in ROLE_PERMISSIONS.values() for name in names}
    apps = {name.split(".")[0] for name in wanted}
    by_name = {
        f"{permission.content_type.app_label}.{permission.codename}": permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=apps
        ).select_related("content_type")
    }
    missing = sorted(wanted - set(by_name))
    if missing:
        raise LookupError(f"Unknown permissions in ROLE_PERMISSIONS: {', '.join(missing)}")
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set([by_name[name] for name in names])
