"""The issue's acceptance test, end to end through the page, the ingestion hook and the alerts.

Create a topic through the UI, ingest matching items, see counts on the dashboard, inject a
burst of negative items, receive exactly one e-mail at the local SMTP server and one signed
webhook — and nothing more when the evaluation runs again.
"""

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_httpserver import HTTPServer

from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.monitoring.actions import AlertRuleSpec, create_alert_rule
from lantoa.monitoring.models import Alert, AlertDelivery, AlertKind, Topic
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tasks import evaluate_alert_rules
from lantoa.monitoring.tests.factories import make_analysed_item

pytestmark = pytest.mark.django_db

SECRET = "bi-mat-webhook-thu-nghiem"


def ingest(source: object, *, days_ago: int, sentiment: str, n: int) -> list[int]:
    when = timezone.now() - timedelta(days=days_ago, minutes=30)
    return [
        make_analysed_item(
            source=source,  # type: ignore[arg-type]
            title=f"Chuyển đổi số cấp xã: ý kiến {days_ago}-{k}",
            text="Người dân nói về chuyển đổi số ở xã.",
            sentiment=sentiment,
            analysis={"provinces": ["Thanh Hóa"]},
            published_at=when,
        ).pk
        for k in range(n)
    ]


def test_topic_to_dashboard_to_one_email_and_one_signed_webhook(
    personas: Personas,
    smtp_server: LocalSmtp,
    httpserver: HTTPServer,
    settings: object,
    django_capture_on_commit_callbacks: object,
) -> None:
    settings.MONITORING_DELIVERY_BACKOFF_SECONDS = 0  # type: ignore[attr-defined]
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    lan = Client()
    lan.force_login(personas.lan)

    # Given Lan creates a topic through the page, and adds a negative-spike rule
    lan.post(
        reverse("monitoring:topic_create"),
        {"name": "Chuyển đổi số cấp xã", "query": '"chuyển đổi số" AND xã', "active": "on"},
    )
    topic = Topic.objects.get()
    create_alert_rule(
        personas.lan,
        topic,
        AlertRuleSpec(
            kind=AlertKind.NEGATIVE_SPIKE,
            emails="canhbao@hanoi.lantoa.invalid",
            webhook_url=httpserver.url_for("/hook"),
            webhook_secret=SECRET,
        ),
    )

    # When 45 quiet days of matching items are ingested (4 a day, at most 1 negative)
    source = make_source(owner=personas.hanoi, name="Báo Thanh Hóa thử nghiệm")
    ids = []
    for day in range(45, 0, -1):
        ids += ingest(source, days_ago=day, sentiment="neutral", n=3)
        ids += ingest(
            source, days_ago=day, sentiment="negative" if day % 3 == 0 else "positive", n=1
        )
    process_new_items(ids)

    # Then the dashboard shows the counts, and the evaluation raises nothing
    dashboard = lan.get(reverse("monitoring:topic_dashboard", args=[topic.pk]))
    assert dashboard.context["chart"]["volume"][-2] == 4
    assert sum(dashboard.context["chart"]["volume"]) == 4 * 45
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert evaluate_alert_rules() == 0

    # When a burst of 25 negative items arrives today
    burst = ingest(source, days_ago=0, sentiment="negative", n=25)
    process_new_items(burst)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        first = evaluate_alert_rules()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        second = evaluate_alert_rules()

    # Then exactly one alert, one e-mail and one signed webhook
    assert (first, second) == (1, 0)
    alert = Alert.objects.get()
    assert alert.kind == AlertKind.NEGATIVE_SPIKE and alert.owner == personas.hanoi
    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message.rcpt_tos == ("canhbao@hanoi.lantoa.invalid",)
    assert "Chuyển đổi số cấp xã" in message.subject
    assert len(httpserver.log) == 1
    request, _ = httpserver.log[0]
    body = request.get_data()
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert request.headers["X-Lantoa-Signature"] == expected
    assert json.loads(body)["id"] == alert.pk
    assert AlertDelivery.objects.filter(delivered_at__isnull=False).count() == 2
    assert dashboard.status_code == 200
