"""In real Chromium: a registered journalist asks through the public form, a Hà Nội officer
answers and publishes, and the answer appears on the organisation's public page."""

import pytest
from playwright.sync_api import Browser, Page

from lantoa.accounts.models import User
from lantoa.core.testing.browser import log_in
from lantoa.core.testing.personas import Personas
from lantoa.network.models import PressQuestion
from lantoa.network.tests.factories import make_contact, make_outlet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem"


def test_journalist_question_answered_and_published(
    browser: Browser, browser_page: Page, live_server: object, personas: Personas
) -> None:
    base_url = str(live_server)
    account = User.objects.create_user(username="nha-bao-vu", password=PASSWORD)
    make_contact(
        owner=personas.hanoi,
        user=account,
        full_name="Vũ Thanh Hà",
        outlet=make_outlet("Báo Đô thị thử nghiệm"),
    )

    # The journalist asks.
    journalist = browser_page
    log_in(journalist, base_url, "nha-bao-vu", PASSWORD)
    journalist.goto(f"{base_url}/bao-chi/hoi/")
    journalist.get_by_label("Cơ quan muốn hỏi").select_option(value=str(personas.hanoi.pk))
    journalist.get_by_label("Vấn đề").fill("Cải tạo hồ Thành Công")
    journalist.get_by_label("Câu hỏi").fill("Khi nào hồ mở lại cho người dân?")
    journalist.get_by_role("button", name="Gửi câu hỏi").click()
    mine = journalist.locator("table.my-questions tbody tr")
    assert mine.count() == 1
    assert "Đang xử lý" in mine.first.inner_text()

    # Lan (officer of Hà Nội) answers, then publishes.
    officer = browser.new_context(locale="vi-VN").new_page()
    log_in(officer, base_url, "lan", PASSWORD)
    officer.goto(f"{base_url}/mang-luoi/cau-hoi/")
    officer.get_by_role("link", name="Cải tạo hồ Thành Công").click()
    officer.get_by_label("Nội dung trả lời").fill("Hồ mở lại từ ngày 30/4.")
    officer.get_by_role("button", name="Lưu câu trả lời").click()
    assert officer.locator(".question-status").inner_text() == "Đã trả lời"
    officer.get_by_role("button", name="Công bố câu trả lời").click()
    assert officer.locator(".question-status").inner_text() == "Đã trả lời · đã công bố"
    officer.context.close()

    # The public page shows it; the journalist sees the answer in their list.
    visitor = browser.new_context(locale="vi-VN").new_page()
    visitor.goto(f"{base_url}/bao-chi/co-quan/ha-noi/")
    answer = visitor.locator(".public-answer")
    assert answer.locator("h3").inner_text() == "Cải tạo hồ Thành Công"
    assert "Hồ mở lại từ ngày 30/4." in answer.inner_text()
    visitor.context.close()
    journalist.reload()
    assert "Hồ mở lại từ ngày 30/4." in mine.first.inner_text()
    assert PressQuestion.objects.get().channel == "web"
