"""Abuse: flooding is throttled per address and device, bad attachments are refused, text escaped."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lantoa.core.testing.personas import Personas
from lantoa.factcheck import screening
from lantoa.factcheck.models import Tip
from lantoa.factcheck.tests.factories import PNG, make_claim

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _tip(personas: Personas, **extra: object) -> dict[str, object]:
    return {
        "owner": personas.hanoi.pk,
        "category": "health",
        "text": "Có tin đồn uống nước chanh nóng chữa khỏi ung thư giai đoạn cuối",
        "website": "",
        **extra,
    }


def test_flooding_from_one_address_is_throttled_and_other_people_are_not(
    personas: Personas,
) -> None:
    # Given a client that has used its allowance from one address
    flooder = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(screening.TIPS_PER_WINDOW):
        assert flooder.post(reverse("factcheck:tip_form"), _tip(personas)).status_code == 200

    # When it sends one more, even with a fresh device cookie
    flooder.cookies.clear()
    response = flooder.post(reverse("factcheck:tip_form"), _tip(personas))

    # Then it gets 429 with a clear Vietnamese message and nothing more is stored
    assert response.status_code == 429
    assert "quá nhiều tin báo" in response.content.decode()
    assert Tip.objects.count() == screening.TIPS_PER_WINDOW

    # And another address is unaffected, as are the public pages
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.post(reverse("factcheck:tip_form"), _tip(personas)).status_code == 200
    assert flooder.get(reverse("factcheck:public_list")).status_code == 200
    assert Tip.objects.count() == screening.TIPS_PER_WINDOW + 1


def test_one_device_is_throttled_across_addresses(personas: Personas) -> None:
    client = Client()
    client.get(reverse("factcheck:tip_form"))  # receives the device cookie
    for n in range(screening.TIPS_PER_WINDOW):
        client.defaults["REMOTE_ADDR"] = f"192.0.2.{n + 1}"
        assert client.post(reverse("factcheck:tip_form"), _tip(personas)).status_code == 200
    client.defaults["REMOTE_ADDR"] = "192.0.2.200"
    assert client.post(reverse("factcheck:tip_form"), _tip(personas)).status_code == 429


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh.png", b"MZ\x90\x00 an executable named like a picture", "Chỉ nhận ảnh"),
        ("tai-lieu.pdf", b"<html><script>alert(1)</script></html>", "Chỉ nhận ảnh"),
        ("lon.png", PNG + b"\x00" * (screening.MAX_ATTACHMENT_BYTES + 1), "Tệp quá lớn"),
    ],
)
def test_disguised_or_oversized_attachments_are_rejected(
    personas: Personas, name: str, content: bytes, message: str
) -> None:
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = Client().post(reverse("factcheck:tip_form"), _tip(personas, screenshot=upload))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Tip.objects.count() == 0


def test_a_real_png_is_accepted_and_stored_under_a_safe_name(personas: Personas) -> None:
    upload = SimpleUploadedFile("<b>x</b>.exe", PNG, content_type="application/octet-stream")
    response = Client().post(reverse("factcheck:tip_form"), _tip(personas, screenshot=upload))
    assert response.status_code == 200
    assert Tip.objects.get().screenshot.name.endswith(".png")


def test_spam_is_refused(personas: Personas) -> None:
    links = " ".join(f"https://lua-dao-{n}.example" for n in range(5))
    response = Client().post(reverse("factcheck:tip_form"), _tip(personas, text="Xem " + links))
    assert response.status_code == 400
    hidden = Client().post(reverse("factcheck:tip_form"), _tip(personas, website="bot"))
    assert hidden.status_code == 400
    assert Tip.objects.count() == 0


def test_stored_text_is_escaped_on_every_page(personas: Personas) -> None:
    claim = make_claim(
        owner=personas.hanoi,
        statement=f"Tin đồn {XSS}",
        explanation=XSS,
        status="verdict",
        verdict="false",
        evidence=f"https://a.vn/{XSS}",
    )
    claim.published_at = claim.created_at
    claim.save()
    Client().post(reverse("factcheck:tip_form"), _tip(personas, text=f"Tin báo {XSS}"))
    tip = Tip.objects.get()
    staff = Client()
    staff.force_login(personas.lan)
    pages = [
        Client().get(reverse("factcheck:public_verdict", args=[claim.slug])),
        Client().get(reverse("factcheck:public_list")),
        Client().get(reverse("factcheck:feed")),
        staff.get(reverse("factcheck:claim_list")),
        staff.get(reverse("factcheck:claim", args=[claim.pk])),
        staff.get(reverse("factcheck:tip_list")),
        staff.get(reverse("factcheck:tip", args=[tip.pk])),
    ]
    for page in pages:
        assert page.status_code == 200
        body = page.content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body
