"""A policy's monitoring topic in an activity's and a plan's impact (page, chart, report, API)."""

import io
import json
from datetime import date, datetime

import docx
import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.models import Topic
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import make_analysed_item, make_topic
from lantoa.plans import actions
from lantoa.plans.impact import TopicRow
from lantoa.plans.models import Activity, Policy
from lantoa.plans.tests.factories import make_activity, make_plan, make_policy

pytestmark = pytest.mark.django_db


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0))


def _watched_activity(personas: Personas) -> tuple[Activity, Topic]:
    """Activity 10–11/03/2026 about a policy watched by the Hà Nội topic "học phí".

    Before (30 days): 2 negative topic items and 1 other item. During (2 days): 1 negative,
    2 positive and 1 unanalysed topic item. After: nothing.
    """
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    policy = make_policy(
        organization=personas.hanoi, title="Nghị quyết học phí", monitoring_topic=topic
    )
    activity = make_activity(
        plan=make_plan(organization=personas.hanoi),
        policy=policy,
        starts_on=date(2026, 3, 10),
        ends_on=date(2026, 3, 11),
    )
    source = make_source(owner=personas.hanoi)
    before, during = _at(date(2026, 3, 1)), _at(date(2026, 3, 10))
    specs = [
        ("Học phí tăng", "negative", before),
        ("Học phí cao", "negative", before),
        ("Giao thông ùn tắc", "neutral", before),
        ("Học phí giảm", "negative", during),
        ("Học phí được miễn", "positive", during),
        ("Học phí hỗ trợ", "positive", during),
        ("Học phí năm học mới", None, _at(date(2026, 3, 11))),
    ]
    items = [
        make_analysed_item(source=source, title=title, sentiment=sentiment, published_at=at)
        for title, sentiment, at in specs
    ]
    process_new_items([item.pk for item in items])
    return activity, topic


EXPECTED = [
    TopicRow(
        phase="before",
        items=2,
        items_per_day=0.07,
        share_percent=66.7,
        negative_percent=100.0,
        neutral_percent=0.0,
        positive_percent=0.0,
    ),
    TopicRow(
        phase="during",
        items=4,
        items_per_day=2.0,
        share_percent=100.0,
        negative_percent=33.3,
        neutral_percent=0.0,
        positive_percent=66.7,
    ),
    TopicRow(
        phase="after",
        items=0,
        items_per_day=0.0,
        share_percent=None,
        negative_percent=None,
        neutral_percent=None,
        positive_percent=None,
    ),
]


def test_activity_page_shows_topic_coverage_and_sentiment_by_phase(
    client: Client, personas: Personas
) -> None:
    activity, _ = _watched_activity(personas)
    client.force_login(personas.lan)

    response = client.get(reverse("plans:activity_detail", args=[activity.pk]))

    (entry,) = response.context["topic_impacts"]
    assert entry["impact"].policy == "Nghị quyết học phí"
    assert entry["impact"].topic == "Học phí"
    assert [row for _, row in entry["rows"]] == EXPECTED
    figure = json.loads(entry["chart"])
    assert figure["data"][0]["y"] == [0.07, 2.0, 0.0]
    assert figure["data"][1]["y"] == [100.0, 33.3, None]  # negative %
    body = response.content.decode()
    assert 'id="topic-1-chart"' in body and 'id="topic-1-data"' in body
    assert reverse("plans:plotly_js") in body


def test_activity_whose_policy_has_no_topic_says_so(client: Client, personas: Personas) -> None:
    activity = make_activity(
        plan=make_plan(organization=personas.hanoi),
        policy=make_policy(organization=personas.hanoi),
    )
    client.force_login(personas.lan)

    response = client.get(reverse("plans:activity_detail", args=[activity.pk]))

    (entry,) = response.context["topic_impacts"]
    assert entry["rows"] == [] and entry["chart"] is None
    assert "Chính sách chưa gắn chủ đề theo dõi." in response.content.decode()


def test_a_topic_the_viewer_cannot_see_is_not_shown(client: Client, personas: Personas) -> None:
    # Given a Huế activity whose policy was (wrongly) linked to a Hà Nội topic outside the UI
    topic = make_topic(owner=personas.hanoi, query="học phí")
    activity = make_activity(
        plan=make_plan(organization=personas.hue),
        policy=make_policy(organization=personas.hue, monitoring_topic=topic),
    )
    client.force_login(personas.binh)

    response = client.get(reverse("plans:activity_detail", args=[activity.pk]))

    (entry,) = response.context["topic_impacts"]
    assert entry["impact"].topic is None and entry["rows"] == []


def test_plan_report_docx_holds_the_topic_table(client: Client, personas: Personas) -> None:
    activity, _ = _watched_activity(personas)
    make_activity(plan=activity.plan, starts_on=date(2026, 3, 10), ends_on=date(2026, 3, 11))
    client.force_login(personas.lan)

    response = client.get(reverse("plans:plan_report", args=[activity.plan.pk]))

    document = docx.Document(io.BytesIO(response.content))
    topic_table = document.tables[-1]
    assert [[c.text for c in row.cells] for row in topic_table.rows] == [
        [
            "Giai đoạn",
            "Số tin",
            "Tin/ngày",
            "Tỷ trọng (%)",
            "Tiêu cực (%)",
            "Trung lập (%)",
            "Tích cực (%)",
        ],
        ["Trước", "2", "0,07", "66,7", "100", "0", "0"],
        ["Trong", "4", "2", "100", "33,3", "0", "66,7"],
        ["Sau", "0", "0", "—", "—", "—", "—"],
    ]
    assert "Nghị quyết học phí — chủ đề «Học phí»" in [p.text for p in document.paragraphs]


def test_plan_report_says_when_a_policy_has_no_topic(client: Client, personas: Personas) -> None:
    policy = make_policy(organization=personas.hanoi, title="Đề án chuyển đổi số")
    activity = make_activity(plan=make_plan(organization=personas.hanoi), policy=policy)
    client.force_login(personas.lan)

    response = client.get(reverse("plans:plan_report", args=[activity.plan.pk]))

    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert "Đề án chuyển đổi số: Chính sách chưa gắn chủ đề theo dõi." in paragraphs


def test_lan_links_her_topic_on_the_policy_page(client: Client, personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí", name="Học phí")
    policy = make_policy(organization=personas.hanoi, title="Nghị quyết học phí")
    client.force_login(personas.lan)
    form = client.get(reverse("plans:policy_edit", args=[policy.pk]))
    assert form.context["form"].fields["monitoring_topic"].queryset.get() == topic

    response = client.post(
        reverse("plans:policy_edit", args=[policy.pk]),
        {
            "organization": personas.hanoi.pk,
            "title": "Nghị quyết học phí",
            "type": policy.type,
            "lead_agency": policy.lead_agency,
            "stage": policy.stage,
            "monitoring_topic": topic.pk,
        },
    )

    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.monitoring_topic == topic
    listing = client.get(reverse("plans:policy_list")).content.decode()
    assert "Học phí" in listing


def _bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"}


def test_binh_cannot_link_a_topic_of_another_province(client: Client, personas: Personas) -> None:
    # Given Lan's Hà Nội topic and a Huế policy Bình manages
    topic = make_topic(owner=personas.hanoi, query="học phí")
    policy = make_policy(organization=personas.hue, title="Nghị quyết Huế")

    # When Bình tries through the action, the page and the API
    with pytest.raises(PermissionDenied):
        actions.update_policy(personas.binh, policy, monitoring_topic=topic)
    client.force_login(personas.binh)
    page = client.post(
        reverse("plans:policy_edit", args=[policy.pk]),
        {
            "organization": personas.hue.pk,
            "title": "Nghị quyết Huế",
            "type": policy.type,
            "lead_agency": policy.lead_agency,
            "stage": policy.stage,
            "monitoring_topic": topic.pk,
        },
    )
    api = client.patch(
        f"/api/v1/plans/policies/{policy.pk}",
        data={"monitoring_topic_id": topic.pk},
        content_type="application/json",
        headers=_bearer(personas.binh),
    )

    # Then each is refused and nothing changed
    assert page.status_code == 200 and "monitoring_topic" in page.context["form"].errors
    assert api.status_code == 403
    assert Policy.objects.get(pk=policy.pk).monitoring_topic_id is None


def test_the_api_links_and_unlinks_a_visible_topic(client: Client, personas: Personas) -> None:
    topic = make_topic(owner=personas.hanoi, query="học phí")
    policy = make_policy(organization=personas.hanoi)
    url = f"/api/v1/plans/policies/{policy.pk}"

    linked = client.patch(
        url,
        data={"monitoring_topic_id": topic.pk},
        content_type="application/json",
        headers=_bearer(personas.lan),
    )
    assert linked.status_code == 200 and linked.json()["monitoring_topic_id"] == topic.pk
    unlinked = client.patch(
        url,
        data={"monitoring_topic_id": None},
        content_type="application/json",
        headers=_bearer(personas.lan),
    )
    assert unlinked.status_code == 200 and unlinked.json()["monitoring_topic_id"] is None
    assert Policy.objects.get(pk=policy.pk).monitoring_topic_id is None
