"""End to end in headless Chromium: a province drafts a plan with activities and budget, submits
it, its leader approves, and the parent's compliance board shows it issued, with an overdue
activity flagged and an XLSX export that reads back in Vietnamese."""

from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page

from lantoa.accounts.models import OrganizationType, Role
from lantoa.core.testing.browser import log_in
from lantoa.core.testing.factories import make_organization, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem"


def _new_page(browser: Browser) -> Page:
    return browser.new_context(locale="vi-VN", accept_downloads=True).new_page()


def test_plan_from_draft_to_the_parents_board(browser: Browser, live_server: object) -> None:
    base = str(live_server)
    year = timezone.localdate().year
    yesterday = timezone.localdate() - timedelta(days=1)
    centre = make_organization(
        name="Chính phủ", code="chinh-phu-e2e", type=OrganizationType.MINISTRY
    )
    province = make_organization(name="Tỉnh Lào Cai", code="lao-cai-e2e", parent=centre)
    make_organization(name="Tỉnh Điện Biên", code="dien-bien-e2e", parent=centre)
    make_user(username="can-bo", role=Role.OFFICER, organization=province)
    make_user(username="lanh-dao", role=Role.LEADER, organization=province)
    make_user(username="quan-tri", role=Role.ADMINISTRATOR, organization=centre)

    officer = _new_page(browser)
    log_in(officer, base, "can-bo", PASSWORD)
    officer.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Kế hoạch"
    ).click()
    officer.get_by_role("link", name="Tạo kế hoạch").click()
    officer.get_by_label("Năm").fill(str(year))
    officer.get_by_label("Tên kế hoạch").fill(f"Kế hoạch truyền thông chính sách năm {year}")
    officer.get_by_role("button", name="Lưu").click()
    plan_url = officer.url

    officer.get_by_role("link", name="Thêm hoạt động").click()
    officer.get_by_label("Tên hoạt động").fill("Phát thanh tiếng Mông trên loa xã")
    officer.get_by_label("Giai đoạn chính sách").select_option(label="Ban hành")
    officer.get_by_label("Đồng bào dân tộc thiểu số").check()
    officer.get_by_label("Loa truyền thanh cơ sở").check()
    officer.get_by_label("Bắt đầu").fill(f"{yesterday - timedelta(days=10):%Y-%m-%d}")
    officer.get_by_label("Kết thúc").fill(f"{yesterday:%Y-%m-%d}")
    officer.get_by_role("button", name="Lưu").click()
    officer.get_by_label("Nguồn kinh phí").select_option(label="Ngân sách nhà nước")
    officer.get_by_label("Dự toán (đồng)").fill("35000000")
    officer.get_by_role("button", name="Lưu kinh phí").click()
    assert "35.000.000 đ" in officer.locator("table.budget").inner_text()
    officer.goto(plan_url)
    assert officer.locator("tr.is-overdue .overdue").inner_text() == "Quá hạn"
    officer.get_by_role("button", name="Trình phê duyệt").click()
    assert officer.locator("#plan-status").inner_text() == "Đã trình"

    leader = _new_page(browser)
    log_in(leader, base, "lanh-dao", PASSWORD)
    leader.goto(plan_url)
    leader.get_by_label("Số văn bản phê duyệt").fill("125/KH-UBND")
    leader.get_by_label("Ngày văn bản").fill(f"{year}-01-20")
    leader.get_by_role("button", name="Phê duyệt", exact=True).click()
    assert leader.locator("#plan-status").inner_text() == "Đã phê duyệt"

    centre_page = _new_page(browser)
    log_in(centre_page, base, "quan-tri", PASSWORD)
    centre_page.goto(f"{base}/ke-hoach/tien-do/?parent={centre.pk}&year={year}")
    assert centre_page.locator(".compliance-count .figure").inner_text() == "1/2 tỉnh, thành phố"
    issued_row = centre_page.locator("table.board tr.issued")
    assert "Tỉnh Lào Cai" in issued_row.inner_text()
    assert "Đúng hạn" in issued_row.inner_text()
    with centre_page.expect_download() as download:
        centre_page.get_by_role("link", name="Xuất Excel").click()
    assert download.value.suggested_filename == f"ke-hoach-{year}-chinh-phu-e2e.xlsx"
    with open(download.value.path(), "rb") as saved:  # no extension: openpyxl wants a stream
        sheet = openpyxl.load_workbook(saved).active
    assert sheet is not None
    assert sheet["A1"].value == (
        f"Tình hình ban hành kế hoạch truyền thông chính sách năm {year} — Chính phủ"
    )
    assert "Tỉnh Lào Cai" in [cell.value for cell in sheet["B"]]
