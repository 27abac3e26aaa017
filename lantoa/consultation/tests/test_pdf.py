"""PDF drafts in (text layer, line-wrap repair, refusals) and the summary report as PDF out."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from lantoa.consultation import actions, documents
from lantoa.consultation.documents import read_docx, read_pdf, repair_pdf_lines, summary_rows
from lantoa.consultation.models import Consultation
from lantoa.consultation.structure import Unit
from lantoa.consultation.tests.drafts import DRAFT_V1, DRAFT_V2
from lantoa.consultation.tests.factories import (
    docx_bytes,
    make_consultation,
    make_participant,
    pdf_bytes,
)
from lantoa.core.report_font import find_report_font
from lantoa.core.testing.personas import Personas
from lantoa.core.text import normalize_text

PASSWORD = "mat-khau-thu-nghiem"


def _shape(units: tuple[Unit, ...]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (u.key, u.kind, u.number, u.heading, normalize_text(u.text), u.parent_key) for u in units
    ]


@pytest.mark.parametrize(("column_mm", "font_size"), [(170.0, 11.0), (80.0, 12.0)])
def test_pdf_draft_splits_into_the_same_units_as_the_docx(
    column_mm: float, font_size: float
) -> None:
    # given the same draft decree as DOCX and as a printed PDF (wide page, and a narrow column
    # on several pages, where almost every khoản and some headings wrap)
    pdf = pdf_bytes(DRAFT_V1, column_mm=column_mm, font_size=font_size)
    raw_lines = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Trang 1" in raw_lines
    # the text layer really wraps: the scope sentence is not on one line there
    (scope_end,) = [line for line in raw_lines.splitlines() if line.endswith("trở lên.")]
    assert not scope_end.startswith("Nghị định này")
    _docx_text, docx_units = read_docx(io.BytesIO(docx_bytes(DRAFT_V1)))
    # when the PDF is read
    text, pdf_units = read_pdf(io.BytesIO(pdf))
    # then it splits into the same chapters, articles, khoản and điểm with the same text
    assert _shape(pdf_units) == _shape(docx_units)
    assert [u.key for u in pdf_units if u.kind == "dieu"] == [f"dieu-{n}" for n in range(1, 6)]
    assert "Trang" not in text
    assert text == normalize_text(text)


def test_a_wrapped_article_heading_and_a_hyphenated_word_are_joined() -> None:
    # given a page where an article heading ran past the margin and a word was hyphenated
    page = (
        "Điều 7. Trách nhiệm của Ủy ban nhân dân cấp tỉnh trong quản lý trạm đỗ xe\n"
        "đạp điện công cộng\n"
        "1. Phê duyệt quy hoạch trạm đỗ và công bố danh mục trạm đỗ xe trên cổng\n"
        "thông tin điện tử của tỉnh trong ba mươi ngày kể từ ngày nhận hồ sơ doanh nghi-\n"
        "ệp gửi.\n"
        "2. Kiểm tra định kỳ.\n"
        "Điều 8. Hiệu lực\n"
        "Nghị định có hiệu lực từ ngày ký.\n"
        "12\n"
    )
    # when the lines are repaired
    repaired = repair_pdf_lines([page])
    # then the heading, the khoản and the hyphenated word are whole; the page number is gone
    # and the short heading "Điều 8. Hiệu lực" keeps its body on the next line
    assert repaired.splitlines() == [
        "Điều 7. Trách nhiệm của Ủy ban nhân dân cấp tỉnh trong quản lý trạm đỗ xe "
        "đạp điện công cộng",
        "1. Phê duyệt quy hoạch trạm đỗ và công bố danh mục trạm đỗ xe trên cổng "
        "thông tin điện tử của tỉnh trong ba mươi ngày kể từ ngày nhận hồ sơ doanh nghiệp gửi.",
        "2. Kiểm tra định kỳ.",
        "Điều 8. Hiệu lực",
        "Nghị định có hiệu lực từ ngày ký.",
    ]


def test_a_pdf_with_a_long_wrapped_heading_keeps_it_as_the_heading() -> None:
    draft = (
        "Điều 7. Trách nhiệm của Ủy ban nhân dân cấp tỉnh trong quản lý trạm đỗ xe đạp điện\n"
        "1. Phê duyệt quy hoạch trạm đỗ xe đạp điện công cộng trên địa bàn tỉnh.\n"
    )
    _text, units = read_pdf(io.BytesIO(pdf_bytes(draft, column_mm=70.0)))
    assert [(u.key, u.heading, u.text) for u in units] == [
        (
            "dieu-7",
            "Trách nhiệm của Uỷ ban nhân dân cấp tỉnh trong quản lý trạm đỗ xe đạp điện",
            "",
        ),
        (
            "dieu-7.khoan-1",
            "",
            "Phê duyệt quy hoạch trạm đỗ xe đạp điện công cộng trên địa bàn tỉnh.",
        ),
    ]


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(DRAFT_V1)))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scanned_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.rect(50, 50, 400, 600, fill=1)  # a page of "image", no text layer
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _upload(name: str, data: bytes) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def _create(client: Client, personas: Personas, document: io.BytesIO) -> str:
    response = client.post(
        reverse("consultation:create"),
        {
            "title": "Dự thảo Nghị định về xe đạp điện công cộng",
            "owner": personas.hanoi.pk,
            "opens_at": "2026-01-01T08:00",
            "closes_at": "2026-02-01T08:00",
            "document": document,
        },
        follow=True,
    )
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.db
def test_officer_creates_a_consultation_from_a_pdf(personas: Personas) -> None:
    # given Lan, officer of Hà Nội
    officer = Client()
    officer.login(username="lan", password=PASSWORD)
    # when she uploads the PDF draft
    _create(officer, personas, _upload("du-thao.pdf", pdf_bytes(DRAFT_V1, column_mm=90.0)))
    # then the consultation has the draft's structure
    consultation = Consultation.objects.get()
    version = consultation.current_version()
    assert version is not None and version.source_name == "du-thao.pdf"
    assert list(version.clauses.filter(kind="dieu").values_list("heading", flat=True)) == [
        "Phạm vi điều chỉnh",
        "Đối tượng áp dụng",
        "Điều kiện cấp giấy phép",
        "Trách nhiệm của doanh nghiệp vận hành",
        "Hiệu lực thi hành",
    ]
    assert version.clauses.get(key="dieu-3.khoan-2.diem-b").text == (
        "Mỗi trạm đỗ có tối thiểu mười vị trí sạc điện;"
    )
    # and a PDF version 2 carries on like a DOCX one
    officer.post(
        reverse("consultation:new_version", args=[consultation.pk]),
        {"document": _upload("du-thao-v2.pdf", pdf_bytes(DRAFT_V2))},
    )
    current = consultation.current_version()
    assert current is not None and current.number == 2
    assert current.clauses.get(key="dieu-3").heading == "Giải thích từ ngữ"


@pytest.mark.django_db
@pytest.mark.db
@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("mat-khau.pdf", _encrypted_pdf, "Tệp PDF được đặt mật khẩu hoặc mã hoá"),
        ("ban-quet.pdf", _scanned_pdf, "Tệp PDF không có lớp chữ (có thể là bản quét ảnh)"),
        ("hong.pdf", lambda: b"%PDF-1.4 not really", "Không đọc được tệp PDF"),
        ("du-thao.pdf", lambda: pdf_bytes(DRAFT_V1), "Tệp PDF quá lớn (tối đa 0 MB)."),
    ],
)
def test_unreadable_pdfs_are_refused_and_nothing_is_stored(
    personas: Personas,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    make: object,
    message: str,
) -> None:
    # given Lan and a PDF that cannot be used (the size limit lowered for the last case)
    if name == "du-thao.pdf":
        monkeypatch.setattr(documents, "MAX_PDF_BYTES", 1000)
    officer = Client()
    officer.login(username="lan", password=PASSWORD)
    assert callable(make)
    # when she uploads it
    page = _create(officer, personas, _upload(name, make()))
    # then she reads why and nothing is stored
    assert message in page
    assert Consultation.objects.count() == 0


def test_the_size_limit_is_checked_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_PDF_BYTES", 10)
    with pytest.raises(ValueError, match="quá lớn"):
        read_pdf(io.BytesIO(b"x" * 11))


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources["/Font"].get_object()
        assert isinstance(fonts, DictionaryObject)
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.django_db
@pytest.mark.db
def test_summary_pdf_has_every_clause_comment_and_response(personas: Personas) -> None:
    # given a consultation with a themed comment and an answered clause
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    version = consultation.current_version()
    assert version is not None
    capital = version.clauses.get(key="dieu-3.khoan-1")
    citizen = make_participant(name="Hợp tác xã Vận tải Xanh")
    actions.post_comment(citizen, capital, "Vốn năm tỷ đồng quá cao với hợp tác xã nhỏ.")
    actions.react_to_clause(citizen, capital, agree=False)
    actions.set_response(
        personas.lan, capital, kind="explained", text="Giữ mức vốn để bảo đảm bồi thường."
    )
    url = reverse("consultation:summary_pdf", args=[consultation.pk])
    officer = Client()
    officer.login(username="lan", password=PASSWORD)
    # when the public and then Lan ask for the PDF
    anonymous = Client().get(url)
    response = officer.get(url)
    # then only Lan gets it (not yet published), with the report font embedded
    assert anonymous.status_code == 404
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="tong-hop-y-kien-{consultation.pk}.pdf"'
    )
    assert _fonts(response.content) == {find_report_font().regular.stem, *_bold_name()}
    # and the text reads back: every clause of the DOCX rows, the comment and the response
    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý" in text
    assert "Điều khoản Ý kiến góp ý (theo chủ đề) Tiếp thu / giải trình" in text
    rows = summary_rows(version)
    assert len(rows) == version.clauses.exclude(kind__in=["preamble", "chuong", "muc"]).count()
    for row in rows:
        assert row.clause in text
    assert "- Hợp tác xã Vận tải Xanh: Vốn năm tỷ đồng quá cao với hợp tác xã nhỏ." in text
    assert "Đồng ý: 0; không đồng ý: 1; 1 góp ý." in text
    assert "Giải trình: Giữ mức vốn để bảo đảm bồi thường." in text
    # and once published, anyone can download it
    actions.set_report_published(personas.lan, consultation, True)
    assert Client().get(url).status_code == 200


def _bold_name() -> set[str]:
    bold = find_report_font().bold
    return {bold.stem} if bold is not None else set()
