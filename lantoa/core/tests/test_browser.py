"""Browser smoke test: a person logs in, opens the item list and reads an item, in real Chromium.

Playwright drives Debian's `chromium` (no browser download). Outside CI a missing Chromium skips;
in CI (`CI=true`) it fails, since `.ci/run` installs it.
"""

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("LANTOA_CHROMIUM") or shutil.which("chromium")
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is required in CI (make browser-deps installs it).")
    pytest.skip("Chromium is not installed (make browser-deps).")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # beside it are synchronous and safe. Restored afterwards so no other test inherits it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="vi-VN")
    yield context.new_page()
    context.close()


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_officer_logs_in_lists_items_and_reads_one(
    page: Page, live_server: object, personas: Personas
) -> None:
    base_url = str(live_server)
    source = make_source(owner=personas.hanoi, name="Báo Thủ đô thử nghiệm")
    make_item(source=source, title="Hà Nội mở rộng dịch vụ công trực tuyến toàn trình")
    make_item(
        source=source,
        title="Người dân phản ánh thủ tục còn chậm",
        text="Nhiều người dân cho biết thủ tục cấp phép còn chậm.\n\nSở đã tiếp thu.",
    )

    log_in(page, base_url, "lan", "mat-khau-thu-nghiem")
    page.get_by_role("navigation").get_by_role("link", name="Tin bài").click()
    page.get_by_role("link", name="Người dân phản ánh thủ tục còn chậm").click()

    assert (
        page.get_by_role("heading", level=1).inner_text() == "Người dân phản ánh thủ tục còn chậm"
    )
    assert "Sở đã tiếp thu." in page.locator(".text").inner_text()
    assert "Báo Thủ đô thử nghiệm" in page.locator("dl.meta").inner_text()


def test_wrong_password_shows_a_clear_vietnamese_error(
    page: Page, live_server: object, personas: Personas
) -> None:
    log_in(page, str(live_server), "lan", "sai-mat-khau")

    assert page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.").is_visible()
