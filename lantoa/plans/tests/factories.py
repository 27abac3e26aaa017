"""Factories for plans tests: valid records with sensible defaults, overridable by keyword."""

import itertools
from datetime import date
from typing import Any

from lantoa.accounts.models import Organization
from lantoa.plans.models import (
    Activity,
    BudgetLine,
    Plan,
    PlanStatus,
    Policy,
    PolicyStage,
    PolicyType,
)

_sequence = itertools.count(1)


def make_policy(*, organization: Organization, **fields: Any) -> Policy:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "title": f"Chính sách thử nghiệm {n}",
        "type": PolicyType.RESOLUTION,
        "lead_agency": "Sở Tư pháp",
        "stage": PolicyStage.DRAFTING,
    }
    return Policy.objects.create(organization=organization, **{**defaults, **fields})


def make_plan(*, organization: Organization, **fields: Any) -> Plan:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "year": 2026,
        "title": f"Kế hoạch truyền thông chính sách số {n}",
        "status": PlanStatus.DRAFT,
    }
    return Plan.objects.create(organization=organization, **{**defaults, **fields})


def make_issued_plan(*, organization: Organization, approved_on: date, **fields: Any) -> Plan:
    return make_plan(
        organization=organization,
        status=PlanStatus.APPROVED,
        document_number=f"{next(_sequence)}/KH-UBND",
        document_date=approved_on,
        **fields,
    )


def make_activity(*, plan: Plan, **fields: Any) -> Activity:
    n = next(_sequence)
    defaults: dict[str, Any] = {
        "title": f"Hoạt động thử nghiệm {n}",
        "stage": PolicyStage.DRAFTING,
        "starts_on": date(2026, 3, 1),
        "ends_on": date(2026, 3, 31),
    }
    return Activity.objects.create(plan=plan, **{**defaults, **fields})


def make_budget_line(*, activity: Activity, **fields: Any) -> BudgetLine:
    defaults: dict[str, Any] = {"funding_source": "state", "quarter": 1, "planned": 0}
    return BudgetLine.objects.create(activity=activity, **{**defaults, **fields})
