"""Impact of an activity or plan: items linked to its outputs before, during and after it."""

import io
from datetime import date, datetime

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import Role
from lantoa.core.testing.factories import make_item, make_source, make_user
from lantoa.core.testing.personas import Personas
from lantoa.plans.impact import ImpactPoint, reach_of, summarise
from lantoa.plans.models import ActivityOutput, PlanStatus
from lantoa.plans.queries import linked_items
from lantoa.plans.tests.factories import make_activity, make_budget_line, make_plan


def test_reach_sums_engagement_else_counts_one() -> None:
    assert reach_of({"engagement": {"likes": 10, "shares": 3, "comments": 2}}) == 15
    assert reach_of({"engagement": 7}) == 7
    assert reach_of({"engagement": {}}) == 1
    assert reach_of({"engagement": {"likes": True}}) == 1
    assert reach_of({}) == 1
    assert reach_of(None) == 1


def test_items_fall_before_during_or_after_the_window() -> None:
    points = summarise(
        [
            (date(2026, 2, 28), None),  # 1 day before
            (date(2026, 3, 1), {"engagement": {"likes": 5}}),  # first day
            (date(2026, 3, 31), {"engagement": {"likes": 4}}),  # last day
            (date(2026, 4, 30), None),  # 30 days after: still counted
            (date(2026, 5, 1), None),  # 31 days after: outside
            (None, None),  # no date: not counted
        ],
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 3, 31),
        window_days=30,
    )

    assert points == [
        ImpactPoint("before", 1, 1),
        ImpactPoint("during", 2, 9),
        ImpactPoint("after", 1, 1),
    ]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0))


def test_items_link_by_fk_or_canonical_url_and_respect_scoping(personas: Personas) -> None:
    activity = make_activity(plan=make_plan(organization=personas.hanoi))
    hanoi = make_source(owner=personas.hanoi)
    by_url = make_item(source=hanoi, canonical_url="https://bao.lantoa.invalid/a")
    by_fk = make_item(source=hanoi)
    hue_item = make_item(
        source=make_source(owner=personas.hue), canonical_url="https://hue.lantoa.invalid/b"
    )
    make_item(source=hanoi)  # not linked
    ActivityOutput.objects.create(activity=activity, url="https://bao.lantoa.invalid/a")
    ActivityOutput.objects.create(activity=activity, item=by_fk)
    ActivityOutput.objects.create(activity=activity, url=hue_item.canonical_url)

    assert set(linked_items(personas.lan, activity)) == {by_url, by_fk}
    assert set(linked_items(personas.minh, activity)) == {by_url, by_fk, hue_item}


def test_plan_page_shows_impact_over_all_activities(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi)
    first = make_activity(plan=plan, starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 10))
    second = make_activity(plan=plan, starts_on=date(2026, 4, 1), ends_on=date(2026, 4, 10))
    source = make_source(owner=personas.hanoi)
    early = make_item(source=source, published_at=_at(date(2026, 2, 20)))
    middle = make_item(
        source=source, published_at=_at(date(2026, 3, 20)), raw={"engagement": {"shares": 9}}
    )
    ActivityOutput.objects.create(activity=first, item=early)
    ActivityOutput.objects.create(activity=second, item=middle)
    client.force_login(personas.lan)

    response = client.get(reverse("plans:plan_detail", args=[plan.pk]))

    points = {label: (p.items, p.reach) for label, p in response.context["impact_points"]}
    assert points == {"Trước": (1, 1), "Trong": (1, 9), "Sau": (0, 0)}
    assert 'id="impact-chart"' in response.content.decode()


def test_plan_report_docx_reads_back(client: Client, personas: Personas) -> None:
    plan = make_plan(organization=personas.hanoi, title="Kế hoạch truyền thông về đất đai")
    activity = make_activity(plan=plan, title="Tọa đàm với người dân", ends_on=date(2020, 1, 1))
    make_budget_line(
        activity=activity, funding_source="socialised", planned=12_345_678, spent=13_000_000
    )
    client.force_login(personas.lan)

    response = client.get(reverse("plans:plan_report", args=[plan.pk]))

    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    activities, budget, impact = document.tables
    assert paragraphs[0] == "Kế hoạch truyền thông về đất đai"
    assert paragraphs[1] == "Cơ quan: Thành phố Hà Nội — Năm 2026 — Trạng thái: Dự thảo"
    assert [c.text for c in activities.rows[1].cells] == [
        "Tọa đàm với người dân (Quá hạn)",
        "01/03/2026 – 01/01/2020",
        "Chưa thực hiện",
        "12.345.678 đ",
    ]
    assert [c.text for c in budget.rows[1].cells] == [
        "Nguồn xã hội hóa",
        "12.345.678 đ",
        "0 đ",
        "13.000.000 đ",
    ]
    assert "Cảnh báo: đã cam kết hoặc đã chi vượt dự toán." in paragraphs
    assert [c.text for c in impact.rows[2].cells] == ["Trong", "0", "0"]


def test_approval_stores_the_signed_file_for_download(
    client: Client, personas: Personas, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    plan = make_plan(organization=personas.hanoi, status=PlanStatus.SUBMITTED)
    client.force_login(leader)

    client.post(
        reverse("plans:plan_move", args=[plan.pk, "approve"]),
        {
            "document_number": "30/KH-UBND",
            "document_date": "2026-01-15",
            "signed_file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 ky so", "application/pdf"),
        },
    )
    plan.refresh_from_db()
    download = client.get(reverse("plans:signed_file", args=[plan.pk]))

    assert plan.status == PlanStatus.APPROVED
    assert b"".join(download.streaming_content) == b"%PDF-1.4 ky so"  # type: ignore[attr-defined]
    client.force_login(personas.binh)
    # Issued plans are public documents: Huế reads the approved plan and its signed file too.
    assert client.get(reverse("plans:signed_file", args=[plan.pk])).status_code == 200
