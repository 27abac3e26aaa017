import pytest
from django.test import Client

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.personas import Personas
from lantoa.crisis.models import Incident
from lantoa.monitoring.alerts import raise_claim_match_alert

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    _, token = ApiToken.issue(user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_incident_through_the_api_with_page_permissions(personas: Personas) -> None:
    alert = raise_claim_match_alert(owner=personas.hanoi, claim_key="5:5", title="Tin sai lan lại")
    assert alert is not None
    lan, binh = _client(personas.lan), _client(personas.binh)
    opened = lan.post(
        "/api/v1/crisis/incidents",
        {"alert_id": alert.pk, "severity": "critical"},
        content_type="application/json",
    )
    assert opened.status_code == 200 and opened.json()["title"] == "Tin sai lan lại"
    pk = opened.json()["id"]
    acted = lan.post(
        f"/api/v1/crisis/incidents/{pk}/actions",
        {"member_id": personas.lan.pk, "role": "lead", "task": "Gọi công an", "decision": "Họp"},
        content_type="application/json",
    )
    assert acted.status_code == 200
    denied = binh.post(
        f"/api/v1/crisis/incidents/{pk}/close",
        {"what_happened": "x", "what_worked": "y"},
        content_type="application/json",
    )
    assert denied.status_code == 404
    assert (
        lan.post(
            f"/api/v1/crisis/incidents/{pk}/close",
            {"what_happened": "", "what_worked": ""},
            content_type="application/json",
        ).status_code
        == 422
    )
    closed = lan.post(
        f"/api/v1/crisis/incidents/{pk}/close",
        {"what_happened": "Tin sai lan rộng", "what_worked": "Phản hồi trong 2 giờ"},
        content_type="application/json",
    )
    assert closed.json()["status"] == "closed"
    kinds = [e["kind"] for e in lan.get(f"/api/v1/crisis/incidents/{pk}/timeline").json()]
    assert kinds == ["opened", "alert", "member", "task", "decision", "closed"]
    assert binh.get("/api/v1/crisis/incidents").json()["count"] == 0
    assert Incident.objects.get().status == "closed"
