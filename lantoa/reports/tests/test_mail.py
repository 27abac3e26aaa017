"""The weekly summary by e-mail: once per subscriber and week, over real SMTP, retried on failure."""

import socket
from datetime import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import User
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.monitoring.weekly import MAX_ATTEMPTS
from lantoa.reports.actions import subscribe_to_summary
from lantoa.reports.mail import send_due_summaries
from lantoa.reports.models import SentSummary, SummarySubscription
from lantoa.reports.tests.factories import WEEK, make_fortnight

pytestmark = pytest.mark.django_db

MONDAY_MORNING = datetime(2025, 2, 17, 7, 30)  # W07's summary is due from 07:00


def _subscribed_lan(personas: Personas) -> User:
    personas.lan.email = "lan@hanoi.lantoa.invalid"
    personas.lan.save()
    subscribe_to_summary(personas.lan)
    return personas.lan


def test_a_subscriber_gets_her_summary_once_per_week_over_smtp(
    personas: Personas, smtp_server: LocalSmtp
) -> None:
    # given Lan subscribed, and a fortnight of Hà Nội's work
    make_fortnight(personas, personas.hanoi)
    _subscribed_lan(personas)
    # when the periodic task runs twice on Monday morning
    monday = timezone.make_aware(MONDAY_MORNING)
    first, second = send_due_summaries(monday), send_due_summaries(monday)
    # then one message reached her, with her summary attached as PDF and XLSX
    assert (first, second) == (1, 0)
    assert smtp_server.recipients() == ["lan@hanoi.lantoa.invalid"]
    message = smtp_server.messages[0]
    assert message.subject == "[Lantoa] Báo cáo tuần 2025-W07: Thành phố Hà Nội"
    assert "Tin bài trong tuần: 4 (tuần trước: 2)." in message.body_text()
    assert "Tỷ lệ tin tiêu cực: 67%." in message.body_text()
    assert "/bao-cao/?week=2025-W07" in message.body_text()
    names = sorted(str(part.get_filename()) for part in message.message.iter_attachments())
    assert names == ["lantoa-bao-cao-tuan-2025-W07.pdf", "lantoa-bao-cao-tuan-2025-W07.xlsx"]
    record = SentSummary.objects.get()
    assert (record.user, record.week_start, record.attempts) == (personas.lan, WEEK, 1)
    assert record.sent_at is not None


def test_a_failed_send_is_recorded_and_retried_a_bounded_number_of_times(
    personas: Personas, settings: Any
) -> None:
    # given Lan subscribed, and an SMTP port where nothing listens
    _subscribed_lan(personas)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    # when the task runs more often than it may retry
    monday = timezone.make_aware(MONDAY_MORNING)
    sent = [send_due_summaries(monday) for _ in range(MAX_ATTEMPTS + 2)]
    # then nothing was sent, every attempt is counted once, and the error is kept
    record = SentSummary.objects.get()
    assert sent == [0] * (MAX_ATTEMPTS + 2)
    assert (record.attempts, record.sent_at) == (MAX_ATTEMPTS, None)
    assert record.error


def test_subscribing_needs_an_address_and_an_agency(personas: Personas) -> None:
    with pytest.raises(ValueError, match="chưa có địa chỉ thư điện tử"):
        subscribe_to_summary(personas.binh)
    journalist = User.objects.create_user(username="nhabao", password="x", email="nb@bao.vn")
    with pytest.raises(PermissionDenied):
        subscribe_to_summary(journalist)
    assert not SummarySubscription.objects.exists()


def test_the_page_subscribes_and_unsubscribes(personas: Personas) -> None:
    personas.lan.email = "lan@hanoi.lantoa.invalid"
    personas.lan.save()
    client = Client()
    client.force_login(personas.lan)
    url = reverse("reports:subscription")
    client.post(url, {"action": "subscribe"})
    page = client.get(reverse("reports:index")).content.decode()
    assert SummarySubscription.objects.filter(user=personas.lan).exists()
    assert "Bạn đang nhận báo cáo này qua thư điện tử mỗi sáng thứ Hai." in page
    client.post(url, {"action": "unsubscribe"})
    assert not SummarySubscription.objects.exists()
