"""The draft-to-summary flow in headless Chromium: DOCX upload, a citizen verified through the
link in a real e-mail, moderation, version 2 carrying the comment, and the summary download."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from docx import Document
from playwright.sync_api import Browser, FilePayload, Page

from lantoa.consultation import survey_actions
from lantoa.consultation.models import Comment, CommentStatus, Consultation, SurveyResponse
from lantoa.consultation.tests.drafts import DRAFT_V1, DRAFT_V2
from lantoa.consultation.tests.factories import docx_bytes, make_consultation, make_participant
from lantoa.consultation.views import SESSION_KEY
from lantoa.core.testing.browser import log_in
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _file(name: str, text: str) -> FilePayload:
    return {"name": name, "mimeType": DOCX, "buffer": docx_bytes(text)}


def _local(moment: Any) -> str:
    return str(timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M"))


def _clause(page: Page, key: str) -> Any:
    return page.locator(f'section.clause[data-key="{key}"]')


def _upload_draft(page: Page, base: str) -> Consultation:
    page.goto(f"{base}/lay-y-kien/tao/")
    page.get_by_label("Tên dự thảo").fill("Dự thảo Nghị định về xe đạp điện công cộng")
    now = timezone.now()
    page.get_by_label("Mở lấy ý kiến").fill(_local(now - timedelta(hours=1)))
    page.get_by_label("Kết thúc").fill(_local(now + timedelta(days=30)))
    page.get_by_label("Tệp dự thảo (DOCX hoặc PDF)").set_input_files(
        _file("du-thao-v1.docx", DRAFT_V1)
    )
    page.get_by_role("button", name="Đăng và tách cấu trúc").click()
    page.wait_for_url(re.compile(r"/cau-truc/$"))
    return Consultation.objects.get()


def _verify_citizen(page: Page, detail: str, smtp: LocalSmtp) -> None:
    page.goto(detail)
    page.get_by_label("Thư điện tử").fill("dan@example.vn")
    page.get_by_label("Tên hiển thị").fill("Nguyễn Văn Dân")
    page.get_by_role("button", name="Gửi liên kết xác nhận").click()
    page.wait_for_selector("text=Đã gửi liên kết xác nhận")
    link = re.search(r"http://\S+", smtp.messages[-1].body_text())
    assert link is not None and smtp.messages[-1].rcpt_tos == ("dan@example.vn",)
    page.goto(link.group(0))
    page.wait_for_selector("text=Bạn góp ý với tên: Nguyễn Văn Dân")


def _comment(page: Page, key: str, body: str) -> None:
    section = _clause(page, key)
    section.get_by_label("Góp ý", exact=True).fill(body)
    section.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()


def test_draft_to_summary_in_the_browser(
    browser: Browser, live_server: Any, personas: Personas, smtp_server: LocalSmtp, settings: Any
) -> None:
    base = str(live_server.url)
    settings.LANTOA_PUBLIC_URL = base
    staff = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    citizen = browser.new_context(locale="vi-VN").new_page()

    # given Lan uploads the DOCX draft through the create form
    log_in(staff, base, "lan", "mat-khau-thu-nghiem")
    consultation = _upload_draft(staff, base)
    assert consultation.owner == personas.hanoi
    assert "dieu-5.khoan-3" in staff.locator("body").inner_text()
    detail = f"{base}/lay-y-kien/{consultation.pk}/"

    # when a citizen verifies through the e-mailed link and comments on two clauses
    _verify_citizen(citizen, detail, smtp_server)
    _comment(citizen, "dieu-4.khoan-2", "Nên bắt buộc bảo hiểm cả khi người thuê dắt xe về trạm.")
    _comment(citizen, "dieu-3.khoan-1", "Bọn soạn thảo ngu như bò, đồ khốn nạn, cút hết đi")
    citizen.wait_for_selector("text=Góp ý của bạn đang chờ kiểm duyệt.")

    # then the first is on the public page, the insult is held
    citizen.goto(detail)
    assert "Nên bắt buộc bảo hiểm" in _clause(citizen, "dieu-4.khoan-2").inner_text()
    assert "Bọn soạn thảo" not in citizen.locator("body").inner_text()
    toxic = Comment.objects.get(body__startswith="Bọn soạn thảo")
    assert toxic.status == CommentStatus.HELD

    # when Lan hides it with a reason on the moderation page
    staff.goto(f"{detail}kiem-duyet/")
    held = staff.locator(f"#held-{toxic.pk}")
    held.get_by_label("Lý do").fill("Lời lẽ xúc phạm")
    held.get_by_role("button", name="Ẩn").click()
    staff.wait_for_selector("text=Không có góp ý nào chờ kiểm duyệt.")
    toxic.refresh_from_db()
    assert toxic.status == CommentStatus.HIDDEN and toxic.moderated_by == personas.lan
    assert "Lời lẽ xúc phạm" in smtp_server.messages[-1].body_text()

    # when she uploads version 2 (a new Điều 3 shifts the old Điều 4 to Điều 5)
    staff.get_by_role("link", name="Phiên bản mới").click()
    staff.get_by_label("Tệp dự thảo (DOCX hoặc PDF)").set_input_files(
        _file("du-thao-v2.docx", DRAFT_V2)
    )
    staff.get_by_role("button", name="Tải lên").click()
    staff.wait_for_url(re.compile(r"/cau-truc/$"))

    # then the citizen's comment sits on Điều 5 khoản 2, marked as made on version 1
    citizen.goto(detail)
    carried = _clause(citizen, "dieu-5.khoan-2").inner_text()
    assert "Nên bắt buộc bảo hiểm" in carried and "(góp ý trên phiên bản 1)" in carried

    # when Lan downloads the summary
    staff.goto(f"{detail}phan-tich/")
    with staff.expect_download() as download_info:
        staff.get_by_role("link", name="Tải báo cáo tổng hợp (DOCX)").click()
    path = download_info.value.path()
    document = Document(str(path))

    # then it reads back with the carried comment on the right row and without the insult
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    labels = [row[0] for row in rows]
    insurance_row = rows[labels.index("Điều 5, khoản 2")]
    assert "Nguyễn Văn Dân: Nên bắt buộc bảo hiểm" in insurance_row[1]
    assert "Bọn soạn thảo" not in "\n".join(row[1] for row in rows)


def test_survey_hides_the_conditional_question_until_its_answer(
    browser: Browser, live_server: Any, personas: Personas
) -> None:
    # given a survey whose second question shows only after "Không"
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    now = timezone.now()
    survey = survey_actions.create_survey(
        personas.lan,
        consultation,
        title="Khảo sát người dùng",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7),
    )
    uses = survey_actions.add_question(
        personas.lan, survey, kind="single", text="Bạn có dùng?", options=["Có", "Không"]
    )
    why = survey_actions.add_question(
        personas.lan, survey, kind="text", text="Vì sao không?", show_if=(uses, "Không")
    )
    participant = make_participant()
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    # a verified participant's session (the e-mail link is covered by the test above)
    page.goto(f"{live_server.url}/lay-y-kien/")
    store = SessionStore()
    store[SESSION_KEY] = participant.pk
    store.save()
    context.add_cookies(
        [{"name": "sessionid", "value": str(store.session_key), "url": str(live_server.url)}]
    )
    page.goto(f"{live_server.url}/lay-y-kien/khao-sat/{survey.pk}/")

    # then the reason is hidden until "Không" is chosen
    reason = page.locator(f"#question-{why.pk}")
    assert not reason.is_visible()
    page.get_by_role("radio", name="Không").check()
    assert reason.is_visible()
    page.get_by_label("Vì sao không?").fill("Giá thuê đắt")
    page.get_by_role("button", name="Gửi trả lời").click()
    page.wait_for_selector("text=Cảm ơn bạn đã trả lời khảo sát.")
    answers = SurveyResponse.objects.get(participant=participant).answers
    assert answers == {str(uses.pk): "Không", str(why.pk): "Giá thuê đắt"}
    context.close()
