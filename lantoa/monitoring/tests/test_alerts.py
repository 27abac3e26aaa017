"""Alert delivery retries, cooldown, the claim-match hook and acknowledge/assign/close."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_httpserver import HTTPServer

from lantoa.core.testing.personas import Personas
from lantoa.monitoring.actions import AlertRuleSpec, create_alert_rule
from lantoa.monitoring.alerts import Event, deliver_alert, fire, raise_claim_match_alert
from lantoa.monitoring.models import Alert, AlertDelivery, AlertKind, AlertStatus
from lantoa.monitoring.tests.factories import make_topic

pytestmark = pytest.mark.django_db


def test_webhook_is_retried_with_backoff_until_it_succeeds(
    personas: Personas, httpserver: HTTPServer, settings: object
) -> None:
    settings.MONITORING_DELIVERY_BACKOFF_SECONDS = 0  # type: ignore[attr-defined]
    httpserver.expect_ordered_request("/hook").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    topic = make_topic(owner=personas.hanoi, query="học phí")
    rule = create_alert_rule(
        personas.lan,
        topic,
        AlertRuleSpec(
            kind=AlertKind.VOLUME_SPIKE, webhook_url=httpserver.url_for("/hook"), webhook_secret="s"
        ),
    )
    alert = fire(rule, Event(key="k1", title="Tăng đột biến", detail=""))
    assert alert is not None

    deliver_alert(alert.pk)
    deliver_alert(alert.pk)  # a retried task sends nothing twice

    delivery = AlertDelivery.objects.get()
    assert (delivery.attempts, delivery.delivered_at is not None) == (2, True)
    assert len(httpserver.log) == 2


def test_a_rule_in_cooldown_and_a_repeated_event_raise_nothing(personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí")
    rule = create_alert_rule(
        personas.lan, topic, AlertRuleSpec(kind=AlertKind.VOLUME_SPIKE, cooldown_minutes=60)
    )

    assert fire(rule, Event(key="day-1", title="A", detail="")) is not None
    assert fire(rule, Event(key="day-1", title="A", detail="")) is None
    assert fire(rule, Event(key="day-2", title="B", detail="")) is None  # cooling down
    rule.refresh_from_db()
    rule.last_fired_at = timezone.now() - timedelta(minutes=61)
    rule.save()
    assert fire(rule, Event(key="day-2", title="B", detail="")) is not None
    assert Alert.objects.count() == 2


def test_claim_match_hook_records_one_alert_per_claim_and_item(personas: Personas) -> None:
    first = raise_claim_match_alert(
        owner=personas.hanoi, claim_key="12:345", title="Tin sai lặp lại"
    )
    again = raise_claim_match_alert(
        owner=personas.hanoi, claim_key="12:345", title="Tin sai lặp lại"
    )

    assert first is not None and again is None
    assert Alert.objects.get().kind == AlertKind.CLAIM_MATCH


def test_lan_acknowledges_assigns_and_closes_binh_cannot(personas: Personas) -> None:
    alert = raise_claim_match_alert(owner=personas.hanoi, claim_key="1", title="Cảnh báo")
    assert alert is not None
    lan, binh = Client(), Client()
    lan.force_login(personas.lan)
    binh.force_login(personas.binh)
    url = reverse("monitoring:alert_action", args=[alert.pk])

    assert binh.post(url, {"action": "close"}).status_code == 404
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN

    lan.post(url, {"action": "acknowledge"})
    alert.refresh_from_db()
    assert (alert.status, alert.assignee) == (AlertStatus.ACKNOWLEDGED, personas.lan)
    assert lan.post(url, {"action": "assign", "assignee": personas.binh.pk}).status_code == 403
    lan.post(url, {"action": "close"})
    alert.refresh_from_db()
    assert alert.status == AlertStatus.CLOSED
    listing = lan.get(reverse("monitoring:alert_list"), {"status": "closed"})
    assert "Cảnh báo" in listing.content.decode()
