"""Shared browser-test fixtures (a pytest plugin): headless Debian Chromium driven by Playwright.

Outside CI a missing Chromium skips; in CI (`CI=true`) it fails, since `.ci/run` installs it.
Use with ``pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]`` and the
``live_server`` fixture; ``log_in`` signs a persona in through the real login form.
"""

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

__all__ = ["CHROMIUM_FLAGS", "browser", "browser_page", "chromium_path", "log_in"]

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
def browser_page(browser: Browser) -> Iterator[Page]:
    """A fresh Vietnamese-locale page (own cookies) per test."""
    context = browser.new_context(locale="vi-VN")
    yield context.new_page()
    context.close()


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
