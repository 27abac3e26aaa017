"""In real Chromium: from the dashboard's open work to the reports page, pick a week, download
its summary as XLSX, and subscribe to it by e-mail."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from lantoa.core.testing.browser import log_in
from lantoa.core.testing.personas import Personas
from lantoa.reports.tests.factories import make_fortnight

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_downloads_a_past_week_and_subscribes(
    browser_page: Page, live_server: object, personas: Personas
) -> None:
    page = browser_page
    base_url = str(live_server)
    make_fortnight(personas, personas.hanoi)
    personas.lan.email = "lan@hanoi.lantoa.invalid"
    personas.lan.save()

    log_in(page, base_url, "lan", "mat-khau-thu-nghiem")
    expect(page.get_by_role("heading", name="Cần xử lý")).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Báo cáo").click()
    page.goto(f"{base_url}/bao-cao/?week=2025-W07")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Báo cáo tuần 2025-W07: Thành phố Hà Nội"
    )
    expect(page.get_by_text("Trong tuần có 4 tin bài")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Tải XLSX").click()
    download = download_info.value
    assert download.suggested_filename == "lantoa-bao-cao-tuan-2025-W07.xlsx"
    with open(download.path(), "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    assert sheet is not None
    assert sheet["A1"].value == "Báo cáo tuần 2025-W07: Thành phố Hà Nội"

    page.get_by_role("button", name="Nhận báo cáo tuần tổng hợp qua thư điện tử").click()
    expect(page.get_by_text("lan@hanoi.lantoa.invalid mỗi sáng thứ Hai")).to_be_visible()
    expect(page.get_by_role("button", name="Thôi nhận qua thư")).to_be_visible()
