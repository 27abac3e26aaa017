"""Incident pages: open from an alert, act, close, export; text escaped; other provinces 404."""

import pytest
from django.test import Client
from django.urls import reverse

from lantoa.core.testing.personas import Personas
from lantoa.crisis.models import EntryKind, Incident, IncidentStatus
from lantoa.monitoring.alerts import raise_claim_match_alert

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"


def test_open_from_alert_act_close_and_export(personas: Personas) -> None:
    alert = raise_claim_match_alert(owner=personas.hanoi, claim_key="9:9", title=f"Cảnh báo {XSS}")
    assert alert is not None
    lan = Client()
    lan.force_login(personas.lan)
    assert lan.get(reverse("crisis:incident_list") + f"?alert={alert.pk}").status_code == 200
    response = lan.post(reverse("crisis:incident_open"), {"alert": alert.pk, "severity": "high"})
    incident = Incident.objects.get()
    assert response.status_code == 302 and incident.from_alert == alert
    url = reverse("crisis:incident", args=[incident.pk])
    lan.post(url, {"action": "member", "user": personas.lan.pk, "role": "lead"})
    lan.post(url, {"action": "task", "title": f"Việc {XSS}", "user": personas.lan.pk})
    lan.post(url, {"action": "statement", "title": "Thông cáo", "body": "Nội dung"})
    page = lan.get(url).content.decode()
    assert XSS not in page and "&lt;script&gt;" in page
    assert lan.get(reverse("crisis:after_action", args=[incident.pk, "docx"])).status_code == 404
    lan.post(url, {"action": "close", "what_happened": "Diễn biến", "what_worked": "Nhanh"})
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.CLOSED
    assert list(incident.timeline.values_list("kind", flat=True)) == [
        EntryKind.OPENED,
        EntryKind.ALERT,
        EntryKind.MEMBER,
        EntryKind.TASK,
        EntryKind.RELEASE,
        EntryKind.CLOSED,
    ]
    export = lan.get(reverse("crisis:after_action", args=[incident.pk, "docx"]))
    assert export.status_code == 200 and export.content.startswith(b"PK")
    pdf = lan.get(reverse("crisis:after_action", args=[incident.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    xlsx = lan.get(reverse("crisis:after_action", args=[incident.pk, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    assert lan.get(reverse("crisis:after_action", args=[incident.pk, "exe"])).status_code == 400

    binh = Client()
    binh.force_login(personas.binh)
    assert binh.get(url).status_code == 404
    assert binh.post(url, {"action": "decision", "text": "x"}).status_code == 404
    assert incident.timeline.count() == 6
