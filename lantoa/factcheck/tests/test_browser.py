"""The end-to-end fact-check flow in headless Chromium: a citizen's tip, a checker's verdict, the
tipster's e-mail, the public page and RSS, and a later ingested variant linked to the claim."""

import time

import pytest
from playwright.sync_api import Page

from lantoa.content.pipeline import process_stored_items
from lantoa.core.testing.browser import log_in
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.factcheck.models import ClaimItem, Tip
from lantoa.factcheck.tests.factories import make_claim
from lantoa.monitoring.models import Alert, AlertKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wait_for_mail(server: LocalSmtp, count: int) -> None:
    deadline = time.monotonic() + 10
    while len(server.messages) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def test_tip_verdict_email_public_page_and_spreading_again(
    browser_page: Page, live_server: object, personas: Personas, smtp_server: LocalSmtp
) -> None:
    base = str(live_server)
    claim = make_claim(owner=personas.hanoi)
    page = browser_page

    # A citizen, not logged in, reports the rumour
    page.goto(f"{base}/kiem-chung/gui-tin/")
    page.get_by_label("Cơ quan tiếp nhận").select_option(str(personas.hanoi.pk))
    page.get_by_label("Lĩnh vực").select_option("policy")
    page.get_by_label("Nội dung thông tin cần kiểm chứng").fill(
        "Người dân phải nộp phí 500.000 đồng khi đổi căn cước mới từ ngày 1/7 😱 #cancuoc"
    )
    page.get_by_label("Thư điện tử để nhận kết quả").fill("cong.dan@example.vn")
    page.get_by_label("Tôi muốn được báo kết quả kiểm chứng").check()
    page.get_by_role("button", name="Gửi tin báo").click()
    assert "đã nhận tin báo" in page.get_by_role("heading", level=1).inner_text()
    assert Tip.objects.get().claim_id == claim.pk

    # Lan opens the claim from the navigation and issues a "false" verdict
    log_in(page, base, "lan", "mat-khau-thu-nghiem")
    page.get_by_role("navigation").get_by_role("link", name="Tin giả").click()
    page.get_by_role("link", name=claim.statement[:40]).click()
    page.get_by_label("Kết luận").select_option("false")
    page.get_by_label("Giải thích").fill("Không có mức phí này; lệ phí do Bộ Tài chính quy định.")
    page.get_by_role("button", name="Công bố kết luận").click()

    # The tipster gets the e-mail
    _wait_for_mail(smtp_server, 1)
    assert smtp_server.recipients() == ["cong.dan@example.vn"]

    # The public list, verdict page and RSS show it
    page.goto(f"{base}/kiem-chung/")
    page.get_by_role("link", name=claim.statement[:40]).click()
    assert page.locator(".verdict").first.inner_text() == "Sai sự thật"
    feed = page.request.get(f"{base}/kiem-chung/rss/").text()
    assert f"/kiem-chung/{claim.slug}/" in feed

    # A later ingested variant is linked and raises the alert; the claim page counts it
    item = make_item(
        source=make_source(owner=personas.hanoi),
        title="Đổi căn cước mới phải nộp 500.000 đồng từ 1/7",
        text="tu ngay 1/7 nguoi dan phai nop phi 500.000 dong khi doi can cuoc moi #share",
    )
    process_stored_items([item.pk])
    assert ClaimItem.objects.filter(claim=claim, item=item).exists()
    assert Alert.objects.filter(kind=AlertKind.CLAIM_MATCH, owner=personas.hanoi).count() == 1
    page.goto(f"{base}/tin-gia/nhan-dinh/{claim.pk}/")
    assert page.get_by_role(
        "link", name="Đổi căn cước mới phải nộp 500.000 đồng từ 1/7"
    ).is_visible()
    assert page.locator(".factcheck-per-day td").nth(1).inner_text() == "1"
