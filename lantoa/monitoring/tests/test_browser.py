"""In real Chromium: create a topic, open its dashboard and see the charts render, run a search
and download the XLSX export."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from lantoa.core.testing.browser import log_in
from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import make_analysed_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_creates_a_topic_sees_charts_searches_and_exports(
    browser_page: Page, live_server: object, personas: Personas
) -> None:
    page = browser_page
    base_url = str(live_server)
    source = make_source(owner=personas.hanoi, name="Báo Thủ đô thử nghiệm")
    ids = [
        make_analysed_item(
            source=source,
            title=f"Học phí năm học mới, ý kiến số {n}",
            text="Phụ huynh bàn về học phí.",
            sentiment="negative" if n % 2 else "neutral",
            analysis={"provinces": ["Hà Nội"], "keywords": ["học phí"]},
            published_at=timezone.now() - timedelta(days=n % 20, hours=1),
        ).pk
        for n in range(30)
    ]
    process_new_items(ids)

    log_in(page, base_url, "lan", "mat-khau-thu-nghiem")
    page.get_by_role("navigation").get_by_role("link", name="Chủ đề theo dõi").click()
    page.get_by_role("link", name="Thêm chủ đề").click()
    page.get_by_label("Tên chủ đề").fill("Học phí")
    page.get_by_label("Truy vấn").fill("hoc phi")
    page.get_by_role("button", name="Tạo chủ đề").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Học phí")
    expect(page.locator("#backfill")).to_contain_text("30 tin thuộc chủ đề")
    page.reload()
    for chart in ("volume", "sentiment", "sources", "provinces"):
        expect(page.locator(f"#chart-{chart}")).to_have_attribute("data-rendered", "true")
    expect(page.locator("#chart-volume .main-svg").first).to_be_visible()

    page.goto(f"{base_url}/giam-sat/tim-kiem/")
    page.get_by_label("Truy vấn").fill('"học phí" NOT "tuyển sinh"')
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_text("30 kết quả")).to_be_visible()
    expect(page.locator("mark").first).to_have_text("Học phí")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Xuất Excel (XLSX)").click()
    download = download_info.value
    path = download.path()
    assert download.suggested_filename.endswith(".xlsx")
    with open(path, "rb") as handle:
        sheet = load_workbook(io.BytesIO(handle.read())).active
    assert sheet is not None
    assert sheet.max_row == 31
