"""Pages keep the same scoping as the API: drafts and private contacts stay in their province."""

import pytest
from django.test import Client
from django.urls import reverse

from lantoa.accounts.models import User
from lantoa.core.testing.personas import Personas
from lantoa.network.actions.directory import set_spokesperson
from lantoa.network.tests.factories import make_contact, make_release

pytestmark = pytest.mark.django_db


def _as(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_other_provinces_drafts_and_private_contacts_are_not_shown(personas: Personas) -> None:
    draft = make_release(owner=personas.hanoi, title="Dự thảo riêng của Hà Nội")
    make_contact(owner=personas.hanoi, full_name="Đầu mối riêng Hà Nội")
    binh = _as(personas.binh)

    assert binh.get(reverse("network:release", args=[draft.pk])).status_code == 404
    assert "Dự thảo riêng" not in binh.get(reverse("network:releases")).content.decode()
    assert "Đầu mối riêng" not in binh.get(reverse("network:directory")).content.decode()
    assert "Đầu mối riêng" in _as(personas.lan).get(reverse("network:directory")).content.decode()


def test_journalist_account_reaches_public_pages_only(personas: Personas) -> None:
    account = User.objects.create_user(username="nhabao", password="x")
    make_contact(owner=personas.hanoi, user=account)
    journalist = _as(account)

    assert journalist.get(reverse("network:directory")).status_code == 403
    assert journalist.get(reverse("network:releases")).status_code == 403
    assert journalist.get(reverse("network:press")).status_code == 200


def test_public_organisation_page_lists_its_spokesperson(personas: Personas) -> None:
    set_spokesperson(
        personas.lan,
        personas.hanoi,
        full_name="Nguyễn Văn An",
        title="Chánh Văn phòng",
        email="phatngon@hanoi.gov.vn",
        phone="0243 825 3536",
    )
    page = Client().get(reverse("network:organization", args=["ha-noi"])).content.decode()
    assert "Nguyễn Văn An" in page and "02438253536" in page and "phatngon@hanoi.gov.vn" in page


def test_export_downloads_the_visible_directory_as_xlsx(personas: Personas) -> None:
    make_contact(owner=personas.hanoi)
    response = _as(personas.lan).get(reverse("network:export", args=["xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="danh-ba.xlsx"'
    assert response.content[:2] == b"PK"
