"""Budget arithmetic in exact VND: sums, over-budget warnings, several funding sources."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from lantoa.core.testing.personas import Personas
from lantoa.plans.actions import set_budget_line
from lantoa.plans.budget import BudgetFigures, BudgetRow, format_vnd, summarise
from lantoa.plans.models import BudgetLine, PlanStatus
from lantoa.plans.queries import plan_budget, yearly_budget
from lantoa.plans.tests.factories import make_activity, make_budget_line, make_plan


def _row(activity: int, source: str, quarter: int, *money: int) -> BudgetRow:
    return BudgetRow(1, activity, source, quarter, BudgetFigures(*money))


def test_summary_splits_by_activity_source_and_quarter_exactly() -> None:
    rows = [
        _row(1, "state", 1, 150_000_000, 120_000_000, 99_999_999),
        _row(1, "socialised", 2, 50_000_001, 0, 0),
        _row(2, "state", 2, 1, 3, 2),
    ]

    summary = summarise(rows)

    assert summary.total == BudgetFigures(200_000_002, 120_000_003, 100_000_001)
    assert summary.by_source == {
        "state": BudgetFigures(150_000_001, 120_000_003, 100_000_001),
        "socialised": BudgetFigures(50_000_001, 0, 0),
    }
    assert summary.by_quarter == {
        1: BudgetFigures(150_000_000, 120_000_000, 99_999_999),
        2: BudgetFigures(50_000_002, 3, 2),
    }
    assert summary.over_budget_activities == [2]
    assert summary.by_activity[2].overrun == 2
    assert summary.total.remaining == 100_000_001


def test_sums_beyond_float_precision_stay_exact() -> None:
    rows = [_row(1, "state", 1, 9_007_199_254_740_993, 0, 0), _row(1, "state", 2, 1, 0, 0)]

    assert summarise(rows).total.planned == 9_007_199_254_740_994


def test_vnd_is_written_with_dots() -> None:
    assert format_vnd(1_234_567) == "1.234.567 đ"
    assert format_vnd(-5_000) == "-5.000 đ"


def test_plan_budget_from_the_database_with_two_sources(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    press = make_activity(plan=plan)
    loudspeakers = make_activity(plan=plan)
    set_budget_line(personas.lan, press, funding_source="state", quarter=1, planned=120_000_000)
    set_budget_line(personas.lan, press, funding_source="socialised", quarter=1, planned=30_000_000)
    set_budget_line(
        personas.lan,
        loudspeakers,
        funding_source="state",
        quarter=2,
        planned=15_500_000,
        committed=16_000_000,
        spent=15_750_000,
    )

    summary = plan_budget(plan)

    assert summary.total == BudgetFigures(165_500_000, 16_000_000, 15_750_000)
    assert summary.by_source["state"] == BudgetFigures(135_500_000, 16_000_000, 15_750_000)
    assert summary.by_source["socialised"] == BudgetFigures(30_000_000, 0, 0)
    assert summary.over_budget_activities == [loudspeakers.pk]
    assert summary.by_activity[loudspeakers.pk].overrun == 500_000


def test_setting_the_same_line_twice_updates_it(personas: Personas) -> None:
    activity = make_activity(plan=make_plan(organization=personas.hanoi))

    set_budget_line(personas.lan, activity, funding_source="state", quarter=3, planned=10)
    set_budget_line(personas.lan, activity, funding_source="state", quarter=3, planned=25)

    assert list(BudgetLine.objects.values_list("planned", flat=True)) == [25]


@pytest.mark.parametrize("amount", [-1, 1.5, True])
def test_amounts_must_be_whole_non_negative_dong(personas: Personas, amount: object) -> None:
    activity = make_activity(plan=make_plan(organization=personas.hanoi))

    with pytest.raises(ValueError, match="số nguyên đồng"):
        set_budget_line(personas.lan, activity, funding_source="state", quarter=1, planned=amount)  # type: ignore[arg-type]

    assert BudgetLine.objects.count() == 0


def test_planned_is_frozen_after_approval_but_spending_is_recorded(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.IN_PROGRESS)
    activity = make_activity(plan=plan)
    make_budget_line(activity=activity, funding_source="state", quarter=1, planned=100)

    with pytest.raises(ValueError, match="Dự toán"):
        set_budget_line(personas.lan, activity, funding_source="state", quarter=1, planned=900)
    set_budget_line(
        personas.lan, activity, funding_source="state", quarter=1, planned=100, spent=40
    )

    assert list(BudgetLine.objects.values_list("planned", "spent")) == [(100, 40)]


def test_other_province_cannot_touch_the_budget(personas: Personas) -> None:
    activity = make_activity(plan=make_plan(organization=personas.hanoi))
    make_budget_line(activity=activity, planned=100)

    with pytest.raises(PermissionDenied):
        set_budget_line(personas.binh, activity, funding_source="state", quarter=1, planned=1)

    assert list(BudgetLine.objects.values_list("planned", flat=True)) == [100]


def test_yearly_summary_per_organisation_is_scoped(personas: Personas) -> None:
    hanoi_plan = make_plan(organization=personas.hanoi, year=2026)
    department_plan = make_plan(organization=personas.hanoi_department, year=2026)
    hue_plan = make_plan(
        organization=personas.hue,
        year=2026,
        status=PlanStatus.APPROVED,
        document_date=date(2026, 1, 3),
    )
    make_plan(organization=personas.hanoi, year=2025)
    make_budget_line(activity=make_activity(plan=hanoi_plan), planned=7, spent=2)
    make_budget_line(activity=make_activity(plan=hanoi_plan), quarter=2, planned=3)
    make_budget_line(activity=make_activity(plan=department_plan), planned=11)
    make_budget_line(activity=make_activity(plan=hue_plan), planned=1_000)

    summary = {org.code: s.total for org, s in yearly_budget(personas.lan, 2026)}

    assert summary == {
        "ha-noi": BudgetFigures(10, 0, 2),
        "so-vhtt-ha-noi": BudgetFigures(11, 0, 0),
    }
