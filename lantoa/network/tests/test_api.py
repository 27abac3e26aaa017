"""/api/v1/network/: the same permissions as the pages."""

from typing import Any

import pytest
from django.test import Client

from lantoa.accounts.models import ApiToken, Role, User
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.models import Contact, Delivery, PressQuestion, Release
from lantoa.network.tests.factories import make_contact, make_release

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    _, token = ApiToken.issue(user, "thử nghiệm")
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_contacts_are_scoped_and_private_ones_of_another_province_are_404(
    personas: Personas,
) -> None:
    own = make_contact(owner=personas.hanoi)
    other = make_contact(owner=personas.hue)
    api = _client(personas.lan)

    listed = api.get("/api/v1/network/contacts").json()
    assert [row["id"] for row in listed["items"]] == [own.pk]
    assert api.get(f"/api/v1/network/contacts/{other.pk}").status_code == 404


def test_officer_creates_a_contact_and_cannot_write_into_another_province(
    personas: Personas,
) -> None:
    api = _client(personas.lan)
    created = api.post(
        "/api/v1/network/contacts",
        {"full_name": "Lê Thu Hà", "beats": ["y-te"], "provinces": ["HN"], "email": "HA@x.vn"},
        content_type="application/json",
    )
    denied = api.post(
        "/api/v1/network/contacts",
        {"full_name": "Kẻ lạ", "owner_id": personas.hue.pk},
        content_type="application/json",
    )
    invalid = api.post(
        "/api/v1/network/contacts",
        {"full_name": "X", "beats": ["khong-co"]},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert (created.json()["beats"], created.json()["email"]) == (["y-te"], "ha@x.vn")
    assert denied.status_code == 403 and invalid.status_code == 422
    assert list(Contact.objects.values_list("full_name", flat=True)) == ["Lê Thu Hà"]


def test_release_flow_through_the_api(
    personas: Personas, smtp_server: LocalSmtp, django_capture_on_commit_callbacks: Any
) -> None:
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    make_contact(owner=personas.hanoi, beats=["y-te"], provinces=["HN"])
    officer, boss = _client(personas.lan), _client(leader)
    listed = officer.post(
        "/api/v1/network/lists",
        {"name": "Y tế", "criteria": {"beats": ["y-te"]}},
        content_type="application/json",
    ).json()
    release = officer.post(
        "/api/v1/network/releases",
        {"title": "Thông cáo", "body": "Nội dung"},
        content_type="application/json",
    ).json()
    url = f"/api/v1/network/releases/{release['id']}/actions"

    def act(client: Client, action: str, **extra: object) -> int:
        payload = {"action": action, **extra}
        return client.post(url, payload, content_type="application/json").status_code

    assert act(officer, "submit") == 200
    assert act(officer, "approve") == 403
    assert act(boss, "approve") == 200
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert act(officer, "distribute", list_ids=[listed["id"]]) == 200
    assert len(queued) == 1

    report = officer.get(f"/api/v1/network/releases/{release['id']}/report").json()
    assert (report["total"], report["by_status"]["sent"]) == (1, 1)
    assert len(smtp_server.messages) == 1
    assert _client(personas.binh).get(url.replace("/actions", "")).status_code == 404


def test_bounce_endpoint_marks_the_delivery(personas: Personas) -> None:
    release = make_release(owner=personas.hanoi)
    contact = make_contact(owner=personas.hanoi)
    delivery = Delivery.objects.create(
        release=release, contact=contact, email=contact.email, status="sent"
    )
    dsn = (
        "Content-Type: multipart/report; report-type=delivery-status; boundary=B\r\n\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
        f"Final-Recipient: rfc822; {contact.email}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nX-Lantoa-Delivery: {delivery.token}\r\n"
        "\r\n--B--\r\n"
    )

    analyst = _client(personas.ha).post(
        "/api/v1/network/bounces", dsn, content_type="message/rfc822"
    )
    response = _client(personas.lan).post(
        "/api/v1/network/bounces", dsn, content_type="message/rfc822"
    )

    assert analyst.status_code == 403
    assert response.json() == {"outcome": "bounced", "deliveries": [delivery.pk]}


def test_journalist_account_sees_only_their_own_questions_and_no_directory(
    personas: Personas,
) -> None:
    account = User.objects.create_user(username="nhabao", password="mat-khau-thu-nghiem")
    make_contact(owner=personas.hanoi, user=account, full_name="Nhà báo Vũ")
    make_contact(owner=personas.hanoi)
    make_release(owner=personas.hanoi)
    api = _client(account)

    mine = api.post(
        "/api/v1/network/questions",
        {"owner_id": personas.hanoi.pk, "subject": "Giá điện", "question": "Khi nào?"},
        content_type="application/json",
    )
    PressQuestion.objects.create(
        owner=personas.hanoi,
        subject="Của người khác",
        question="?",
        asker_name="Khác",
        channel="staff",
        received_at=mine.json()["received_at"],
        deadline=mine.json()["deadline"],
    )

    assert mine.status_code == 201 and mine.json()["asker_name"] == "Nhà báo Vũ"
    assert [q["subject"] for q in api.get("/api/v1/network/questions").json()["items"]] == [
        "Giá điện"
    ]
    assert api.get("/api/v1/network/contacts").json()["count"] == 0
    assert api.get("/api/v1/network/releases").json()["count"] == 0
    assert Release.objects.count() == 1


def test_openapi_documents_the_network_endpoints(personas: Personas) -> None:
    schema = _client(personas.minh).get("/api/v1/openapi.json").json()
    assert {"/api/v1/network/contacts", "/api/v1/network/releases/{release_id}/report"} <= set(
        schema["paths"]
    )
