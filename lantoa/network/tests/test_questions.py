"""Press questions: registration, deadlines, answers, overdue counts and scoping."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import Role, User
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.network.actions.questions import (
    answer_question,
    deadline_for,
    overdue_counts,
    register_question,
)
from lantoa.network.models import PressQuestion, QuestionStatus
from lantoa.network.queries import visible_questions
from lantoa.network.tests.factories import make_contact

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_deadline_skips_the_weekend() -> None:
    friday = datetime(2026, 3, 6, 9, 0, tzinfo=HCM)
    assert deadline_for(friday) == datetime(2026, 3, 10, 9, 0, tzinfo=HCM)


def test_staff_register_answer_and_overdue_is_counted_per_organisation(
    personas: Personas,
) -> None:
    long_ago = timezone.now() - timedelta(days=10)
    late = register_question(
        personas.lan,
        personas.hanoi,
        subject="Ùn tắc",
        question="Bao giờ xong?",
        asker_name="Phóng viên A",
        received_at=long_ago,
    )
    on_time = register_question(
        personas.lan, personas.hanoi, subject="Học phí", question="?", asker_name="B"
    )
    speaker = make_user(role=Role.SPOKESPERSON, organization=personas.hanoi)
    answer_question(speaker, on_time, answer="Giữ nguyên.", is_public=True)

    assert late.channel == "staff"
    assert overdue_counts(PressQuestion.objects.all()) == {personas.hanoi.pk: 1}
    assert reverse("network:press")
    assert "Giữ nguyên." in Client().get(reverse("network:press")).content.decode()


def test_other_province_cannot_see_or_answer(personas: Personas) -> None:
    question = register_question(
        personas.lan, personas.hanoi, subject="X", question="?", asker_name="A"
    )
    assert visible_questions(personas.binh).count() == 0
    with pytest.raises(PermissionDenied):
        answer_question(personas.binh, question, answer="Không", is_public=True)
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN and question.answer == ""


def test_unregistered_account_cannot_ask(personas: Personas) -> None:
    stranger = User.objects.create_user(username="la", password="x")
    with pytest.raises(PermissionDenied):
        register_question(stranger, personas.hanoi, subject="X", question="?")
    assert PressQuestion.objects.count() == 0


def test_journalist_question_is_theirs_with_default_deadline(personas: Personas) -> None:
    account = User.objects.create_user(username="nhabao", password="x")
    make_contact(owner=personas.hanoi, user=account, full_name="Vũ")
    question = register_question(
        account,
        personas.hanoi,
        subject="X",
        question="?",
        deadline=timezone.now() + timedelta(days=30),
    )
    assert (question.channel, question.asker_name) == ("web", "Vũ")
    assert question.deadline == deadline_for(question.received_at)
    assert list(visible_questions(account)) == [question]
