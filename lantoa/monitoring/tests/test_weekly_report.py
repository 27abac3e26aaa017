"""Top stories and the weekly report: figures, DOCX/PDF with Vietnamese text, e-mail, page, CLI."""

import io
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document

from lantoa.content.models import Item, Story
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.monitoring import actions, weekly
from lantoa.monitoring.impact import topic_phase_summary
from lantoa.monitoring.models import ReportSubscription, Topic, WeeklyReport
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.report_render import render_docx, render_pdf
from lantoa.monitoring.stories import top_stories
from lantoa.monitoring.tests.factories import at, make_analysed_item, make_topic
from lantoa.monitoring.tests.pdf_text import embedded_font_names, pdf_text

pytestmark = pytest.mark.django_db

WEEK = date(2025, 2, 10)  # Monday of 2025-W07
TITLE = "Học phí đại học tăng gấp đôi khiến sinh viên lo lắng"


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _story(items: list[Item]) -> Story:
    story = Story.objects.create(first_item=items[0], item_count=len(items))
    Item.objects.filter(pk__in=[item.pk for item in items]).update(story=story)
    return story


def _week_of_fees(personas: Personas) -> Topic:
    """A Hà Nội topic with, in 2025-W07: a story reprinted by two outlets, and one lone item."""
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí đại học")
    first = make_source(owner=personas.hanoi, name="Báo Hà Nội Mới")
    second = make_source(owner=personas.hanoi, name="Tuổi Trẻ")
    reprinted = [
        make_analysed_item(
            source=first, title=TITLE, sentiment="negative", published_at=at(2025, 2, 11)
        ),
        make_analysed_item(
            source=second, title=TITLE, sentiment="negative", published_at=at(2025, 2, 12)
        ),
        make_analysed_item(
            source=second, title=TITLE, sentiment="neutral", published_at=at(2025, 2, 13)
        ),
    ]
    lone = make_analysed_item(
        source=first,
        title="Trường công bố lộ trình học phí",
        sentiment="positive",
        published_at=at(2025, 2, 14),
    )
    earlier = make_analysed_item(
        source=first, title="Học phí năm ngoái", published_at=at(2025, 2, 5)
    )
    _story(reprinted)
    _story([lone])
    _story([earlier])
    process_new_items([*(item.pk for item in reprinted), lone.pk, earlier.pk])
    return topic


def test_top_stories_rank_stories_by_tagged_items_in_the_period(personas: Personas) -> None:
    # Given a week with a story of three items and a lone item, and an item the week before
    topic = _week_of_fees(personas)

    # When the week's top stories are asked for
    ranked = top_stories(topic.pk, since=WEEK, until=date(2025, 2, 16))

    # Then the reprinted story leads, with its reprints and both outlets; the older one is out
    assert [(s.title, s.items, s.reprints, s.outlets) for s in ranked] == [
        (TITLE, 3, 2, ("Báo Hà Nội Mới", "Tuổi Trẻ")),
        ("Trường công bố lộ trình học phí", 1, 0, ("Báo Hà Nội Mới",)),
    ]


def test_weekly_figures_come_from_the_counters(personas: Personas, settings: object) -> None:
    settings.LANTOA_PUBLIC_URL = "https://lantoa.invalid/"  # type: ignore[attr-defined]
    topic = _week_of_fees(personas)

    data = weekly.build_weekly_report(topic, WEEK)

    assert (data.week, data.start, data.end) == ("2025-W07", WEEK, date(2025, 2, 16))
    assert data.volume == (0, 1, 1, 1, 1, 0, 0)
    assert (data.total, data.previous_total) == (4, 1)
    assert (data.sentiment["negative"], data.sentiment["neutral"], data.sentiment["positive"]) == (
        2,
        1,
        1,
    )
    assert data.negative_share == 50
    assert [story.items for story in data.top_stories] == [3, 1]
    assert data.top_sources == (("Báo Hà Nội Mới", 2), ("Tuổi Trẻ", 2))
    assert data.link == "https://lantoa.invalid" + reverse(
        "monitoring:topic_dashboard", args=[topic.pk]
    )


def test_the_pdf_embeds_a_vietnamese_font_and_reads_back_as_vietnamese_text(
    personas: Personas,
) -> None:
    # Given a topic whose name was typed in decomposed Unicode (base letters + combining marks)
    topic = _week_of_fees(personas)
    topic.name = unicodedata.normalize("NFD", "Học phí đại học")
    topic.save()

    # When the PDF is rendered
    pdf = render_pdf(weekly.build_weekly_report(topic, WEEK))

    # Then it is a PDF drawn with an embedded TrueType font, and its text is composed Vietnamese
    assert pdf.startswith(b"%PDF-")
    assert embedded_font_names(pdf) & {"DejaVuSans", "NotoSans-Regular", "DejaVuSans-Bold"}
    text = pdf_text(pdf)
    assert "Báo cáo tuần 2025-W07: Học phí đại học" in text.splitlines()
    assert "Trong tuần có 4 tin bài, tăng 300% so với tuần trước (1 tin)." in text
    assert "Tỷ lệ tin tiêu cực trên số tin đã phân tích: 50%." in text
    assert TITLE in " ".join(text.split())  # the title wraps inside its table cell
    assert "\ufffd" not in text
    assert "\u0323" not in text  # no detached combining dot below


def test_the_docx_has_every_section_and_the_top_story_table(personas: Personas) -> None:
    topic = _week_of_fees(personas)

    document = Document(io.BytesIO(render_docx(weekly.build_weekly_report(topic, WEEK))))

    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Báo cáo tuần 2025-W07: Học phí đại học"
    for heading in (
        "1. Lượng tin",
        "2. Sắc thái",
        "3. Đột biến và cảnh báo",
        "4. Câu chuyện nổi bật",
    ):
        assert heading in paragraphs
    assert "8. Dự báo 14 ngày tới" in paragraphs
    stories = next(t for t in document.tables if t.rows[0].cells[0].text == "Tiêu đề")
    assert [c.text for c in stories.rows[1].cells] == [TITLE, "3", "2", "Báo Hà Nội Mới, Tuổi Trẻ"]


def test_the_report_is_due_from_monday_seven_local_time() -> None:
    before = timezone.make_aware(datetime(2025, 2, 17, 6, 59))
    after = timezone.make_aware(datetime(2025, 2, 17, 7, 0))

    assert weekly.due_week(before) == date(2025, 2, 3)
    assert weekly.due_week(after) == WEEK
    assert weekly.parse_week("2025-W07") == WEEK
    with pytest.raises(ValueError, match="Tuần phải có dạng"):
        weekly.parse_week("2025-7")


def test_subscribers_get_the_report_once_per_week_over_smtp(
    personas: Personas, smtp_server: LocalSmtp
) -> None:
    # Given Lan subscribed to the Hà Nội topic
    topic = _week_of_fees(personas)
    personas.lan.email = "lan@hanoi.lantoa.invalid"
    personas.lan.save()
    actions.subscribe_to_report(personas.lan, topic)
    monday = timezone.make_aware(datetime(2025, 2, 17, 7, 30))

    # When the periodic task runs twice on Monday morning
    first = weekly.send_due_reports(monday)
    second = weekly.send_due_reports(monday)

    # Then one message reached her, with the PDF and DOCX attached, and the week is recorded sent
    assert (first, second) == (1, 0)
    assert smtp_server.recipients() == ["lan@hanoi.lantoa.invalid"]
    message = smtp_server.messages[0]
    assert message.subject == "[Lantoa] Báo cáo tuần 2025-W07: Học phí đại học"
    assert "Số tin trong tuần: 4 (tuần trước: 1)." in message.body_text()
    names = sorted(str(part.get_filename()) for part in message.message.iter_attachments())
    assert names == [
        f"lantoa-bao-cao-tuan-2025-W07-{topic.pk}.docx",
        f"lantoa-bao-cao-tuan-2025-W07-{topic.pk}.pdf",
    ]
    pdf = next(
        p for p in message.message.iter_attachments() if str(p.get_filename()).endswith(".pdf")
    )
    assert "Học phí đại học" in pdf_text(pdf.get_content())
    report = WeeklyReport.objects.get()
    assert (report.topic, report.week_start, report.recipients, report.attempts) == (
        topic,
        WEEK,
        1,
        1,
    )
    assert report.sent_at is not None


def test_an_officer_of_another_province_cannot_subscribe(personas: Personas) -> None:
    topic = _week_of_fees(personas)
    personas.binh.email = "binh@hue.lantoa.invalid"
    personas.binh.save()

    with pytest.raises(PermissionDenied):
        actions.subscribe_to_report(personas.binh, topic)
    response = client_for(personas.binh).post(
        reverse("monitoring:report_subscription", args=[topic.pk])
    )

    assert response.status_code == 404
    assert ReportSubscription.objects.count() == 0


def test_subscribing_and_unsubscribing_from_the_dashboard(personas: Personas) -> None:
    topic = _week_of_fees(personas)
    personas.lan.email = "lan@hanoi.lantoa.invalid"
    personas.lan.save()
    client = client_for(personas.lan)
    url = reverse("monitoring:report_subscription", args=[topic.pk])

    client.post(url, {"action": "subscribe"})
    assert list(ReportSubscription.objects.values_list("user__username", flat=True)) == ["lan"]
    page = client.get(reverse("monitoring:topic_dashboard", args=[topic.pk])).content.decode()
    assert "Thôi nhận báo cáo tuần" in page

    client.post(url, {"action": "unsubscribe"})
    assert ReportSubscription.objects.count() == 0


def test_the_dashboard_lists_top_stories_and_report_downloads(personas: Personas) -> None:
    # Given a story reprinted three times by two outlets ten days ago
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí đại học")
    recent = timezone.now() - timedelta(days=10)
    outlets = [make_source(owner=personas.hanoi, name=n) for n in ("Báo Hà Nội Mới", "Tuổi Trẻ")]
    items = [
        make_analysed_item(source=outlets[i % 2], title=TITLE, published_at=recent)
        for i in range(3)
    ]
    _story(items)
    process_new_items([item.pk for item in items])

    # When Lan opens the topic's dashboard
    page = client_for(personas.lan).get(reverse("monitoring:topic_dashboard", args=[topic.pk]))

    # Then the story is listed with its counts and outlets, and the report can be downloaded
    html = page.content.decode()
    assert page.status_code == 200
    assert "Câu chuyện nổi bật trong 90 ngày" in html
    row = html[html.index(TITLE) : html.index("</tr>", html.index(TITLE))]
    assert "<td>3</td><td>2</td><td>Báo Hà Nội Mới, Tuổi Trẻ</td>" in row
    assert reverse("monitoring:topic_report", args=[topic.pk, "pdf"]) in html
    assert f'<option value="{weekly.week_label(weekly.due_week())}">' in html


def test_downloading_the_report_checks_scope_and_week(personas: Personas) -> None:
    topic = _week_of_fees(personas)
    url = reverse("monitoring:topic_report", args=[topic.pk, "pdf"])

    own = client_for(personas.lan).get(url, {"week": "2025-W07"})
    other = client_for(personas.binh).get(url, {"week": "2025-W07"})
    bad = client_for(personas.lan).get(url, {"week": "tuan-7"})
    docx = client_for(personas.lan).get(
        reverse("monitoring:topic_report", args=[topic.pk, "docx"]), {"week": "2025-W07"}
    )

    assert own.status_code == 200
    assert own["Content-Type"] == "application/pdf"
    assert own.content.startswith(b"%PDF-")
    assert (
        f'filename="lantoa-bao-cao-tuan-2025-W07-chu-de-{topic.pk}.pdf"'
        in own["Content-Disposition"]
    )
    assert other.status_code == 404
    assert bad.status_code == 400
    assert "Tuần phải có dạng" in bad.content.decode()
    assert Document(io.BytesIO(docx.content)).paragraphs[0].text.startswith("Báo cáo tuần 2025-W07")


def test_the_report_also_downloads_as_a_spreadsheet_with_numbers(personas: Personas) -> None:
    # given the fee topic's week
    topic = _week_of_fees(personas)
    # when Lan downloads its report as XLSX
    url = reverse("monitoring:topic_report", args=[topic.pk, "xlsx"])
    response = client_for(personas.lan).get(url, {"week": "2025-W07"})
    # then the sheet holds the same report, its daily counts as numbers
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ("Báo cáo tuần 2025-W07: Học phí đại học",)
    assert ("Thứ Ba 11/02/2025", 1) in rows
    assert ("Tiêu cực", 2, "50%") in rows


def test_the_cli_writes_the_weekly_report(personas: Personas, tmp_path: Path) -> None:
    topic = _week_of_fees(personas)
    output = tmp_path / "bao-cao.docx"

    call_command(
        "report",
        "weekly",
        "--topic",
        str(topic.pk),
        "--week",
        "2025-W07",
        "--format",
        "docx",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    assert Document(str(output)).paragraphs[0].text == "Báo cáo tuần 2025-W07: Học phí đại học"
    with pytest.raises(CommandError, match="Không có chủ đề mã 999999"):
        call_command(
            "report", "weekly", "--topic", "999999", "--format", "pdf", "--output", str(output)
        )
    with pytest.raises(CommandError, match="Năm 2025 không có tuần 60"):
        call_command(
            "report",
            "weekly",
            "--topic",
            str(topic.pk),
            "--week",
            "2025-W60",
            "--format",
            "pdf",
            "--output",
            str(output),
        )


def test_phase_summary_counts_and_sentiment_before_during_and_after(personas: Personas) -> None:
    # Given the fee topic's items: one on 5 Feb, four between 11 and 14 Feb 2025
    topic = _week_of_fees(personas)

    # When an activity ran 11-12 Feb, with 7 days either side
    summary = topic_phase_summary(
        topic.pk, date(2025, 2, 11), date(2025, 2, 12), before_days=7, after_days=7
    )

    # Then each phase has its days, items and sentiment shares of analysed items
    before, during, after = summary["before"], summary["during"], summary["after"]
    assert (before["start"], before["end"], before["days"], before["items"]) == (
        "2025-02-04",
        "2025-02-10",
        7,
        1,
    )
    assert (during["days"], during["items"], during["sentiment"]["negative"]) == (2, 2, 2)
    assert during["sentiment_share"] == {"negative": 1.0, "neutral": 0.0, "positive": 0.0}
    assert during["share_of_all_items"] == 1.0
    assert (after["start"], after["items"], after["sentiment"]) == (
        "2025-02-13",
        2,
        {"negative": 0, "neutral": 1, "positive": 1, "unanalysed": 0},
    )
    assert summary["complete"] is True


def test_the_dashboard_shows_an_emerging_issue(personas: Personas) -> None:
    # Given a keyword absent for four weeks that appears in six items of the last hours
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí đại học")
    source = make_source(owner=personas.hanoi)
    recent = timezone.now() - timedelta(hours=2)
    items = [
        make_analysed_item(
            source=source,
            title=f"Học phí tăng, phụ huynh phản đối {n}",
            published_at=recent,
            analysis={"keywords": ["phụ huynh phản đối"]},
        )
        for n in range(6)
    ]
    process_new_items([item.pk for item in items])

    # When Lan opens the dashboard
    html = client_for(personas.lan).get(reverse("monitoring:topic_dashboard", args=[topic.pk]))

    # Then the issue is listed with its count
    page = html.content.decode()
    assert "<strong>phụ huynh phản đối</strong>" in page
    assert "6 lần nhắc đến, cao bất thường so với 28 ngày trước" in page
