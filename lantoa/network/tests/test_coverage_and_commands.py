"""Coverage links, and the bounce/send commands."""

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.actions.coverage import find_coverage
from lantoa.network.models import Coverage, Delivery, DeliveryStatus, ReleaseStatus
from lantoa.network.tests.factories import make_contact, make_release

pytestmark = pytest.mark.django_db

BODY = (
    "Ủy ban nhân dân thành phố Hà Nội thông báo từ ngày 1 tháng 12 người dân có thể nộp hồ sơ "
    "cấp đổi giấy phép lái xe trực tuyến toàn trình trên Cổng dịch vụ công quốc gia, không phải "
    "đến trực tiếp bộ phận một cửa, lệ phí được giảm một nửa trong năm đầu áp dụng."
)


def test_items_citing_the_link_or_reprinting_the_text_are_linked_once(
    personas: Personas,
) -> None:
    release = make_release(
        owner=personas.hanoi,
        body=BODY,
        status=ReleaseStatus.APPROVED,
        approved_at=timezone.now() - timedelta(hours=1),
    )
    source = make_source(owner=personas.hanoi)
    path = reverse("network:public_release", args=[release.slug])
    cites = make_item(
        source=source,
        text=f"Xem thông cáo tại https://lantoa.vn{path}",
        published_at=timezone.now(),
    )
    reprint = make_item(source=source, text="Theo UBND: " + BODY, published_at=timezone.now())
    make_item(source=source, text="Giá vàng hôm nay tăng mạnh.", published_at=timezone.now())

    assert find_coverage(release) == 2
    assert find_coverage(release) == 0
    assert dict(Coverage.objects.values_list("item_id", "method")) == {
        cites.pk: "link",
        reprint.pk: "near_duplicate",
    }


def test_bounce_command_counts_outcomes(personas: Personas, tmp_path: Path) -> None:
    release = make_release(owner=personas.hanoi)
    contact = make_contact(owner=personas.hanoi)
    delivery = Delivery.objects.create(release=release, contact=contact, email=contact.email)
    bounce = tmp_path / "bounce.eml"
    bounce.write_bytes(
        (
            "Content-Type: multipart/report; report-type=delivery-status; boundary=B\r\n\r\n"
            "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\n"
            f"Final-Recipient: rfc822; {contact.email}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            f"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <lantoa.{delivery.token}@x>"
            "\r\n\r\n--B--\r\n"
        ).encode()
    )
    out = StringIO()
    call_command("network_bounces", str(bounce), "--json", stdout=out)

    assert json.loads(out.getvalue()) == {"bounced": 1, "ignored": 0, "unmatched": 0}
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.BOUNCED
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("network_bounces", str(tmp_path / "khong-co.eml"))


def test_send_command_sends_pending(personas: Personas, smtp_server: LocalSmtp) -> None:
    release = make_release(owner=personas.hanoi)
    for _ in range(3):
        contact = make_contact(owner=personas.hanoi)
        Delivery.objects.create(release=release, contact=contact, email=contact.email)
    out = StringIO()
    call_command("network_send", "--json", stdout=out)
    assert json.loads(out.getvalue())["sent"] == 3
    assert len(smtp_server.recipients()) == 3
