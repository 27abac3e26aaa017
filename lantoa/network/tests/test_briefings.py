"""Briefings: scheduling with materials, invitations through the real SMTP server (once per
recipient), attendance, questions asked there, scoping on pages and API."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.actions.briefings import invite_lists, send_invitations
from lantoa.network.actions.directory import create_list
from lantoa.network.actions.questions import register_question
from lantoa.network.models import Briefing, Invitation, ListKind
from lantoa.network.tests.factories import make_contact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def _as(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _api(user: User) -> Client:
    _, token = ApiToken.issue(user, "thử nghiệm")
    return Client(headers={"Authorization": f"Bearer {token}"})


def _schedule(client: Client, **extra: object) -> Any:
    data = {
        "title": "Họp báo quý I",
        "starts_at": "2026-04-02T15:00",
        "location": "Hội trường A",
        "files": SimpleUploadedFile("so-lieu.pdf", b"%PDF-1.4 so lieu"),
        **extra,
    }
    return client.post(reverse("network:briefings"), data)


def test_schedule_invite_send_once_attendance_and_questions(
    personas: Personas, smtp_server: LocalSmtp, django_capture_on_commit_callbacks: Any
) -> None:
    for n in range(3):
        make_contact(owner=personas.hanoi, beats=["y-te"], email=f"pv{n}@bao.invalid")
    make_contact(owner=personas.hanoi, beats=["y-te"], consent=False, email="khong@bao.invalid")
    health = create_list(
        personas.lan,
        personas.hanoi,
        name="Y tế",
        kind=ListKind.DYNAMIC,
        criteria={"beats": ["y-te"]},
    )
    lan = _as(personas.lan)

    response = _schedule(lan)
    briefing = Briefing.objects.get()
    url = reverse("network:briefing", args=[briefing.pk])
    assert response.status_code == 302 and response["Location"] == url
    assert list(briefing.files.values_list("name", flat=True)) == ["so-lieu.pdf"]

    with django_capture_on_commit_callbacks(execute=True):
        lan.post(url, {"action": "invite", "lists": [health.pk]})
        lan.post(url, {"action": "invite", "lists": [health.pk]})  # again: nobody mailed twice
    assert send_invitations(briefing.pk) == 0

    assert sorted(smtp_server.recipients()) == [
        "pv0@bao.invalid",
        "pv1@bao.invalid",
        "pv2@bao.invalid",
    ]
    message = smtp_server.messages[0]
    assert message.subject == "[Giấy mời họp báo] Họp báo quý I"
    assert "Hội trường A" in message.body_text() and "15:00 02/04/2026" in message.body_text()
    assert set(Invitation.objects.values_list("status", flat=True)) == {"sent"}

    came = Invitation.objects.order_by("id").first()
    assert came is not None
    lan.post(url, {"action": "attendance", "present": [came.contact_id]})
    assert list(briefing.attendees.values_list("pk", flat=True)) == [came.contact_id]

    lan.post(
        reverse("network:question_new"),
        {
            "owner": personas.hanoi.pk,
            "asker_name": "PV Hùng",
            "subject": "Số ca bệnh",
            "question": "Bao nhiêu ca?",
            "briefing": briefing.pk,
        },
    )
    page = lan.get(url).content.decode()
    assert "Số ca bệnh" in page and "Đã gửi 3/3 giấy mời." in page


def test_other_province_cannot_see_or_invite(personas: Personas, smtp_server: LocalSmtp) -> None:
    _schedule(_as(personas.lan))
    briefing = Briefing.objects.get()
    make_contact(owner=personas.hue, email="hue@bao.invalid")
    hue_list = create_list(personas.binh, personas.hue, name="Huế", kind=ListKind.DYNAMIC)
    binh = _as(personas.binh)
    url = reverse("network:briefing", args=[briefing.pk])

    assert binh.get(url).status_code == 404
    assert binh.post(url, {"action": "invite", "lists": [hue_list.pk]}).status_code == 404
    assert "Họp báo quý I" not in binh.get(reverse("network:briefings")).content.decode()
    with pytest.raises(Exception, match="không có quyền"):
        invite_lists(personas.binh, briefing, [hue_list])
    assert Invitation.objects.count() == 0 and smtp_server.recipients() == []


def test_a_briefing_question_must_belong_to_the_organiser(personas: Personas) -> None:
    _schedule(_as(personas.lan))
    briefing = Briefing.objects.get()
    with pytest.raises(ValueError, match="không thuộc"):
        register_question(
            personas.minh,
            personas.hue,
            subject="X",
            question="?",
            asker_name="A",
            briefing=briefing,
        )


def test_api_briefings_follow_page_permissions(
    personas: Personas, smtp_server: LocalSmtp, django_capture_on_commit_callbacks: Any
) -> None:
    make_contact(owner=personas.hanoi, email="pv@bao.invalid")
    every = create_list(personas.lan, personas.hanoi, name="Tất cả", kind=ListKind.DYNAMIC)
    lan, binh = _api(personas.lan), _api(personas.binh)

    created = lan.post(
        "/api/v1/network/briefings",
        {"title": "Họp báo API", "starts_at": "2026-04-02T15:00:00+07:00", "location": "Phòng 2"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        acted = lan.post(
            f"/api/v1/network/briefings/{pk}/actions",
            {"action": "invite", "list_ids": [every.pk]},
            content_type="application/json",
        )
    assert acted.status_code == 200
    assert acted.json()["invitations"] == {"pending": 1}
    assert lan.get(f"/api/v1/network/briefings/{pk}").json()["invitations"] == {"sent": 1}
    assert smtp_server.recipients() == ["pv@bao.invalid"]

    assert binh.get(f"/api/v1/network/briefings/{pk}").status_code == 404
    assert binh.get("/api/v1/network/briefings").json()["items"] == []
    denied = binh.post(
        "/api/v1/network/briefings",
        {"owner_id": personas.hanoi.pk, "title": "X", "starts_at": "2026-04-02T15:00:00+07:00"},
        content_type="application/json",
    )
    assert denied.status_code == 403 and Briefing.objects.count() == 1
