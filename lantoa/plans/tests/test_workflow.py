"""Plan workflow with personas: officers draft and submit, leaders approve, others see nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from lantoa.accounts.models import Role, User
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.plans.actions import add_activity, create_plan, move_plan, update_plan
from lantoa.plans.models import Plan, PlanStatus, PolicyStage
from lantoa.plans.queries import visible_plans
from lantoa.plans.tests.factories import make_activity, make_plan, make_policy
from lantoa.plans.workflow import Move


@pytest.fixture
def leader(personas: Personas) -> User:
    return make_user(username="lanh-dao-ha-noi", role=Role.LEADER, organization=personas.hanoi)


def test_officer_drafts_submits_and_leader_approves(personas: Personas, leader: User) -> None:
    policy = make_policy(organization=personas.hanoi)
    plan = create_plan(
        personas.lan,
        personas.hanoi,
        year=2026,
        title="Kế hoạch truyền thông 2026",
        policies=[policy],
    )
    add_activity(
        personas.lan,
        plan,
        title="Họp báo về nghị quyết",
        stage=PolicyStage.CONSULTATION,
        policy=policy,
        starts_on=date(2026, 2, 1),
        ends_on=date(2026, 2, 28),
        audiences=["ethnic_minority", "remote"],
        channels=["press_conference", "loudspeaker"],
    )

    move_plan(personas.lan, plan, Move.SUBMIT)
    move_plan(
        leader, plan, Move.APPROVE, document_number="12/KH-UBND", document_date=date(2026, 1, 20)
    )

    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert (plan.document_number, plan.document_date) == ("12/KH-UBND", date(2026, 1, 20))
    assert plan.approved_by == leader
    assert list(plan.policies.all()) == [policy]


def test_officer_cannot_approve_and_nothing_changes(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)

    with pytest.raises(PermissionDenied):
        move_plan(
            personas.lan, plan, Move.APPROVE, document_number="1", document_date=date(2026, 1, 5)
        )

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.document_number == ""


def test_leader_cannot_draft_a_plan(personas: Personas, leader: User) -> None:
    with pytest.raises(PermissionDenied):
        create_plan(leader, personas.hanoi, year=2026, title="Không được tạo")

    assert Plan.objects.count() == 0


def test_approval_needs_document_number_and_date(personas: Personas, leader: User) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)

    with pytest.raises(ValueError, match="số và ngày"):
        move_plan(leader, plan, Move.APPROVE, document_number=" ", document_date=None)

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_a_plan_without_activities_cannot_be_submitted(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)

    with pytest.raises(ValueError, match="ít nhất một hoạt động"):
        move_plan(personas.lan, plan, Move.SUBMIT)

    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_moves_out_of_order_are_refused(personas: Personas, leader: User) -> None:
    plan = make_plan(organization=personas.hanoi)
    make_activity(plan=plan)

    with pytest.raises(ValueError, match="Dự thảo"):
        move_plan(leader, plan, Move.APPROVE, document_number="1", document_date=date(2026, 1, 2))
    with pytest.raises(ValueError):
        move_plan(personas.lan, plan, Move.CLOSE)

    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_full_lifecycle_and_return_to_draft(personas: Personas, leader: User) -> None:
    plan = make_plan(organization=personas.hanoi)
    make_activity(plan=plan)

    move_plan(personas.lan, plan, Move.SUBMIT)
    move_plan(leader, plan, Move.RETURN)
    assert plan.status == PlanStatus.DRAFT
    move_plan(personas.lan, plan, Move.SUBMIT)
    move_plan(leader, plan, Move.APPROVE, document_number="5/KH", document_date=date(2026, 2, 3))
    move_plan(personas.lan, plan, Move.START)
    move_plan(personas.lan, plan, Move.CLOSE)

    assert plan.status == PlanStatus.CLOSED


def test_a_submitted_plan_is_no_longer_editable(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED, title="Bản đã trình")

    with pytest.raises(ValueError, match="dự thảo"):
        update_plan(personas.lan, plan, title="Sửa lén")

    plan.refresh_from_db()
    assert plan.title == "Bản đã trình"


def test_other_province_cannot_see_drafts_but_sees_issued_plans(personas: Personas) -> None:
    draft = make_plan(organization=personas.hanoi, status=PlanStatus.DRAFT)
    submitted = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)
    issued = make_plan(
        organization=personas.hanoi,
        status=PlanStatus.APPROVED,
        document_number="3/KH",
        document_date=date(2026, 1, 10),
    )

    assert set(visible_plans(personas.binh)) == {issued}
    assert set(visible_plans(personas.lan)) == {draft, submitted, issued}
    assert set(visible_plans(personas.minh)) == {draft, submitted, issued}


def test_other_province_officer_cannot_write_to_a_plan(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, title="Của Hà Nội")
    make_activity(plan=plan)

    with pytest.raises(PermissionDenied):
        update_plan(personas.binh, plan, title="Huế sửa")
    with pytest.raises(PermissionDenied):
        move_plan(personas.binh, plan, Move.SUBMIT)
    with pytest.raises(PermissionDenied):
        create_plan(personas.binh, personas.hanoi, year=2026, title="Huế tạo hộ")

    plan.refresh_from_db()
    assert (plan.title, plan.status) == ("Của Hà Nội", PlanStatus.DRAFT)
    assert Plan.objects.count() == 1


def test_analyst_reads_department_plans_but_cannot_write(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi_department)

    assert list(visible_plans(personas.ha)) == [plan]
    with pytest.raises(PermissionDenied):
        create_plan(personas.ha, personas.hanoi_department, year=2026, title="Không được")
    assert Plan.objects.count() == 1


def test_leader_of_another_province_cannot_approve(personas: Personas) -> None:
    hue_leader = make_user(role=Role.LEADER, organization=personas.hue)
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)

    with pytest.raises(PermissionDenied):
        move_plan(
            hue_leader, plan, Move.APPROVE, document_number="9", document_date=date(2026, 1, 9)
        )

    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_activity_dates_and_choices_are_validated(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    base = {"title": "Hoạt động", "stage": PolicyStage.DRAFTING}

    with pytest.raises(ValueError, match="trước ngày bắt đầu"):
        add_activity(
            personas.lan, plan, starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 1), **base
        )
    with pytest.raises(ValueError, match="không hợp lệ"):
        add_activity(
            personas.lan,
            plan,
            starts_on=date(2026, 5, 1),
            ends_on=date(2026, 5, 2),
            channels=["bồ câu đưa thư"],
            **base,
        )

    assert plan.activities.count() == 0


def test_overdue_means_open_and_past_its_end(personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    late = make_activity(plan=plan, ends_on=date(2026, 3, 31), status="in_progress")
    done = make_activity(plan=plan, ends_on=date(2026, 3, 31), status="done")
    future = make_activity(plan=plan, ends_on=date(2026, 6, 30))

    today = date(2026, 4, 1)
    assert [late.is_overdue(today), done.is_overdue(today), future.is_overdue(today)] == [
        True,
        False,
        False,
    ]
