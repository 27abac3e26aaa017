"""The plans pages: scoping, forms, workflow buttons, overdue flags, board and exports."""

import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import OrganizationType, Role, User
from lantoa.core.testing.factories import make_item, make_organization, make_source, make_user
from lantoa.core.testing.personas import Personas
from lantoa.plans.models import (
    ActivityOutput,
    BudgetLine,
    CommissionStatus,
    Plan,
    PlanStatus,
    PressCommission,
    StaffMember,
    Training,
)
from lantoa.plans.tests.factories import make_activity, make_issued_plan, make_plan


@pytest.fixture
def leader(personas: Personas) -> User:
    return make_user(username="lanh-dao", role=Role.LEADER, organization=personas.hanoi)


def test_anonymous_visitor_is_sent_to_login(client: Client, db: None) -> None:
    response = client.get(reverse("plans:plan_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_navigation_points_at_the_plans_list(client: Client, personas: Personas) -> None:
    client.force_login(personas.lan)

    page = client.get(reverse("dashboard")).content.decode()

    assert f'href="{reverse("plans:plan_list")}"' in page


def test_other_province_sees_neither_the_draft_in_the_list_nor_its_page(
    client: Client, personas: Personas
) -> None:
    draft = make_plan(organization=personas.hanoi, title="Dự thảo riêng của Hà Nội")
    client.force_login(personas.binh)

    assert draft.title not in client.get(reverse("plans:plan_list")).content.decode()
    assert client.get(reverse("plans:plan_detail", args=[draft.pk])).status_code == 404


def test_officer_creates_a_plan_through_the_form(client: Client, personas: Personas) -> None:
    client.force_login(personas.lan)

    response = client.post(
        reverse("plans:plan_create"),
        {"organization": personas.hanoi.pk, "year": 2026, "title": "Kế hoạch 2026 của Hà Nội"},
    )

    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert (plan.organization, plan.created_by, plan.status) == (
        personas.hanoi,
        personas.lan,
        PlanStatus.DRAFT,
    )


def test_officer_cannot_create_a_plan_for_another_province(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.lan)

    response = client.post(
        reverse("plans:plan_create"),
        {"organization": personas.hue.pk, "year": 2026, "title": "Của Huế"},
    )

    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert Plan.objects.count() == 0


def test_analyst_may_not_open_the_create_form(client: Client, personas: Personas) -> None:
    client.force_login(personas.ha)

    assert client.get(reverse("plans:plan_create")).status_code == 403


def test_submit_and_approve_through_the_buttons(
    client: Client, personas: Personas, leader: User
) -> None:
    plan = make_plan(organization=personas.hanoi)
    make_activity(plan=plan)
    client.force_login(personas.lan)
    detail = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "Trình phê duyệt" in detail
    assert "Phê duyệt kế hoạch" not in detail

    client.post(reverse("plans:plan_move", args=[plan.pk, "submit"]))
    client.force_login(leader)
    assert (
        "Phê duyệt kế hoạch"
        in client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    )
    client.post(
        reverse("plans:plan_move", args=[plan.pk, "approve"]),
        {"document_number": "15/KH-UBND", "document_date": "2026-01-22"},
    )

    plan.refresh_from_db()
    assert (plan.status, plan.document_number) == (PlanStatus.APPROVED, "15/KH-UBND")


def test_officer_posting_approve_is_forbidden_and_nothing_changes(
    client: Client, personas: Personas
) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)
    client.force_login(personas.lan)

    response = client.post(
        reverse("plans:plan_move", args=[plan.pk, "approve"]),
        {"document_number": "1", "document_date": "2026-01-02"},
    )

    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_overdue_activity_is_flagged_in_list_and_detail(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.IN_PROGRESS)
    yesterday = timezone.localdate() - timedelta(days=1)
    make_activity(plan=plan, title="Hội nghị đối thoại", starts_on=yesterday, ends_on=yesterday)
    make_activity(plan=plan, title="Đã xong", ends_on=yesterday, status="done")
    client.force_login(personas.lan)

    listing = client.get(reverse("plans:plan_list")).content.decode()
    detail = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()

    assert "1 quá hạn" in listing
    assert detail.count('class="is-overdue"') == 1
    assert 'Hội nghị đối thoại</a> <span class="overdue">Quá hạn</span>' in detail


def test_activity_form_and_budget_and_output(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    client.force_login(personas.lan)

    response = client.post(
        reverse("plans:activity_create", args=[plan.pk]),
        {
            "title": "Phát thanh tiếng dân tộc",
            "stage": "issued",
            "audiences": ["ethnic_minority", "remote"],
            "channels": ["loudspeaker"],
            "starts_on": "2026-04-01",
            "ends_on": "2026-04-30",
        },
    )
    activity = plan.activities.get()
    assert response["Location"] == reverse("plans:activity_detail", args=[activity.pk])
    client.post(
        reverse("plans:activity_budget", args=[activity.pk]),
        {
            "funding_source": "state",
            "quarter": 2,
            "planned": 45_000_000,
            "committed": 0,
            "spent": 0,
        },
    )
    client.post(
        reverse("plans:activity_output", args=[activity.pk]),
        {"url": "https://bao-thu.lantoa.invalid/phat-thanh", "title": "Bản tin"},
    )
    page = client.get(reverse("plans:activity_detail", args=[activity.pk])).content.decode()

    assert activity.audiences == ["ethnic_minority", "remote"]
    assert list(BudgetLine.objects.values_list("planned", flat=True)) == [45_000_000]
    assert ActivityOutput.objects.get().url == "https://bao-thu.lantoa.invalid/phat-thanh"
    assert "Đồng bào dân tộc thiểu số, Vùng sâu, vùng xa, biên giới, hải đảo" in page
    assert "45.000.000 đ" in page


def test_impact_counts_linked_items_by_url_and_reach(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    activity = make_activity(plan=plan, starts_on=date(2026, 11, 10), ends_on=date(2026, 11, 30))
    source = make_source(owner=personas.hanoi)
    item = make_item(source=source, raw={"engagement": {"likes": 40, "shares": 2}})
    ActivityOutput.objects.create(activity=activity, url=item.canonical_url)
    client.force_login(personas.lan)

    response = client.get(reverse("plans:activity_detail", args=[activity.pk]))

    during = dict(response.context["impact_points"])["Trong"]
    assert (during.items, during.reach) == (1, 42)
    assert response.context["impact_chart"] is not None
    assert reverse("plans:plotly_js") in response.content.decode()


def test_plotly_is_served_from_the_wheel(client: Client, personas: Personas) -> None:
    response = client.get(reverse("plans:plotly_js"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"plotly" in response.content[:2000].lower()


def test_board_shows_counts_and_drills_down(client: Client, personas: Personas) -> None:
    make_issued_plan(organization=personas.hanoi_department, approved_on=date(2026, 2, 10))
    make_organization(name="Phường Ba Đình", type=OrganizationType.COMMUNE, parent=personas.hanoi)
    client.force_login(personas.lan)

    response = client.get(reverse("plans:board"), {"year": 2026})
    page = response.content.decode()

    assert [label for label, _c in response.context["counts"]] == [
        "0/1 xã, phường, đặc khu",
        "1/1 sở, ngành",
    ]
    assert "Quá hạn" in page
    assert f"?parent={personas.hanoi_department.pk}&amp;year=2026" in page


def test_board_of_another_province_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.binh)

    response = client.get(reverse("plans:board"), {"parent": personas.hanoi.pk, "year": 2026})

    assert response.status_code == 404


def test_board_export_downloads_a_readable_workbook(client: Client, personas: Personas) -> None:
    make_issued_plan(organization=personas.hanoi_department, approved_on=date(2026, 1, 10))
    client.force_login(personas.lan)

    response = client.get(
        reverse("plans:board_export", args=["xlsx"]), {"parent": personas.hanoi.pk, "year": 2026}
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-2026-ha-noi.xlsx"'
    assert "Sở Văn hóa và Thể thao Hà Nội" in [c.value for c in sheet["B"]]


def test_budget_page_shows_exact_totals(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, year=2026)
    activity = make_activity(plan=plan)
    BudgetLine.objects.create(
        activity=activity, funding_source="state", quarter=1, planned=1_500_000, spent=2_000_000
    )
    client.force_login(personas.lan)

    page = client.get(reverse("plans:budget"), {"year": 2026}).content.decode()

    assert "1.500.000 đ" in page
    assert "-500.000 đ" in page
    assert "Vượt dự toán" in page


def test_commission_delivery_links_an_item_and_counts(client: Client, personas: Personas) -> None:
    item = make_item(source=make_source(owner=personas.hanoi), title="Bài đặt hàng số 1")
    client.force_login(personas.lan)
    client.post(
        reverse("plans:commission_create"),
        {
            "organization": personas.hanoi.pk,
            "outlet": "Báo Hà Nội Mới",
            "scope": "Tuyên truyền nghị quyết",
            "deliverables": 3,
            "value": 90_000_000,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "status": "signed",
        },
    )
    commission = PressCommission.objects.get()

    client.post(
        reverse("plans:commission_delivery", args=[commission.pk]), {"url": item.canonical_url}
    )
    client.post(
        reverse("plans:commission_delivery", args=[commission.pk]), {"url": item.canonical_url}
    )
    client.post(
        reverse("plans:commission_accept", args=[commission.pk]),
        {"number": "07/BB-NT", "on": "2026-12-31"},
    )
    page = client.get(reverse("plans:commission_detail", args=[commission.pk])).content.decode()

    delivery = commission.deliveries.get()
    assert (delivery.item, delivery.title) == (item, "Bài đặt hàng số 1")
    assert "1/3 sản phẩm, còn 2" in page
    commission.refresh_from_db()
    assert (commission.status, commission.acceptance_number) == (
        CommissionStatus.ACCEPTED,
        "07/BB-NT",
    )


def test_staff_and_training_capacity(client: Client, personas: Personas) -> None:
    client.force_login(personas.lan)
    for name, employment in (("Nguyễn Thị Mai", "full_time"), ("Trần Văn Hùng", "part_time")):
        client.post(
            reverse("plans:staff_create"),
            {"organization": personas.hanoi.pk, "full_name": name, "employment": employment},
        )
    mai = StaffMember.objects.get(full_name="Nguyễn Thị Mai")
    client.post(
        reverse("plans:training_create"),
        {
            "organization": personas.hanoi.pk,
            "course": "Kỹ năng phát ngôn",
            "held_on": f"{timezone.localdate().year}-03-05",
            "organiser": "Bộ Văn hóa, Thể thao và Du lịch",
            "participants": [mai.pk],
        },
    )

    response = client.get(reverse("plans:staff_list"))

    assert Training.objects.get().participants.get() == mai
    assert list(response.context["capacity"]) == [
        {"organization__name": "Thành phố Hà Nội", "total": 2, "full_time": 1, "trained": 1}
    ]


def test_other_province_cannot_see_commissions_or_staff(client: Client, personas: Personas) -> None:
    StaffMember.objects.create(
        organization=personas.hanoi, full_name="Lê Thu", employment="full_time"
    )
    client.force_login(personas.binh)

    assert "Lê Thu" not in client.get(reverse("plans:staff_list")).content.decode()


def test_plan_title_is_escaped(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, title="<script>alert(1)</script>")
    client.force_login(personas.lan)

    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "name",
    [
        "plans:plan_list",
        "plans:plan_create",
        "plans:board",
        "plans:budget",
        "plans:policy_list",
        "plans:policy_create",
        "plans:commission_list",
        "plans:commission_create",
        "plans:staff_list",
        "plans:staff_create",
        "plans:training_create",
    ],
)
def test_every_page_renders_in_vietnamese_for_an_officer(
    client: Client, personas: Personas, name: str
) -> None:
    client.force_login(personas.lan)

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_edit_forms_are_prefilled(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, title="Kế hoạch cần sửa")
    activity = make_activity(plan=plan, title="Hoạt động cần sửa", channels=["portal"])
    client.force_login(personas.lan)

    plan_form = client.get(reverse("plans:plan_edit", args=[plan.pk])).content.decode()
    activity_form = client.get(reverse("plans:activity_edit", args=[activity.pk])).content.decode()

    assert 'value="Kế hoạch cần sửa"' in plan_form
    assert 'value="Hoạt động cần sửa"' in activity_form
    assert 'value="portal"' in activity_form and "checked" in activity_form


def test_analyst_sees_pages_but_no_write_buttons(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi_department)
    make_activity(plan=plan)
    client.force_login(personas.ha)

    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()

    assert "Trình phê duyệt" not in page
    assert "Thêm hoạt động" not in page
    assert client.get(reverse("plans:policy_create")).status_code == 403


def test_leader_sets_the_deadline_on_the_board(
    client: Client, leader: User, personas: Personas
) -> None:
    client.force_login(leader)

    client.post(
        reverse("plans:board_deadline"),
        {"parent": personas.hanoi.pk, "year": 2026, "deadline": "2026-01-10"},
    )
    bad = client.post(reverse("plans:board_deadline"), {"parent": "x", "year": "y"})
    page = client.get(reverse("plans:board"), {"year": 2026}).content.decode()

    assert bad.status_code == 404
    assert "Hạn ban hành: 10/01/2026" in page
