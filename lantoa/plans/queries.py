"""Read access to plans and their records, always through agency scoping.

Drafts and submitted plans are private to their organisation and the ones above it; once a plan
is approved it is an issued public document, readable by every signed-in user who may view plans.
"""

from datetime import date

from django.db.models import Q, QuerySet

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import is_central, scope_filter, visible_organizations
from lantoa.content.models import Item
from lantoa.content.queries import visible_items
from lantoa.plans.budget import BudgetFigures, BudgetRow, BudgetSummary, summarise
from lantoa.plans.compliance import Board, ChildPlan, build_board, default_deadline
from lantoa.plans.models import (
    ISSUED_STATUSES,
    OPEN_ACTIVITY_STATUSES,
    Activity,
    ActivityOutput,
    BudgetLine,
    Plan,
    PlanDeadline,
    PlanStatus,
    Policy,
    PressCommission,
    StaffMember,
    Training,
)

__all__ = [
    "budget_rows",
    "children_plans",
    "compliance_board",
    "deadline_for",
    "linked_items",
    "organizations_with_children",
    "overdue_activities",
    "plan_budget",
    "visible_activities",
    "visible_commissions",
    "visible_plans",
    "visible_policies",
    "visible_staff",
    "visible_trainings",
    "yearly_budget",
]


def _may(user: User, permission: str) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(permission))


def visible_plans(user: User) -> QuerySet[Plan]:
    if not _may(user, "plans.view_plan"):
        return Plan.objects.none()
    if is_central(user):
        return Plan.objects.all()
    return Plan.objects.filter(scope_filter(user, "organization") | Q(status__in=ISSUED_STATUSES))


def visible_activities(user: User) -> QuerySet[Activity]:
    return Activity.objects.filter(plan__in=visible_plans(user).values("pk"))


def overdue_activities(user: User, today: date) -> QuerySet[Activity]:
    return visible_activities(user).filter(status__in=OPEN_ACTIVITY_STATUSES, ends_on__lt=today)


def visible_policies(user: User) -> QuerySet[Policy]:
    """Policy records are shared: every user who may view policies reads them all."""
    if not _may(user, "plans.view_policy"):
        return Policy.objects.none()
    return Policy.objects.all()


def visible_commissions(user: User) -> QuerySet[PressCommission]:
    if not _may(user, "plans.view_presscommission"):
        return PressCommission.objects.none()
    return PressCommission.objects.filter(scope_filter(user, "organization"))


def visible_staff(user: User) -> QuerySet[StaffMember]:
    if not _may(user, "plans.view_staffmember"):
        return StaffMember.objects.none()
    return StaffMember.objects.filter(scope_filter(user, "organization"))


def visible_trainings(user: User) -> QuerySet[Training]:
    if not _may(user, "plans.view_staffmember"):
        return Training.objects.none()
    return Training.objects.filter(scope_filter(user, "organization"))


def budget_rows(lines: QuerySet[BudgetLine]) -> list[BudgetRow]:
    return [
        BudgetRow(
            plan_id=plan_id,
            activity_id=activity_id,
            funding_source=source,
            quarter=quarter,
            figures=BudgetFigures(planned, committed, spent),
        )
        for plan_id, activity_id, source, quarter, planned, committed, spent in lines.values_list(
            "activity__plan_id",
            "activity_id",
            "funding_source",
            "quarter",
            "planned",
            "committed",
            "spent",
        )
    ]


def plan_budget(plan: Plan) -> BudgetSummary:
    return summarise(budget_rows(BudgetLine.objects.filter(activity__plan=plan)))


def yearly_budget(user: User, year: int) -> list[tuple[Organization, BudgetSummary]]:
    """Per organisation ``user`` reaches: the budget of its plans for ``year`` (not drafts'
    of other organisations: only plans ``user`` may read are counted)."""
    plans = visible_plans(user).filter(year=year).filter(scope_filter(user, "organization"))
    rows = budget_rows(BudgetLine.objects.filter(activity__plan__in=plans.values("pk")))
    by_plan = {p.pk: p.organization_id for p in plans.only("pk", "organization_id")}
    organizations = Organization.objects.in_bulk(set(by_plan.values()))
    grouped: dict[int, list[BudgetRow]] = {}
    for row in rows:
        grouped.setdefault(by_plan[row.plan_id], []).append(row)
    return [
        (organizations[org_id], summarise(org_rows))
        for org_id, org_rows in sorted(grouped.items(), key=lambda kv: organizations[kv[0]].name)
    ]


def deadline_for(parent: Organization, year: int) -> date:
    custom = PlanDeadline.objects.filter(parent=parent, year=year).first()
    return custom.deadline if custom else default_deadline(year)


_STATUS_RANK = {status: rank for rank, status in enumerate(PlanStatus.values)}


def children_plans(parent: Organization, year: int) -> list[ChildPlan]:
    """Each active child of ``parent`` with its most advanced plan of ``year`` (or none)."""
    children = list(parent.children.filter(is_active=True).order_by("type", "name"))
    best: dict[int, Plan] = {}
    for plan in Plan.objects.filter(organization__in=children, year=year).order_by("id"):
        current = best.get(plan.organization_id)
        if current is None or _STATUS_RANK[plan.status] > _STATUS_RANK[current.status]:
            best[plan.organization_id] = plan
    return [_child_plan(child, best.get(child.pk)) for child in children]


def compliance_board(parent: Organization, year: int) -> Board:
    """The board for ``parent``; callers check the user reaches ``parent`` first."""
    return build_board(
        parent_id=parent.pk,
        parent_name=parent.name,
        year=year,
        deadline=deadline_for(parent, year),
        children=children_plans(parent, year),
    )


def _child_plan(child: Organization, plan: Plan | None) -> ChildPlan:
    return ChildPlan(
        organization_id=child.pk,
        organization_name=child.name,
        organization_type=child.type,
        plan_id=plan.pk if plan else None,
        plan_status=plan.status if plan else None,
        issued=bool(plan and plan.is_issued),
        document_number=plan.document_number if plan else "",
        document_date=plan.document_date if plan else None,
    )


def linked_items(user: User, activity: Activity | Plan) -> QuerySet[Item]:
    """Items ``user`` may read that the outputs of an activity (or of all a plan's activities)
    point at: by foreign key, or by an output URL equal to the item's canonical URL."""
    outputs = (
        ActivityOutput.objects.filter(activity__plan=activity)
        if isinstance(activity, Plan)
        else activity.outputs.all()
    )
    urls = [u for u in outputs.values_list("url", flat=True) if u]
    ids = [i for i in outputs.values_list("item_id", flat=True) if i]
    return visible_items(user).filter(Q(pk__in=ids) | Q(canonical_url__in=urls)).distinct()


def organizations_with_children(user: User) -> QuerySet[Organization]:
    """Organisations ``user`` reaches that have children: the parents a board can be shown for."""
    return visible_organizations(user).filter(children__isnull=False).distinct()
