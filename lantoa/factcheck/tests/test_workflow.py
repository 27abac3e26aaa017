"""Verification workflow: statuses, assignment, notes, evidence, due time, audit log, scoping."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.core.testing.personas import Personas
from lantoa.factcheck import actions
from lantoa.factcheck.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    EventKind,
    MatchSettings,
    Tip,
    TipChannel,
)
from lantoa.factcheck.queries import visible_claims
from lantoa.factcheck.tests.factories import make_claim
from lantoa.monitoring.alerts import raise_claim_match_alert

pytestmark = pytest.mark.django_db


def test_every_change_is_in_the_audit_log_in_order(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    due = datetime(2026, 12, 1, 17, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    actions.start_verification(personas.lan, claim)
    actions.assign_claim(personas.lan, claim, personas.lan)
    actions.set_due(personas.lan, claim, due)
    actions.add_note(personas.lan, claim, "Đã liên hệ Sở Tài chính.")
    actions.add_evidence(personas.lan, claim, "https://chinhphu.vn/van-ban")
    actions.issue_verdict(personas.lan, claim, "misleading", "Mức phí bị nói sai.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.VERDICT
    assert claim.assignee == personas.lan and claim.due_at == due
    assert claim.evidence_links == ["https://chinhphu.vn/van-ban"]
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds == [
        EventKind.CREATED,
        EventKind.STATUS,
        EventKind.ASSIGNED,
        EventKind.DUE,
        EventKind.NOTE,
        EventKind.EVIDENCE,
        EventKind.VERDICT,
    ]


def test_another_province_can_neither_see_nor_judge_a_claim(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    assert list(visible_claims(personas.binh)) == []
    with pytest.raises(PermissionDenied):
        actions.issue_verdict(personas.binh, claim, "false", "Không đúng.")
    claim.refresh_from_db()
    assert (claim.status, claim.verdict, claim.published_at) == (ClaimStatus.NEW, "", None)
    assert ClaimEvent.objects.filter(claim=claim).count() == 1


def test_an_analyst_reads_but_cannot_issue_a_verdict(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi_department)
    assert list(visible_claims(personas.ha)) == [claim]
    with pytest.raises(PermissionDenied):
        actions.issue_verdict(personas.ha, claim, "false", "Không đúng.")
    assert ClaimEvent.objects.filter(claim=claim, kind=EventKind.VERDICT).count() == 0


def test_thresholds_are_per_organisation_suggest_then_auto(personas: Personas) -> None:
    # Given Hà Nội's own thresholds: suggest from 0.30, attach from 0.60
    MatchSettings.objects.create(
        owner=personas.hanoi, suggest_threshold=0.30, auto_threshold=0.60, window_days=30
    )
    claim = make_claim(owner=personas.hanoi)
    weak = actions.TipInput(text="Có thông tin phí đổi căn cước sẽ tăng từ tháng 7, cần kiểm tra")
    strong = actions.TipInput(text="Người dân phải nộp phí khi đổi căn cước mới, có đúng không")

    # When staff record both tips
    first = actions.receive_tip(personas.hanoi, weak, channel=TipChannel.STAFF, user=personas.lan)
    second = actions.receive_tip(
        personas.hanoi, strong, channel=TipChannel.STAFF, user=personas.lan
    )

    # Then the weak one (≈0.31) is only suggested, the strong one (≈0.69) attached
    assert (first.claim, first.suggested_claim) == (None, claim)
    assert (second.claim, second.suggested_claim) == (claim, None)

    # And a user of another province may not record a tip for Hà Nội
    with pytest.raises(PermissionDenied):
        actions.receive_tip(personas.hanoi, weak, channel=TipChannel.STAFF, user=personas.binh)
    assert Tip.objects.count() == 2


def test_claims_outside_the_window_are_not_matched(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    Claim.objects.filter(pk=claim.pk).update(updated_at=timezone.now() - timedelta(days=91))
    spec = actions.TipInput(text="Người dân phải nộp phí 500.000 đồng khi đổi căn cước mới")
    tip = actions.receive_tip(personas.hanoi, spec)
    assert (tip.claim, tip.suggested_claim) == (None, None)


def test_a_monitoring_alert_becomes_a_matched_tip(personas: Personas) -> None:
    claim = make_claim(owner=personas.hanoi)
    alert = raise_claim_match_alert(
        owner=personas.hanoi,
        claim_key="x:1",
        title="Bài đăng: người dân phải nộp phí 500.000 đồng khi đổi căn cước mới từ 1/7",
    )
    assert alert is not None
    client = Client()
    client.force_login(personas.lan)
    response = client.post(reverse("factcheck:tip_list"), {"alert": alert.pk})
    tip = Tip.objects.get()
    assert response.status_code == 302
    assert (tip.channel, tip.claim) == (TipChannel.MONITORING, claim)
    other = Client()
    other.force_login(personas.binh)
    assert other.post(reverse("factcheck:tip_list"), {"alert": alert.pk}).status_code == 404
    assert Tip.objects.count() == 1
