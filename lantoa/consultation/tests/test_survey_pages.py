"""Survey pages: staff build a survey with a conditional question, verified citizens answer once,
results show counts with a Plotly chart, CSV and XLSX export; another province sees nothing."""

import io
import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from lantoa.consultation.models import Survey, SurveyResponse
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.consultation.views import SESSION_KEY
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.django_db, pytest.mark.db]
PASSWORD = "mat-khau-thu-nghiem"


def _staff(username: str) -> Client:
    client = Client()
    client.login(username=username, password=PASSWORD)
    return client


def _citizen(email: str) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = make_participant(email=email, name=email.split("@")[0]).pk
    session.save()
    return client


def _build(personas: Personas) -> Survey:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    lan = _staff("lan")
    now = timezone.localtime()
    lan.post(
        reverse("consultation:survey_create", args=[consultation.pk]),
        {
            "title": "Khảo sát người dùng xe đạp điện",
            "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    survey = Survey.objects.get()
    edit = reverse("consultation:survey_edit", args=[survey.pk])
    lan.post(
        edit, {"kind": "single", "text": "Bạn có dùng?", "options": "Có\nKhông", "required": "1"}
    )
    uses = survey.questions.get(position=1)
    lan.post(
        edit,
        {
            "kind": "text",
            "text": "Vì sao không?",
            "required": "1",
            "show_if_question": uses.pk,
            "show_if_value": "Không",
        },
    )
    lan.post(edit, {"kind": "scale", "text": "Mức hài lòng", "scale_min": "1", "scale_max": "5"})
    lan.post(edit, {"kind": "ranking", "text": "Ưu tiên", "options": "Giá\nTrạm\nAn toàn"})
    lan.post(
        edit,
        {"kind": "matrix", "text": "Đánh giá", "options": "Tốt\nKém", "rows": "Xe\nỨng dụng"},
    )
    assert list(survey.questions.values_list("kind", flat=True)) == [
        "single",
        "text",
        "scale",
        "ranking",
        "matrix",
    ]
    return survey


def test_citizens_answer_once_and_staff_read_results_and_exports(personas: Personas) -> None:
    survey = _build(personas)
    q = {x.position: x.pk for x in survey.questions.all()}
    answer = reverse("consultation:survey_answer", args=[survey.pk])
    dan, hoa = _citizen("dan@example.vn"), _citizen("hoa@example.vn")

    # an anonymous visitor cannot answer
    Client().post(answer, {f"q{q[1]}": "Có"})
    assert SurveyResponse.objects.count() == 0
    # Dân says "Không" without the reason: refused by the conditional rule
    dan.post(answer, {f"q{q[1]}": "Không"})
    assert SurveyResponse.objects.count() == 0
    dan.post(
        answer,
        {
            f"q{q[1]}": "Không",
            f"q{q[2]}": "=Giá thuê đắt",
            f"q{q[3]}": "2",
            f"q{q[4]}_0": "2",
            f"q{q[4]}_1": "1",
            f"q{q[4]}_2": "3",
            f"q{q[5]}_r0": "Kém",
            f"q{q[5]}_r1": "Tốt",
        },
    )
    # Hoà says "Có": the reason sent anyway is dropped
    hoa.post(answer, {f"q{q[1]}": "Có", f"q{q[2]}": "không cần", f"q{q[3]}": "4"})
    # a second answer from Dân is refused and the page says he has answered
    dan.post(answer, {f"q{q[1]}": "Có"})
    assert SurveyResponse.objects.count() == 2
    assert "Bạn đã trả lời khảo sát này" in dan.get(answer).content.decode()
    stored = {r.participant.email: r.answers for r in SurveyResponse.objects.all()}
    assert stored["hoa@example.vn"] == {str(q[1]): "Có", str(q[3]): 4}
    assert stored["dan@example.vn"][str(q[4])] == ["Trạm", "Giá", "An toàn"]

    # Lan reads the results with the chart data and plotly.js from the wheel
    lan = _staff("lan")
    page = lan.get(reverse("consultation:survey_results", args=[survey.pk])).content.decode()
    assert reverse("monitoring:plotly_js", kwargs={"version": "x"}).rsplit("-", 1)[0] in page
    found = re.search(r'<script id="survey-charts" type="application/json">(.*?)</script>', page)
    assert found is not None
    charts = {c["id"]: c for c in json.loads(found.group(1))}
    assert (charts[q[1]]["labels"], charts[q[1]]["values"]) == (["Có", "Không"], [1, 1])
    assert charts[q[5]]["values"] == [[0, 1], [1, 0]]
    assert "điểm trung bình: 3,0" in page
    # CSV and XLSX hold one row per response, formulas defused
    csv_text = lan.get(reverse("consultation:survey_csv", args=[survey.pk])).content.decode(
        "utf-8-sig"
    )
    lines = csv_text.strip().splitlines()
    assert lines[0] == "Thời điểm gửi,Bạn có dùng?,Vì sao không?,Mức hài lòng,Ưu tiên,Đánh giá"
    assert lines[1].endswith(",Không,'=Giá thuê đắt,2,Trạm > Giá > An toàn,Xe: Kém; Ứng dụng: Tốt")
    workbook = load_workbook(
        io.BytesIO(lan.get(reverse("consultation:survey_xlsx", args=[survey.pk])).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 3 and rows[2][1:4] == ("Có", None, "4")


def test_another_province_cannot_read_results_or_edit(personas: Personas) -> None:
    survey = _build(personas)
    binh = _staff("binh")
    for name in ("survey_results", "survey_csv", "survey_xlsx", "survey_edit"):
        assert binh.get(reverse(f"consultation:{name}", args=[survey.pk])).status_code == 404
    response = binh.post(
        reverse("consultation:survey_edit", args=[survey.pk]), {"kind": "text", "text": "Chen"}
    )
    assert response.status_code == 404 and survey.questions.count() == 5
    create = reverse("consultation:survey_create", args=[survey.consultation.pk])
    assert binh.post(create, {"title": "x"}).status_code == 404
    assert Survey.objects.count() == 1
