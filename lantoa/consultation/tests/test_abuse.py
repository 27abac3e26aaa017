"""Abuse: one vote per person, comment flooding throttled, permission refusals change nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from lantoa.consultation import actions
from lantoa.consultation.models import Comment, Statement, StatementVote
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_one_person_cannot_vote_twice_on_a_statement(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    statement = actions.add_staff_statement(personas.lan, consultation, "Nên giảm vốn điều lệ.")
    citizen = make_participant()
    actions.vote_statement(citizen, statement, StatementVote.AGREE)
    with pytest.raises(actions.AlreadyVotedError):
        actions.vote_statement(citizen, statement, StatementVote.DISAGREE)
    assert list(StatementVote.objects.values_list("value", flat=True)) == [1]


def test_a_second_vote_through_the_page_is_refused(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    statement = actions.add_staff_statement(personas.lan, consultation, "Nên giảm vốn điều lệ.")
    citizen = make_participant()
    client = Client()
    session = client.session
    session["consultation_participant"] = citizen.pk
    session.save()
    url = reverse("consultation:statements", args=[consultation.pk])
    client.post(url, {"statement": statement.pk, "value": "1"})
    client.post(url, {"statement": statement.pk, "value": "-1"})
    assert list(StatementVote.objects.values_list("value", flat=True)) == [1]


def test_comment_flooding_is_throttled(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    clause = consultation.current_version().clauses.get(key="dieu-1")  # type: ignore[union-attr]
    citizen = make_participant()
    for n in range(actions.COMMENT_LIMIT):
        actions.post_comment(citizen, clause, f"Góp ý số {n} về phạm vi điều chỉnh.")
    with pytest.raises(actions.ThrottledError):
        actions.post_comment(citizen, clause, "Thêm một góp ý nữa.")
    assert Comment.objects.count() == actions.COMMENT_LIMIT


def test_unverified_people_cannot_comment_and_nothing_is_stored(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    clause = consultation.current_version().clauses.get(key="dieu-1")  # type: ignore[union-attr]
    unverified = make_participant()
    unverified.verified_at = None
    unverified.save()
    with pytest.raises(PermissionDenied):
        actions.post_comment(unverified, clause, "Góp ý.")
    response = Client().post(
        reverse("consultation:comment", args=[consultation.pk, clause.pk]), {"body": "Góp ý."}
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_another_province_cannot_add_a_version_or_statement(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    with pytest.raises(PermissionDenied):
        actions.add_staff_statement(personas.binh, consultation, "Ý kiến.")
    with pytest.raises(PermissionDenied):
        actions.add_version(personas.binh, consultation, (), text="")
    with pytest.raises(PermissionDenied):
        actions.add_version(personas.ha, consultation, (), text="")  # analysts only read
    assert Statement.objects.count() == 0
    assert consultation.versions.count() == 1


def test_spam_is_held_for_a_moderator(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    clause = consultation.current_version().clauses.get(key="dieu-1")  # type: ignore[union-attr]
    posted = actions.post_comment(
        make_participant(), clause, "Mua ngay http://a.vn http://b.vn http://c.vn giá rẻ"
    )
    assert posted.status == "held" and posted.screening_reason == "spam: nhiều liên kết"
