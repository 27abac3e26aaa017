"""Acceptance: tip without login → matched → false verdict → e-mail → public page and RSS →
a later ingested variant is linked to the claim and raises an alert."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lantoa.content.pipeline import process_stored_items
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.factcheck.models import ClaimItem, ClaimItemStatus, ClaimStatus, EventKind, Tip, Verdict
from lantoa.factcheck.tests.factories import make_claim
from lantoa.monitoring.models import Alert, AlertKind

pytestmark = pytest.mark.django_db

TIP_TEXT = (
    "🔥 Nghe nói người dân phải nộp phí 500.000 đồng khi đổi căn cước mới từ ngày 1/7, "
    "có đúng không? #cancuoc"
)


def test_tip_to_verdict_to_email_to_public_pages_to_alert(
    personas: Personas, smtp_server: LocalSmtp, django_capture_on_commit_callbacks: Any
) -> None:
    # Given a claim Hà Nội already records
    claim = make_claim(owner=personas.hanoi)
    citizen = Client()

    # When a citizen submits a tip without logging in
    response = citizen.post(
        reverse("factcheck:tip_form"),
        {
            "owner": personas.hanoi.pk,
            "category": "policy",
            "text": TIP_TEXT,
            "contact_email": "nguoi.dan@example.vn",
            "notify": "on",
            "website": "",
        },
    )

    # Then it is stored and attached to the existing claim automatically
    assert response.status_code == 200
    tip = Tip.objects.get()
    assert tip.claim == claim
    assert tip.channel == "public"
    assert claim.events.filter(kind=EventKind.TIP_LINKED).count() == 1

    # When Lan, a checker of Hà Nội, issues a "false" verdict from the claim page
    officer = Client()
    officer.force_login(personas.lan)
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            reverse("factcheck:claim", args=[claim.pk]),
            {
                "action": "verdict",
                "verdict": "false",
                "explanation": "Lệ phí đổi căn cước do Bộ Tài chính quy định, không có mức này.",
            },
        )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == (ClaimStatus.VERDICT, Verdict.FALSE)

    # Then the tipster receives the e-mail at the local SMTP server, exactly once
    assert smtp_server.recipients() == ["nguoi.dan@example.vn"]
    message = smtp_server.messages[0]
    assert "Sai sự thật" in message.subject
    assert f"/kiem-chung/{claim.slug}/" in message.body_text()

    # And the public verdict page, list and RSS show it
    page = citizen.get(reverse("factcheck:public_verdict", args=[claim.slug]))
    assert page.status_code == 200
    assert "Sai sự thật" in page.content.decode()
    assert claim.statement in citizen.get(reverse("factcheck:public_list")).content.decode()
    feed = citizen.get(reverse("factcheck:feed")).content.decode()
    assert f"/kiem-chung/{claim.slug}/" in feed
    assert "[Sai sự thật]" in feed

    # When a variant of the claim is later ingested
    source = make_source(owner=personas.hanoi)
    item = make_item(
        source=source,
        title="Người dân đổi căn cước mới phải nộp 500.000 đồng từ 1/7",
        text="Tu ngay 1/7 nguoi dan phai nop phi 500.000 dong khi doi can cuoc moi!!! #chiase",
    )
    process_stored_items([item.pk])

    # Then it is linked to the claim and a claim-match alert is raised for Hà Nội
    link = ClaimItem.objects.get(claim=claim, item=item)
    assert link.status == ClaimItemStatus.LINKED
    alert = Alert.objects.get(kind=AlertKind.CLAIM_MATCH)
    assert alert.owner == personas.hanoi
    assert alert.data["claim_id"] == claim.pk and alert.data["item_id"] == item.pk

    # And re-running the pipeline changes nothing
    process_stored_items([item.pk])
    assert ClaimItem.objects.filter(claim=claim).count() == 1
    assert Alert.objects.filter(kind=AlertKind.CLAIM_MATCH).count() == 1

    # And the claim page counts the new item per day; no second e-mail was sent
    detail = officer.get(reverse("factcheck:claim", args=[claim.pk])).content.decode()
    assert "factcheck-per-day" in detail
    assert len(smtp_server.messages) == 1
