"""Plans through /api/v1/: the same permissions and scoping as the pages, in the OpenAPI schema."""

from datetime import date
from typing import Any

from django.test import Client

from lantoa.accounts.models import ApiToken, Role, User
from lantoa.core.testing.factories import make_item, make_source, make_user
from lantoa.core.testing.personas import Personas
from lantoa.plans.models import BudgetLine, Plan, PlanStatus, PressCommission, StaffMember
from lantoa.plans.tests.factories import make_activity, make_issued_plan, make_plan, make_policy


def _auth(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"}


def _post(client: Client, url: str, user: User, body: dict[str, Any]) -> Any:
    return client.post(url, data=body, content_type="application/json", headers=_auth(user))


def test_end_to_end_through_the_api(client: Client, personas: Personas) -> None:
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    policy = make_policy(organization=personas.hanoi)
    created = _post(
        client,
        "/api/v1/plans/",
        personas.lan,
        {
            "organization_id": personas.hanoi.pk,
            "year": 2026,
            "title": "Kế hoạch 2026",
            "policy_ids": [policy.pk],
        },
    )
    plan_id = created.json()["id"]
    activity = _post(
        client,
        f"/api/v1/plans/{plan_id}/activities",
        personas.lan,
        {
            "title": "Đối thoại với doanh nghiệp",
            "stage": "consultation",
            "policy_id": policy.pk,
            "channels": ["conference"],
            "audiences": ["businesses"],
            "starts_on": "2026-02-01",
            "ends_on": "2026-02-10",
        },
    )
    budget = client.put(
        f"/api/v1/plans/activities/{activity.json()['id']}/budget",
        data={"funding_source": "state", "quarter": 1, "planned": 25_000_000},
        content_type="application/json",
        headers=_auth(personas.lan),
    )
    submitted = _post(
        client, f"/api/v1/plans/{plan_id}/transitions", personas.lan, {"move": "submit"}
    )
    approved = _post(
        client,
        f"/api/v1/plans/{plan_id}/transitions",
        leader,
        {"move": "approve", "document_number": "20/KH-UBND", "document_date": "2026-01-25"},
    )
    summary = client.get(f"/api/v1/plans/{plan_id}/budget", headers=_auth(personas.lan)).json()
    board = client.get(
        f"/api/v1/plans/compliance?parent_id={personas.hanoi.pk}&year=2026",
        headers=_auth(personas.lan),
    ).json()

    assert (created.status_code, activity.status_code, budget.status_code) == (201, 201, 200)
    assert created.json()["policy_ids"] == [policy.pk]
    assert submitted.json()["status"] == "submitted"
    assert (approved.status_code, approved.json()["status"]) == (200, "approved")
    assert summary["total"] == {
        "planned": 25_000_000,
        "committed": 0,
        "spent": 0,
        "remaining": 25_000_000,
        "over_budget": False,
    }
    assert board["counts"] == [
        {"organization_type": "department", "issued": 0, "total": 1, "on_time": 0, "late": 0}
    ]


def test_officer_cannot_approve_through_the_api(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)

    response = _post(
        client,
        f"/api/v1/plans/{plan.pk}/transitions",
        personas.lan,
        {"move": "approve", "document_number": "1", "document_date": "2026-01-02"},
    )

    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_invalid_move_is_422_and_changes_nothing(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)

    response = _post(
        client, f"/api/v1/plans/{plan.pk}/transitions", personas.lan, {"move": "close"}
    )

    assert response.status_code == 422
    assert Plan.objects.get().status == PlanStatus.DRAFT


def test_other_province_gets_404_for_drafts_and_sees_issued_plans(
    client: Client, personas: Personas
) -> None:
    draft = make_plan(organization=personas.hanoi)
    issued = make_issued_plan(organization=personas.hanoi, approved_on=date(2026, 1, 5))
    headers = _auth(personas.binh)

    listed = client.get("/api/v1/plans/", headers=headers).json()

    assert [p["id"] for p in listed["items"]] == [issued.pk]
    assert client.get(f"/api/v1/plans/{draft.pk}", headers=headers).status_code == 404
    response = client.patch(
        f"/api/v1/plans/{draft.pk}",
        data={"title": "Huế sửa"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.title != "Huế sửa"


def test_other_province_cannot_create_for_hanoi(client: Client, personas: Personas) -> None:
    response = _post(
        client,
        "/api/v1/plans/",
        personas.binh,
        {"organization_id": personas.hanoi.pk, "year": 2026, "title": "Không được"},
    )

    assert response.status_code == 404
    assert Plan.objects.count() == 0


def test_analyst_reads_but_cannot_write(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi_department)
    activity = make_activity(plan=plan)

    listed = client.get("/api/v1/plans/", headers=_auth(personas.ha)).json()
    response = client.put(
        f"/api/v1/plans/activities/{activity.pk}/budget",
        data={"funding_source": "state", "quarter": 1, "planned": 5},
        content_type="application/json",
        headers=_auth(personas.ha),
    )

    assert listed["count"] == 1
    assert response.status_code == 403
    assert BudgetLine.objects.count() == 0


def test_negative_or_fractional_money_is_refused(client: Client, personas: Personas) -> None:
    activity = make_activity(plan=make_plan(organization=personas.hanoi))

    for amount in (-1, 1.5):
        response = client.put(
            f"/api/v1/plans/activities/{activity.pk}/budget",
            data={"funding_source": "state", "quarter": 1, "planned": amount},
            content_type="application/json",
            headers=_auth(personas.lan),
        )
        assert response.status_code == 422

    assert BudgetLine.objects.count() == 0


def test_overdue_activities_are_flagged(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    late = make_activity(plan=plan, ends_on=date(2020, 1, 1))
    make_activity(plan=plan, ends_on=date(2099, 1, 1))

    body = client.get(
        f"/api/v1/plans/{plan.pk}/activities?overdue=true", headers=_auth(personas.lan)
    ).json()

    assert [(a["id"], a["overdue"]) for a in body["items"]] == [(late.pk, True)]


def test_commissions_deliveries_and_staff(client: Client, personas: Personas) -> None:
    item = make_item(source=make_source(owner=personas.hanoi))
    commission = _post(
        client,
        "/api/v1/plans/commissions/",
        personas.lan,
        {
            "organization_id": personas.hanoi.pk,
            "outlet": "Đài Phát thanh và Truyền hình Hà Nội",
            "scope": "Phóng sự về chuyển đổi số",
            "deliverables": 2,
            "value": 120_000_000,
            "starts_on": "2026-01-01",
            "ends_on": "2026-06-30",
        },
    ).json()
    delivery = _post(
        client,
        f"/api/v1/plans/commissions/{commission['id']}/deliveries",
        personas.lan,
        {"item_id": item.pk},
    )
    staff = _post(
        client,
        "/api/v1/plans/staff/",
        personas.lan,
        {"organization_id": personas.hanoi.pk, "full_name": "Phạm An", "employment": "full_time"},
    )
    training = _post(
        client,
        "/api/v1/plans/trainings/",
        personas.lan,
        {
            "organization_id": personas.hanoi.pk,
            "course": "Truyền thông chính sách",
            "held_on": "2026-05-05",
            "organiser": "Học viện Báo chí và Tuyên truyền",
            "participants": [{"staff_id": staff.json()["id"], "certificate": "CC-01"}],
        },
    )

    assert delivery.status_code == 201
    assert delivery.json()["url"] == item.canonical_url
    got = client.get(f"/api/v1/plans/commissions/{commission['id']}", headers=_auth(personas.lan))
    assert got.json()["delivered"] == 1
    assert training.status_code == 201
    assert training.json()["participant_ids"] == [staff.json()["id"]]
    assert client.get("/api/v1/plans/staff/", headers=_auth(personas.binh)).json()["count"] == 0
    assert (
        client.get(
            f"/api/v1/plans/commissions/{commission['id']}", headers=_auth(personas.binh)
        ).status_code
        == 404
    )
    assert (PressCommission.objects.count(), StaffMember.objects.count()) == (1, 1)


def test_plans_are_documented_in_the_openapi_schema(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/plans/{plan_id}/transitions" in schema["paths"]
    assert "/api/v1/plans/compliance" in schema["paths"]
    post = schema["paths"]["/api/v1/plans/"]["post"]
    assert set(post["responses"]) == {"201", "403", "404", "422"}
