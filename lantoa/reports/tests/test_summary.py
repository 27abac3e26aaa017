"""The weekly summary: every figure exact, read through the reader's scoping."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lantoa.core.testing.personas import Personas
from lantoa.monitoring.tests.factories import at
from lantoa.reports.summary import Sentiment, Summary, build_summary
from lantoa.reports.tests.factories import WEEK, make_fortnight

pytestmark = pytest.mark.django_db


def test_an_officer_summary_counts_her_agency_week_exactly(personas: Personas) -> None:
    # given a fortnight of work in Hà Nội and the same in Huế
    make_fortnight(personas, personas.hanoi)
    make_fortnight(personas, personas.hue)
    # when Lan (Hà Nội) builds the summary of 2025-W07
    summary = build_summary(personas.lan, WEEK)
    # then it covers Hà Nội alone, figure by figure
    assert (summary.scope, summary.week, summary.end) == (
        "Thành phố Hà Nội",
        "2025-W07",
        date(2025, 2, 16),
    )
    assert summary.items == Sentiment(
        counts={"negative": 2, "neutral": 0, "positive": 1}, unanalysed=1
    )
    assert summary.previous_items == Sentiment(
        counts={"negative": 1, "neutral": 1, "positive": 0}, unanalysed=0
    )
    assert (summary.items.share("negative"), summary.previous_items.share("negative")) == (67, 50)
    [topic] = summary.topics
    assert (topic.name, topic.this_week, topic.last_week) == (
        "Học phí (Thành phố Hà Nội)",
        summary.items,
        summary.previous_items,
    )
    assert summary.alerts == (("Lượng tin tăng đột biến", 2, 1),)
    assert summary.open_alerts == 2
    assert (summary.tips, summary.verdicts) == (1, (("Sai sự thật", 1),))
    assert [(i.title, i.closed_at) for i in summary.incidents] == [
        ("Sự cố cũ được đóng", at(2025, 2, 12)),
        ("Phản ứng về học phí", None),
    ]
    assert summary.open_incidents == 1
    assert (
        summary.questions_received,
        summary.questions_answered,
        summary.answered_late,
        summary.questions_overdue,
        summary.releases_approved,
    ) == (2, 1, 1, 1, 1)
    assert (summary.activities_done, summary.activities_overdue) == (1, 1)
    assert summary.comments == (("Dự thảo Nghị định về xe đạp điện công cộng", 2),)


def test_a_central_administrator_summary_covers_every_agency(personas: Personas) -> None:
    # given the same fortnight in Hà Nội and in Huế
    make_fortnight(personas, personas.hanoi)
    make_fortnight(personas, personas.hue)
    # when Minh (centre) builds the summary
    summary = build_summary(personas.minh, WEEK)
    # then every figure doubles and each agency's topic is listed
    assert summary.scope == "Toàn hệ thống"
    assert summary.items.counts == {"negative": 4, "neutral": 0, "positive": 2}
    assert [t.name for t in summary.topics] == [
        "Học phí (Thành phố Huế)",
        "Học phí (Thành phố Hà Nội)",
    ]
    assert summary.alerts == (("Lượng tin tăng đột biến", 4, 2),)
    assert (summary.questions_received, summary.activities_done) == (4, 2)
    assert summary.comments == (("Dự thảo Nghị định về xe đạp điện công cộng", 2),) * 2


def test_a_week_without_any_work_says_so_in_zeros(personas: Personas) -> None:
    summary: Summary = build_summary(personas.binh, WEEK + timedelta(weeks=1))
    assert summary.items == Sentiment(
        counts={"negative": 0, "neutral": 0, "positive": 0}, unanalysed=0
    )
    assert summary.items.share("negative") is None
    assert (summary.topics, summary.alerts, summary.incidents, summary.comments) == ((), (), (), ())
    assert timezone.is_aware(summary.generated_at)
