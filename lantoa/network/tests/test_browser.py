"""The issue's end-to-end flow in real Chromium: import, list, draft → approve → distribute
through a real local SMTP server, bounces and clicks, the report, and the embargo."""

from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from lantoa.accounts.models import Role
from lantoa.core.testing.browser import log_in
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.actions.distribution import record_bounce
from lantoa.network.models import Contact, Delivery, Release
from lantoa.network.tests.factories import journalist_rows, make_outlet, xlsx_bytes
from lantoa.network.tests.test_distribution import _dsn


@pytest.fixture
def page(browser_page: Page) -> Page:
    """The shared Chromium page (``lantoa.core.testing.browser``) under this suite's name."""
    return browser_page


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem"


def _upload(page: Page, base_url: str, path: Path) -> None:
    page.goto(f"{base_url}/mang-luoi/nhap/")
    page.get_by_label("Tệp danh bạ").set_input_files(str(path))
    page.get_by_role("button", name="Xem trước").click()


def test_import_list_release_distribution_report_and_embargo(
    browser: Browser,
    page: Page,
    live_server: object,
    personas: Personas,
    smtp_server: LocalSmtp,
    tmp_path: Path,
) -> None:
    base_url = str(live_server)
    make_outlet("Báo Sức khỏe thử nghiệm")
    leader = make_user(username="lanh-dao", role=Role.LEADER, organization=personas.hanoi)
    rows = journalist_rows(200, outlet="Báo Sức khỏe thử nghiệm")
    good = [list(row) for row in rows]
    rows[9][7], rows[49][5], rows[149][3] = "sai-email", "Tỉnh Không Có", "Báo Không Có"
    (tmp_path / "loi.xlsx").write_bytes(xlsx_bytes(rows))
    (tmp_path / "dung.xlsx").write_bytes(xlsx_bytes(good))
    log_in(page, base_url, "lan", PASSWORD)

    # Import: 3 bad rows are reported and nothing is imported until the file is fixed.
    page.get_by_role("navigation").get_by_role("link", name="Mạng lưới").click()
    _upload(page, base_url, tmp_path / "loi.xlsx")
    errors = page.locator("table.import-errors tbody tr")
    assert errors.count() == 3
    assert errors.nth(0).inner_text().split("\t")[:2] == ["11", "Thư điện tử"]
    assert page.get_by_role("button", name="Nhập vào danh bạ").count() == 0
    assert Contact.objects.count() == 0
    _upload(page, base_url, tmp_path / "dung.xlsx")
    page.get_by_role("button", name="Nhập vào danh bạ").click()
    assert page.get_by_text("Đã nhập 200 đầu mối mới, gộp 0.").is_visible()

    # A dynamic list: health-beat journalists covering Hà Nội (every third row: 66).
    page.goto(f"{base_url}/mang-luoi/danh-sach/")
    page.get_by_label("Tên danh sách").fill("Phóng viên y tế Hà Nội")
    page.get_by_label("Lĩnh vực").select_option(["y-te"])
    page.get_by_label("Địa bàn").select_option(["HN"])
    page.get_by_role("button", name="Tạo danh sách").click()
    assert "66" in page.get_by_role("row", name="Phóng viên y tế Hà Nội").inner_text()

    # Draft with an embargo two hours ahead, submit; the leader approves.
    page.goto(f"{base_url}/mang-luoi/thong-cao/")
    page.get_by_label("Tiêu đề", exact=True).fill("Hà Nội tiêm chủng mở rộng")
    page.get_by_label("Nội dung").fill("Từ tháng sau, Hà Nội mở thêm 30 điểm tiêm.")
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.get_by_role("button", name="Gửi lãnh đạo duyệt").click()
    release = Release.objects.get()
    Release.objects.filter(pk=release.pk).update(
        embargo_until=release.created_at + timedelta(hours=2)
    )
    release_url = page.url
    leader_page = browser.new_context(locale="vi-VN").new_page()
    log_in(leader_page, base_url, leader.username, PASSWORD)
    leader_page.goto(release_url)
    leader_page.get_by_role("button", name="Duyệt").click()
    assert leader_page.locator(".release-status").inner_text() == "Đã duyệt"
    leader_page.context.close()

    # Distribute to the list through the real local SMTP server.
    page.reload()
    page.get_by_label("Phóng viên y tế Hà Nội").check()
    page.get_by_role("button", name="Gửi thông cáo").click()
    assert page.locator('[data-key="sent"]').inner_text() == "66"
    assert len(set(smtp_server.recipients())) == 66

    # Bounces and clicks, then the report.
    first, second, third = Delivery.objects.order_by("id")[:3]
    assert record_bounce(_dsn(first.token, first.email)).outcome == "bounced"
    visitor = browser.new_context(locale="vi-VN").new_page()
    visitor.goto(f"{base_url}/t/{second.token}/")
    assert "Thông tin cấm đăng trước" in visitor.content()
    visitor.get_by_role("button", name="Xác nhận đã nhận thông tin").click()
    visitor.goto(f"{base_url}/t/{third.token}/")
    page.reload()
    report = {
        key: page.locator(f'[data-key="{key}"]').inner_text()
        for key in ("total", "sent", "bounced", "clicked", "acknowledged")
    }
    assert report == {
        "total": "66",
        "sent": "65",
        "bounced": "1",
        "clicked": "2",
        "acknowledged": "1",
    }

    # Embargoed: not on the public press page until its time.
    visitor.goto(f"{base_url}/bao-chi/")
    assert "Hà Nội tiêm chủng mở rộng" not in visitor.content()
    Release.objects.filter(pk=release.pk).update(embargo_until=release.created_at)
    visitor.goto(f"{base_url}/bao-chi/")
    visitor.get_by_role("link", name="Hà Nội tiêm chủng mở rộng").click()
    assert visitor.get_by_role("heading", level=1).inner_text() == "Hà Nội tiêm chủng mở rộng"
    visitor.context.close()
