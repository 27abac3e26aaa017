"""Surveys over the API: the owner's staff build and read results, a verified token holder answers
once, another province's officer changes nothing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from lantoa.accounts.models import ApiToken
from lantoa.consultation.models import Survey, SurveyQuestion, SurveyResponse
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.django_db, pytest.mark.db]
BASE = "/api/v1/consultations/surveys"


def _client(user: object) -> Client:
    _, token = ApiToken.issue(user, "test")  # type: ignore[arg-type]
    return Client(headers={"authorization": f"Bearer {token}"})


def _post(client: Client, url: str, payload: dict[str, object]) -> object:
    return client.post(url, payload, content_type="application/json")


def test_survey_api_with_the_pages_permissions(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    lan, binh = _client(personas.lan), _client(personas.binh)
    now = timezone.now()
    survey_in = {
        "consultation_id": consultation.pk,
        "title": "Khảo sát người dùng",
        "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=7)).isoformat(),
    }
    # Bình cannot create a survey on Hà Nội's consultation
    assert _post(binh, f"{BASE}/", survey_in).status_code == 403  # type: ignore[attr-defined]
    assert Survey.objects.count() == 0
    created = _post(lan, f"{BASE}/", survey_in)
    assert created.status_code == 201  # type: ignore[attr-defined]
    sid = created.json()["id"]  # type: ignore[attr-defined]
    uses = _post(
        lan,
        f"{BASE}/{sid}/questions",
        {"kind": "single", "text": "Bạn có dùng?", "options": ["Có", "Không"], "required": True},
    ).json()["id"]  # type: ignore[attr-defined]
    why = _post(
        lan,
        f"{BASE}/{sid}/questions",
        {
            "kind": "text",
            "text": "Vì sao?",
            "required": True,
            "show_if_question_id": uses,
            "show_if_value": "Không",
        },
    )
    assert why.status_code == 201  # type: ignore[attr-defined]
    bad = _post(binh, f"{BASE}/{sid}/questions", {"kind": "text", "text": "Chen vào"})
    assert bad.status_code == 403 and SurveyQuestion.objects.count() == 2  # type: ignore[attr-defined]
    # anyone with a token reads the public survey with its questions
    detail = binh.get(f"{BASE}/{sid}").json()
    assert [q["text"] for q in detail["questions"]] == ["Bạn có dùng?", "Vì sao?"]

    # Bình answers once as the verified participant with his address; a second answer is 409
    personas.binh.email = "binh@example.vn"
    personas.binh.save(update_fields=["email"])
    url = f"{BASE}/{sid}/responses"
    assert _post(binh, url, {"answers": {str(uses): "Có"}}).status_code == 403  # type: ignore[attr-defined]
    make_participant(email="binh@example.vn", name="Bình")
    assert _post(binh, url, {"answers": {str(uses): "Không"}}).status_code == 422  # type: ignore[attr-defined]
    assert _post(binh, url, {"answers": {str(uses): "Có"}}).status_code == 201  # type: ignore[attr-defined]
    assert _post(binh, url, {"answers": {str(uses): "Có"}}).status_code == 409  # type: ignore[attr-defined]
    assert SurveyResponse.objects.count() == 1

    # results: the owner's staff only
    assert binh.get(f"{BASE}/{sid}/results").status_code == 404
    found = lan.get(f"{BASE}/{sid}/results").json()
    assert found[0]["counts"] == [["Có", 1], ["Không", 0]] and found[1]["answered"] == 0
