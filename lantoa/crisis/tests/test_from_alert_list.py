"""From the alert list, an officer turns an alert into an incident in one click."""

from django.test import Client
from django.urls import reverse

from lantoa.core.testing.personas import Personas
from lantoa.crisis.models import Incident
from lantoa.monitoring.models import Alert, AlertKind


def test_officer_opens_an_incident_from_the_alert_list(client: Client, personas: Personas) -> None:
    alert = Alert.objects.create(
        owner=personas.hanoi,
        kind=AlertKind.VOLUME_SPIKE,
        event_key="thu-nghiem-1",
        title="Tin tiêu cực về thủ tục cấp xã tăng đột biến",
    )
    client.force_login(personas.lan)

    page = client.get(reverse("monitoring:alert_list")).content.decode()
    response = client.post(
        reverse("crisis:incident_open"), {"alert": alert.pk, "severity": "medium"}
    )

    assert "Mở sự cố" in page
    incident = Incident.objects.get()
    assert incident.title == alert.title
    assert response["Location"] == reverse("crisis:incident", args=[incident.pk])


def test_officer_cannot_open_an_incident_from_another_provinces_alert(
    client: Client, personas: Personas
) -> None:
    alert = Alert.objects.create(
        owner=personas.hue, kind=AlertKind.VOLUME_SPIKE, event_key="hue-1", title="Cảnh báo của Huế"
    )
    client.force_login(personas.lan)

    response = client.post(
        reverse("crisis:incident_open"), {"alert": alert.pk, "severity": "medium"}
    )

    assert response.status_code == 404
    assert not Incident.objects.exists()
