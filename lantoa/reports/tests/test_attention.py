"""The dashboard's "cần xử lý": each figure counts what its link lists, within the reader's scope."""

from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import User
from lantoa.core.testing.personas import Personas
from lantoa.factcheck.tests.factories import make_claim
from lantoa.reports.attention import waiting_for
from lantoa.reports.tests.factories import make_fortnight

pytestmark = pytest.mark.django_db

MONDAY = timezone.make_aware(datetime(2025, 2, 17, 9, 0))


def test_an_officer_sees_her_agency_open_work(personas: Personas) -> None:
    # given a fortnight of work in Hà Nội and in Huế, and a new claim in Hà Nội
    make_fortnight(personas, personas.hanoi)
    make_fortnight(personas, personas.hue)
    make_claim(owner=personas.hanoi)
    # when Lan's open work is counted on Monday 17 February 2025
    waiting = {line.label: line.count for line in waiting_for(personas.lan, MONDAY)}
    # then it is Hà Nội's alone
    assert waiting == {
        "Cảnh báo chưa đóng": 2,
        "Sự cố đang xử lý": 1,
        "Câu hỏi của báo chí quá hạn trả lời": 1,
        "Thông tin mới chờ xác minh": 1,
        "Hoạt động truyền thông quá hạn": 1,
    }


def test_the_dashboard_links_each_figure_and_a_journalist_sees_none(personas: Personas) -> None:
    client = Client()
    client.force_login(personas.lan)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Cần xử lý" in page
    assert 'href="/mang-luoi/cau-hoi/?status=open&amp;overdue=1"' in page
    journalist = User.objects.create_user(username="nhabao", password="x")
    assert waiting_for(journalist) == []
    client.force_login(journalist)
    assert "Cần xử lý" not in client.get(reverse("dashboard")).content.decode()
