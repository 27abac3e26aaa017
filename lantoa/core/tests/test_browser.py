"""Browser smoke test: a person logs in, opens the item list and reads an item, in real Chromium.

Playwright drives Debian's `chromium` (fixtures in ``lantoa.core.testing.browser``). Outside CI
a missing Chromium skips; in CI (`CI=true`) it fails, since `.ci/run` installs it.
"""

import pytest
from playwright.sync_api import Page

from lantoa.core.testing.browser import log_in
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_lists_items_and_reads_one(
    browser_page: Page, live_server: object, personas: Personas
) -> None:
    source = make_source(owner=personas.hanoi, name="Báo Thủ đô thử nghiệm")
    make_item(source=source, title="Hà Nội mở rộng dịch vụ công trực tuyến toàn trình")
    make_item(
        source=source,
        title="Người dân phản ánh thủ tục còn chậm",
        text="Nhiều người dân cho biết thủ tục cấp phép còn chậm.\n\nSở đã tiếp thu.",
    )

    log_in(browser_page, str(live_server), "lan", "mat-khau-thu-nghiem")
    browser_page.get_by_role("navigation").get_by_role("link", name="Tin bài").click()
    browser_page.get_by_role("link", name="Người dân phản ánh thủ tục còn chậm").click()

    heading = browser_page.get_by_role("heading", level=1).inner_text()
    assert heading == "Người dân phản ánh thủ tục còn chậm"
    assert "Sở đã tiếp thu." in browser_page.locator(".text").inner_text()
    assert "Báo Thủ đô thử nghiệm" in browser_page.locator("dl.meta").inner_text()


def test_wrong_password_shows_a_clear_vietnamese_error(
    browser_page: Page, live_server: object, personas: Personas
) -> None:
    log_in(browser_page, str(live_server), "lan", "sai-mat-khau")

    assert browser_page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.").is_visible()
