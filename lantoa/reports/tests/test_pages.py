"""The reports page and the summary downloads (PDF, DOCX, XLSX) and the `report` command."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from docx import Document

from lantoa.accounts.models import User
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.tests.pdf_text import pdf_text
from lantoa.reports.tests.factories import make_fortnight

pytestmark = pytest.mark.django_db

TITLE = "Báo cáo tuần 2025-W07: Thành phố Hà Nội"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _download(user: User, fmt: str) -> bytes:
    url = reverse("reports:summary_download", args=[fmt])
    response = client_for(user).get(url, {"week": "2025-W07"})
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"] == (
        f'attachment; filename="lantoa-bao-cao-tuan-2025-W07.{fmt}"'
    )
    return response.content


def test_the_page_shows_the_officer_her_agency_week(personas: Personas) -> None:
    # given a fortnight of work in Hà Nội and in Huế
    make_fortnight(personas, personas.hanoi)
    make_fortnight(personas, personas.hue)
    # when Lan opens the reports page for 2025-W07
    page = client_for(personas.lan).get(reverse("reports:index"), {"week": "2025-W07"})
    html = page.content.decode()
    # then she sees Hà Nội's summary, its topic's report links, and nothing of Huế
    assert page.status_code == 200
    assert TITLE in html
    assert "Trong tuần có 4 tin bài, tăng 100% so với tuần trước (2 tin)." in html
    assert "Học phí (Thành phố Hà Nội)" in html
    assert "Huế" not in html
    assert '<option value="2025-W07" selected>2025-W07</option>' in html


def test_a_malformed_week_is_refused_with_the_expected_form(personas: Personas) -> None:
    response = client_for(personas.lan).get(reverse("reports:index"), {"week": "tuần 7"})
    assert response.status_code == 400
    assert "Tuần phải có dạng NĂM-Wsố tuần, ví dụ 2025-W07." in response.content.decode()


def test_a_journalist_account_has_no_reports(personas: Personas) -> None:
    journalist = User.objects.create_user(username="nhabao", password="x")
    assert client_for(journalist).get(reverse("reports:index")).status_code == 403
    url = reverse("reports:summary_download", args=["pdf"])
    assert client_for(journalist).get(url).status_code == 403


def test_the_summary_downloads_as_docx_xlsx_and_pdf_saying_the_same(personas: Personas) -> None:
    make_fortnight(personas, personas.hanoi)
    # DOCX: the title, then the period
    document = Document(io.BytesIO(_download(personas.lan, "docx")))
    assert document.paragraphs[0].text == TITLE
    assert document.core_properties.title == TITLE
    # XLSX: one sheet read top to bottom, with the figures as numbers
    sheet = openpyxl.load_workbook(io.BytesIO(_download(personas.lan, "xlsx"))).active
    assert sheet is not None
    rows = [
        tuple(cell for cell in row if cell is not None) for row in sheet.iter_rows(values_only=True)
    ]
    assert rows[0] == (TITLE,)
    assert ("Tiêu cực", 2, "67%", 1, "50%", "+17 điểm") in rows
    assert ("Câu hỏi quá hạn chưa trả lời (cuối tuần)", 1) in rows
    # PDF: the Vietnamese text reads back whole
    text = pdf_text(_download(personas.lan, "pdf"))
    assert TITLE in text
    assert "Dự thảo Nghị định về xe đạp điện công cộng" in text


def test_an_unknown_format_is_refused(personas: Personas) -> None:
    url = reverse("reports:summary_download", args=["odt"])
    response = client_for(personas.lan).get(url)
    assert response.status_code == 400
    assert response.content.decode() == "Chỉ xuất được báo cáo dạng pdf, docx hoặc xlsx."


def test_the_cli_writes_the_summary_as_a_user_sees_it(personas: Personas, tmp_path: Path) -> None:
    make_fortnight(personas, personas.hanoi)
    output = tmp_path / "tong-hop.xlsx"
    out = io.StringIO()
    call_command(
        "report", "summary", "--user", "lan", "--week", "2025-W07", "--format", "xlsx",
        "--output", str(output), stdout=out,
    )  # fmt: skip
    sheet = openpyxl.load_workbook(output).active
    assert sheet is not None
    assert sheet["A1"].value == TITLE
    assert out.getvalue().startswith(
        "Đã ghi báo cáo tuần tổng hợp 2025-W07 (Thành phố Hà Nội) vào "
    )
    with pytest.raises(CommandError, match="Không có người dùng đang hoạt động tên ai-do"):
        call_command(
            "report", "summary", "--user", "ai-do", "--format", "pdf", "--output", str(output)
        )
