"""Releases from draft to the inbox, through a real local SMTP server; deliveries, bounces, clicks."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import Role
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.actions import distribution
from lantoa.network.actions.directory import create_list
from lantoa.network.actions.releases import approve_release, create_release, submit_release
from lantoa.network.models import (
    ContactList,
    Delivery,
    DeliveryStatus,
    ListKind,
    Release,
    ReleaseStatus,
)
from lantoa.network.queries import public_releases
from lantoa.network.tests.factories import make_contact

pytestmark = pytest.mark.django_db


def _dsn(token: str, address: str) -> bytes:
    return (
        "From: MAILER-DAEMON@mx.bao.vn\r\nTo: no-reply@lantoa.local\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nKhong gui duoc.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.bao.vn\r\n\r\n"
        f"Final-Recipient: rfc822; {address}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"X-Lantoa-Delivery: {token}\r\nSubject: x\r\n\r\n--B--\r\n"
    ).encode()


@pytest.fixture
def approved(personas: Personas) -> Release:
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    release = create_release(
        personas.lan, personas.hanoi, title="Hà Nội mở rộng dịch vụ công", body="Nội dung."
    )
    submit_release(personas.lan, release)
    return approve_release(leader, release)


def _health_list(personas: Personas, count: int) -> ContactList:
    for _ in range(count):
        make_contact(owner=personas.hanoi, beats=["y-te"], provinces=["HN"])
    return create_list(
        personas.lan,
        personas.hanoi,
        name="Y tế Hà Nội",
        kind=ListKind.DYNAMIC,
        criteria={"beats": ["y-te"], "provinces": ["HN"]},
    )


def test_two_step_approval_refuses_self_approval_and_officers(personas: Personas) -> None:
    release = create_release(personas.lan, personas.hanoi, title="T", body="B")
    submit_release(personas.lan, release)

    with pytest.raises(PermissionDenied):
        approve_release(personas.lan, release)
    admin_drafted = create_release(personas.minh, personas.hanoi, title="T2", body="B")
    submit_release(personas.minh, admin_drafted)
    with pytest.raises(PermissionDenied, match="tự duyệt"):
        approve_release(personas.minh, admin_drafted)
    assert set(Release.objects.values_list("status", flat=True)) == {ReleaseStatus.SUBMITTED}


def test_distribution_sends_each_recipient_one_message_with_a_unique_link(
    personas: Personas, approved: Release, smtp_server: LocalSmtp
) -> None:
    health = _health_list(personas, 5)

    assert distribution.distribute_release(personas.lan, approved, [health]) == 5
    assert distribution.distribute_release(personas.lan, approved, [health]) == 0
    assert distribution.send_pending(approved.pk) == 5
    assert distribution.send_pending(approved.pk) == 0

    assert sorted(smtp_server.recipients()) == sorted(
        Delivery.objects.values_list("email", flat=True)
    )
    tokens = {m.message["X-Lantoa-Delivery"] for m in smtp_server.messages}
    assert tokens == set(Delivery.objects.values_list("token", flat=True))
    first = smtp_server.messages[0]
    assert first.subject == "[Thông cáo báo chí] Hà Nội mở rộng dịch vụ công"
    assert f"/t/{first.message['X-Lantoa-Delivery']}/" in first.body_text()
    report = distribution.distribution_report(approved)
    assert (report.total, report.by_status["sent"], report.percent) == (5, 5, 100)


def test_a_worker_that_died_mid_batch_leaves_no_duplicates_after_restart(
    personas: Personas, approved: Release, smtp_server: LocalSmtp
) -> None:
    distribution.distribute_release(personas.lan, approved, [_health_list(personas, 30)])
    # Worker A claims 20 rows, sends 8 of them and dies.
    claimed = distribution._claim(approved.pk, timezone.now(), 20)
    from django.core.mail import get_connection

    with get_connection() as connection:
        for delivery in claimed[:8]:
            distribution._message(approved, delivery, connection).send()
            distribution._finish(delivery, None)

    # A restarted worker before the claims expire only takes the 10 unclaimed rows...
    assert distribution.send_pending(approved.pk) == 10
    # ...and after they expire, the 12 claimed-but-unsent ones, never the 8 sent ones.
    later = timezone.now() + timedelta(seconds=distribution.CLAIM_SECONDS + 1)
    assert distribution.send_pending(approved.pk, now=lambda: later) == 12

    recipients = smtp_server.recipients()
    assert len(recipients) == 30 and len(set(recipients)) == 30
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 30


def test_a_message_in_flight_when_the_worker_died_is_not_resent_automatically(
    personas: Personas, approved: Release, smtp_server: LocalSmtp
) -> None:
    distribution.distribute_release(personas.lan, approved, [_health_list(personas, 3)])
    in_flight, *_ = distribution._claim(approved.pk, timezone.now(), 3)
    distribution._start(in_flight)  # the worker dies during this SMTP transaction

    later = timezone.now() + timedelta(seconds=distribution.CLAIM_SECONDS + 1)
    assert distribution.send_pending(approved.pk, now=lambda: later) == 2

    in_flight.refresh_from_db()
    assert (in_flight.status, in_flight.error) == (DeliveryStatus.FAILED, distribution.UNCERTAIN)
    assert in_flight.email not in smtp_server.recipients()
    assert distribution.resend_release(personas.lan, approved) == 1


def test_bounce_click_acknowledgement_and_resend_only_to_those_not_reached(
    personas: Personas, approved: Release, smtp_server: LocalSmtp
) -> None:
    distribution.distribute_release(personas.lan, approved, [_health_list(personas, 4)])
    distribution.send_pending(approved.pk)
    bounced, clicked, *_ = Delivery.objects.order_by("id")

    outcome = distribution.record_bounce(_dsn(bounced.token, bounced.email))
    client = Client()
    response = client.get(reverse("network:track", args=[clicked.token]))
    client.get(reverse("network:track", args=[clicked.token]))
    client.post(reverse("network:acknowledge", args=[clicked.token]))

    assert outcome.outcome == "bounced" and outcome.deliveries == (bounced.pk,)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:public_release", args=[approved.slug])
    clicked.refresh_from_db()
    assert clicked.click_count == 2 and clicked.acknowledged_at is not None
    report = distribution.distribution_report(approved)
    assert (report.by_status["sent"], report.by_status["bounced"]) == (3, 1)
    assert (report.clicked, report.acknowledged) == (1, 1)

    smtp_server.clear()
    bounced.contact.email = "dia-chi-moi@bao.lantoa.invalid"
    bounced.contact.save()
    assert distribution.resend_release(personas.lan, approved) == 1
    distribution.send_pending(approved.pk)
    assert smtp_server.recipients() == ["dia-chi-moi@bao.lantoa.invalid"]


def test_a_delay_notice_is_not_a_bounce(personas: Personas) -> None:
    delayed = _dsn("x", "a@b.vn").replace(b"Action: failed", b"Action: delayed")
    assert distribution.record_bounce(delayed).outcome == "ignored"
    assert distribution.record_bounce(b"Subject: hi\r\n\r\nhello").outcome == "ignored"


def test_officer_of_another_province_cannot_distribute(
    personas: Personas, approved: Release
) -> None:
    health = _health_list(personas, 2)
    with pytest.raises(PermissionDenied):
        distribution.distribute_release(personas.binh, approved, [health])
    assert Delivery.objects.count() == 0


def test_embargoed_release_is_invisible_publicly_until_its_time(
    personas: Personas, approved: Release
) -> None:
    embargo = timezone.now() + timedelta(hours=2)
    Release.objects.filter(pk=approved.pk).update(embargo_until=embargo)
    client = Client()
    url = reverse("network:public_release", args=[approved.slug])

    assert client.get(url).status_code == 404
    assert approved.title not in client.get(reverse("network:press")).content.decode()
    assert approved.title not in client.get(reverse("network:feed")).content.decode()
    assert list(public_releases(embargo + timedelta(seconds=1))) == [approved]
    Release.objects.filter(pk=approved.pk).update(embargo_until=timezone.now())
    assert client.get(url).status_code == 200
    assert approved.title in client.get(reverse("network:feed")).content.decode()
