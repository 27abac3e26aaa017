"""Release attachments: attached to the e-mails under the size cap, linked above it, and
downloadable from the public page only once the embargo has passed."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.accounts.models import Role
from lantoa.core.testing.factories import make_user
from lantoa.core.testing.personas import Personas
from lantoa.core.testing.smtp import LocalSmtp
from lantoa.network.actions import distribution
from lantoa.network.actions.directory import create_list
from lantoa.network.actions.releases import (
    add_attachment,
    approve_release,
    create_release,
    submit_release,
)
from lantoa.network.models import Delivery, ListKind, Release
from lantoa.network.tests.factories import make_contact

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 bang so lieu"


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def _approved_with_file(personas: Personas, **fields: object) -> Release:
    release = create_release(
        personas.lan, personas.hanoi, title="Số liệu quý", body="Xem tệp.", **fields
    )
    add_attachment(personas.lan, release, SimpleUploadedFile("so-lieu.pdf", PDF))
    submit_release(personas.lan, release)
    leader = make_user(role=Role.LEADER, organization=personas.hanoi)
    return approve_release(leader, release)


def _send(personas: Personas, release: Release) -> None:
    make_contact(owner=personas.hanoi, email="pv@bao.invalid")
    everyone = create_list(personas.lan, personas.hanoi, name="Tất cả", kind=ListKind.DYNAMIC)
    distribution.distribute_release(personas.lan, release, [everyone])
    distribution.send_pending(release.pk)


def test_small_attachments_travel_with_the_email(
    personas: Personas, smtp_server: LocalSmtp
) -> None:
    release = _approved_with_file(personas)
    _send(personas, release)
    message = smtp_server.messages[0].message
    parts = [(part.get_filename(), part.get_content()) for part in message.iter_attachments()]
    assert parts == [("so-lieu.pdf", PDF)]


def test_attachments_over_the_cap_become_recipient_links(
    personas: Personas, smtp_server: LocalSmtp, settings: object
) -> None:
    settings.RELEASE_ATTACHMENT_MAX_BYTES = 10  # type: ignore[attr-defined]
    release = _approved_with_file(personas, embargo_until=timezone.now() + timedelta(hours=2))
    _send(personas, release)
    received = smtp_server.messages[0]
    delivery = Delivery.objects.get()
    attachment = release.attachments.get()
    link = reverse("network:recipient_attachment", args=[delivery.token, attachment.pk])
    assert list(received.message.iter_attachments()) == []
    assert f"- so-lieu.pdf: {settings.LANTOA_PUBLIC_URL}{link}" in received.body_text()  # type: ignore[attr-defined]
    # The recipient may download during the embargo; the public may not.
    response = Client().get(link)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    public = reverse("network:public_attachment", args=[release.slug, attachment.pk])
    assert Client().get(public).status_code == 404


def test_public_page_links_the_file_after_the_embargo(personas: Personas) -> None:
    release = _approved_with_file(personas)
    attachment = release.attachments.get()
    public = reverse("network:public_attachment", args=[release.slug, attachment.pk])
    page = Client().get(reverse("network:public_release", args=[release.slug])).content.decode()
    assert f'href="{public}"' in page
    response = Client().get(public)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="so-lieu.pdf"'
