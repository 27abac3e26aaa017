"""The API gives the same reach and rights as the pages."""

import pytest
from django.test import Client

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.personas import Personas
from lantoa.factcheck.models import Claim, ClaimStatus, Tip
from lantoa.factcheck.tests.factories import make_claim

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    _, token = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_list_and_get_are_scoped(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    lan, binh = _client(personas.lan), _client(personas.binh)
    assert [c["id"] for c in lan.get("/api/v1/factcheck/claims").json()["items"]] == [claim.pk]
    assert binh.get("/api/v1/factcheck/claims").json()["count"] == 0
    assert binh.get(f"/api/v1/factcheck/claims/{claim.pk}").status_code == 404


def test_create_work_and_verdict_through_the_api(personas: Personas) -> None:
    lan = _client(personas.lan)
    created = lan.post(
        "/api/v1/factcheck/claims",
        {"owner_id": personas.hanoi.pk, "statement": "Ăn tỏi sống phòng hoàn toàn sốt xuất huyết"},
        content_type="application/json",
    )
    assert created.status_code == 200
    claim_id = created.json()["id"]
    patched = lan.patch(
        f"/api/v1/factcheck/claims/{claim_id}",
        {"start": True, "note": "Hỏi CDC", "evidence_url": "https://moh.gov.vn/x"},
        content_type="application/json",
    )
    assert patched.json()["status"] == ClaimStatus.IN_PROGRESS
    verdict = lan.post(
        f"/api/v1/factcheck/claims/{claim_id}/verdict",
        {"verdict": "false", "explanation": "Không có bằng chứng khoa học."},
        content_type="application/json",
    )
    assert verdict.status_code == 200 and verdict.json()["verdict"] == "false"
    kinds = [e["kind"] for e in lan.get(f"/api/v1/factcheck/claims/{claim_id}/events").json()]
    assert kinds == ["created", "status", "note", "evidence", "verdict"]


def test_denied_writes_change_nothing(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    binh, ha = _client(personas.binh), _client(personas.ha)
    response = binh.post(
        "/api/v1/factcheck/claims",
        {"owner_id": personas.hanoi.pk, "statement": "Tin đồn"},
        content_type="application/json",
    )
    assert response.status_code == 403
    tip = ha.post(
        "/api/v1/factcheck/tips",
        {"owner_id": personas.hanoi_department.pk, "text": "Một tin báo đủ dài để gửi"},
        content_type="application/json",
    )
    assert tip.status_code == 403
    assert Claim.objects.count() == 1 and Tip.objects.count() == 0
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_api_tip_is_matched(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    response = _client(personas.lan).post(
        "/api/v1/factcheck/tips",
        {"owner_id": personas.hanoi.pk, "text": claim.statement + " #chiase 😱"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["claim_id"] == claim.pk
    assert response.json()["channel"] == "api"
