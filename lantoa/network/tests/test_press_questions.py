"""Press questions beyond the basics: e-mail intake, the staff pages, publishing, the
journalist's public form, deadlines from settings, and scoping."""

import json
from datetime import date, datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import Role, User
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.network.actions.questions import (
    deadline_for,
    publish_question,
    receive_question_mail,
    register_question,
)
from lantoa.network.intake import read_question_mail
from lantoa.network.models import PressQuestion, QuestionStatus
from lantoa.network.tests.factories import make_contact, make_outlet

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _as(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _forwarded(sender: str, *, message_id: str = "<q1@hanoi.gov.vn>") -> bytes:
    return f"""From: Van thu <vanthu@hanoi.gov.vn>
To: baochi@hanoi.gov.vn
Subject: Fwd: Hỏi về học phí năm học mới
Message-ID: {message_id}
Date: Fri, 06 Mar 2026 10:00:00 +0700
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Chuyển câu hỏi của phóng viên.

---------- Forwarded message ---------
From: Trần Thị Bích <{sender}>
Date: Fri, 06 Mar 2026 09:30:00 +0700
Subject: Hỏi về học phí năm học mới
To: vanthu@hanoi.gov.vn

Thành phố có giữ nguyên học phí năm học tới không?
""".encode()


def test_reading_an_inline_forward_finds_the_journalist_not_the_forwarder() -> None:
    mail = read_question_mail(_forwarded("bich@baomoi.invalid"))
    assert (mail.sender_name, mail.sender_email) == ("Trần Thị Bích", "bich@baomoi.invalid")
    assert mail.subject == "Hỏi về học phí năm học mới"
    assert mail.body == "Thành phố có giữ nguyên học phí năm học tới không?"
    assert mail.sent_at == datetime(2026, 3, 6, 9, 30, tzinfo=HCM)


def test_known_sender_is_registered_unknown_is_held_and_reimport_is_a_duplicate(
    personas: Personas,
) -> None:
    outlet = make_outlet("Báo Giáo dục thử nghiệm")
    bich = make_contact(owner=personas.hue, email="bich@baomoi.invalid", outlet=outlet)

    known = receive_question_mail(personas.hanoi, _forwarded("BICH@baomoi.invalid"))
    again = receive_question_mail(personas.hanoi, _forwarded("bich@baomoi.invalid"))
    unknown = receive_question_mail(
        personas.hanoi, _forwarded("la@khac.invalid", message_id="<q2@hanoi.gov.vn>")
    )

    assert (known.outcome, again.outcome, unknown.outcome) == ("registered", "duplicate", "held")
    assert again.question_id == known.question_id
    registered = PressQuestion.objects.get(pk=known.question_id)
    assert (registered.journalist, registered.asker_outlet) == (bich, "Báo Giáo dục thử nghiệm")
    assert registered.channel == "email"
    # The legal clock runs from when the journalist sent it: Friday → Tuesday (2 working days).
    assert registered.deadline == datetime(2026, 3, 10, 9, 30, tzinfo=HCM)
    held = PressQuestion.objects.get(pk=unknown.question_id)
    assert (held.status, held.journalist, held.asker_email) == ("held", None, "la@khac.invalid")
    assert PressQuestion.objects.count() == 2


def test_import_command_reports_counts_and_refuses_unknown_owner(
    personas: Personas, tmp_path: Path
) -> None:
    make_contact(owner=personas.hanoi, email="bich@baomoi.invalid")
    (tmp_path / "a.eml").write_bytes(_forwarded("bich@baomoi.invalid"))
    (tmp_path / "b.eml").write_bytes(_forwarded("la@khac.invalid", message_id="<b@x>"))
    out = StringIO()
    call_command(
        "network_questions_import",
        str(tmp_path / "a.eml"),
        str(tmp_path / "b.eml"),
        owner="ha-noi",
        json=True,
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert {key: result[key] for key in ("registered", "held", "duplicate")} == {
        "registered": 1,
        "held": 1,
        "duplicate": 0,
    }
    with pytest.raises(CommandError, match="Không có cơ quan mã"):
        call_command("network_questions_import", str(tmp_path / "a.eml"), owner="khong-co")
    assert PressQuestion.objects.count() == 2


def test_deadline_follows_the_setting(settings: object) -> None:
    settings.PRESS_QUESTION_RESPONSE_DAYS = 5  # type: ignore[attr-defined]
    friday = datetime(2026, 3, 6, 9, 0, tzinfo=HCM)
    assert deadline_for(friday) == datetime(2026, 3, 13, 9, 0, tzinfo=HCM)


def test_deadline_skips_fixed_holidays_and_the_announced_days_off(settings: object) -> None:
    # given two working days to answer, and Tết 2026 announced as days off (14-22 February)
    settings.PRESS_QUESTION_RESPONSE_DAYS = 2  # type: ignore[attr-defined]
    settings.PUBLIC_DAYS_OFF = frozenset(  # type: ignore[attr-defined]
        date(2026, 2, day) for day in range(14, 23)
    )
    # when a question arrives the day before 30/4 (a Thursday), or the Friday before Tết
    before_reunification = datetime(2026, 4, 29, 9, 0, tzinfo=HCM)
    before_tet = datetime(2026, 2, 13, 9, 0, tzinfo=HCM)
    # then 30/4 and 1/5 do not count, and neither does the announced Tết break
    assert deadline_for(before_reunification) == datetime(2026, 5, 5, 9, 0, tzinfo=HCM)
    assert deadline_for(before_tet) == datetime(2026, 2, 24, 9, 0, tzinfo=HCM)


def test_staff_pages_flag_overdue_and_count_per_organisation(personas: Personas) -> None:
    register_question(
        personas.lan,
        personas.hanoi,
        subject="Ùn tắc cầu Vĩnh Tuy",
        question="Bao giờ xong?",
        asker_name="A",
        received_at=timezone.now() - timedelta(days=10),
    )
    register_question(personas.lan, personas.hanoi, subject="Học phí", question="?", asker_name="B")
    register_question(
        personas.binh, personas.hue, subject="Riêng của Huế", question="?", asker_name="C"
    )
    lan = _as(personas.lan)

    page = lan.get(reverse("network:questions")).content.decode()
    late_only = lan.get(reverse("network:questions") + "?overdue=1").content.decode()

    assert "Ùn tắc cầu Vĩnh Tuy" in page and "Học phí" in page
    assert "Riêng của Huế" not in page
    assert page.count('class="flag-overdue"') == 1
    assert (
        f'<tr data-owner="{personas.hanoi.pk}"><td>Thành phố Hà Nội</td><td>2</td><td>2</td><td class="overdue" data-key="overdue">1</td>'
        in page
    )
    assert "Ùn tắc cầu Vĩnh Tuy" in late_only and "Học phí" not in late_only


def test_other_province_cannot_open_or_act_on_a_question(personas: Personas) -> None:
    question = register_question(
        personas.lan, personas.hanoi, subject="X", question="?", asker_name="A"
    )
    binh = _as(personas.binh)
    url = reverse("network:question", args=[question.pk])
    assert binh.get(url).status_code == 404
    assert (
        binh.post(url, {"action": "answer", "answer": "Không", "is_public": "1"}).status_code == 404
    )
    question.refresh_from_db()
    assert (question.status, question.answer, question.is_public) == ("open", "", False)


def test_staff_register_assign_answer_then_publish_through_pages(personas: Personas) -> None:
    lan = _as(personas.lan)
    response = lan.post(
        reverse("network:question_new"),
        {
            "owner": personas.hanoi.pk,
            "asker_name": "Phóng viên Đỗ",
            "subject": "Lễ hội mùa xuân",
            "question": "Có thu phí không?",
            "channel": "email",
        },
    )
    question = PressQuestion.objects.get()
    assert response.status_code == 302 and question.channel == "email"
    url = reverse("network:question", args=[question.pk])
    lan.post(url, {"action": "assign", "unit": personas.hanoi_department.pk})
    lan.post(url, {"action": "answer", "answer": "Không thu phí vào cổng."})
    question.refresh_from_db()
    assert question.assigned_unit == personas.hanoi_department
    assert (question.status, question.is_public) == ("answered", False)
    public = Client().get(reverse("network:organization", args=["ha-noi"])).content.decode()
    assert "Không thu phí vào cổng." not in public

    lan.post(url, {"action": "publish"})
    question.refresh_from_db()
    assert question.is_public and question.published_at is not None
    public = Client().get(reverse("network:organization", args=["ha-noi"])).content.decode()
    assert "Không thu phí vào cổng." in public and "Lễ hội mùa xuân" in public


def test_held_question_must_be_accepted_before_it_is_answered(personas: Personas) -> None:
    held = PressQuestion.objects.get(
        pk=receive_question_mail(personas.hanoi, _forwarded("la@khac.invalid")).question_id
    )
    lan = _as(personas.lan)
    url = reverse("network:question", args=[held.pk])
    lan.post(url, {"action": "answer", "answer": "Trả lời sớm"})
    held.refresh_from_db()
    assert (held.status, held.answer) == ("held", "")
    lan.post(url, {"action": "accept"})
    held.refresh_from_db()
    assert held.status == QuestionStatus.OPEN


def test_analyst_cannot_publish(personas: Personas) -> None:
    question = register_question(
        personas.lan, personas.hanoi, subject="X", question="?", asker_name="A"
    )
    speaker = make_user(role=Role.SPOKESPERSON, organization=personas.hanoi)
    _as(speaker).post(
        reverse("network:question", args=[question.pk]), {"action": "answer", "answer": "Có."}
    )
    _as(personas.ha).post(reverse("network:question", args=[question.pk]), {"action": "publish"})
    question.refresh_from_db()
    assert (question.status, question.is_public) == ("answered", False)
    with pytest.raises(Exception, match="không có quyền"):
        publish_question(personas.ha, question)


def test_journalist_asks_through_public_form_and_sees_only_their_own(personas: Personas) -> None:
    account = User.objects.create_user(username="nhabao", password="x")
    other = User.objects.create_user(username="nhabao2", password="x")
    make_contact(owner=personas.hanoi, user=account, full_name="Vũ Minh")
    make_contact(owner=personas.hanoi, user=other, full_name="Lê Hoa")
    register_question(other, personas.hanoi, subject="Câu của người khác", question="?")
    journalist = _as(account)

    response = journalist.post(
        reverse("network:ask"),
        {"owner": personas.hanoi.pk, "subject": "Giá điện", "question": "Khi nào điều chỉnh?"},
    )
    page = journalist.get(reverse("network:ask")).content.decode()

    asked = PressQuestion.objects.get(subject="Giá điện")
    assert response.status_code == 302
    assert (asked.asker_name, asked.channel, asked.owner) == ("Vũ Minh", "web", personas.hanoi)
    assert "Giá điện" in page and "Câu của người khác" not in page
    assert journalist.get(reverse("network:questions")).status_code == 403
    assert journalist.get(reverse("network:question", args=[asked.pk])).status_code == 403
    assert journalist.get(reverse("network:briefings")).status_code == 403


def test_staff_and_strangers_cannot_use_the_journalist_form(personas: Personas) -> None:
    stranger = User.objects.create_user(username="la", password="x")
    for client in (_as(stranger), _as(personas.lan)):
        response = client.post(
            reverse("network:ask"), {"owner": personas.hanoi.pk, "subject": "X", "question": "?"}
        )
        assert response.status_code == 403
    assert Client().get(reverse("network:ask")).status_code == 302
    assert PressQuestion.objects.count() == 0
