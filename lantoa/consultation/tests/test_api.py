import pytest
from django.test import Client

from lantoa.accounts.models import ApiToken
from lantoa.consultation import actions
from lantoa.consultation.models import CommentStatus
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _client(user: object) -> Client:
    _, token = ApiToken.issue(user, "test")  # type: ignore[arg-type]
    return Client(headers={"authorization": f"Bearer {token}"})


def test_api_reads_clauses_and_moderates_with_the_pages_permissions(
    personas: Personas, mailoutbox: list[object]
) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    clause = consultation.current_version().clauses.get(key="dieu-1")  # type: ignore[union-attr]
    held = actions.post_comment(make_participant(), clause, "Bọn soạn thảo ngu như bò, đồ khốn nạn")
    assert held.status == CommentStatus.HELD
    base = f"/api/v1/consultations/{consultation.pk}"

    clauses = _client(personas.binh).get(f"{base}/clauses").json()
    assert [c["key"] for c in clauses["items"] if c["kind"] == "dieu"][:2] == ["dieu-1", "dieu-2"]
    # Bình (Huế) sees no held comment of Hà Nội's draft and cannot moderate it
    assert _client(personas.binh).get(f"{base}/comments").json()["count"] == 0
    denied = _client(personas.binh).post(
        f"/api/v1/consultations/comments/{held.pk}/moderation",
        {"publish": True, "reason": "x"},
        content_type="application/json",
    )
    assert denied.status_code == 403
    held.refresh_from_db()
    assert held.status == CommentStatus.HELD
    # Lan sees it and hides it
    lan = _client(personas.lan)
    assert lan.get(f"{base}/comments").json()["count"] == 1
    done = lan.post(
        f"/api/v1/consultations/comments/{held.pk}/moderation",
        {"publish": False, "reason": "Xúc phạm"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["status"] == "hidden"
    assert (
        "/api/v1/consultations/{consultation_id}/clauses"
        in Client().get("/api/v1/openapi.json").json()["paths"]
    )
