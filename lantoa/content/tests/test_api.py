"""The JSON API: bearer tokens, pagination, filters and the same scoping as the pages."""

from django.test import Client

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.sources.models import SourceStatus


def _auth(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"}


def test_requests_without_a_valid_token_get_401(client: Client, db: None) -> None:
    assert client.get("/api/v1/items/").status_code == 401
    assert (
        client.get("/api/v1/items/", headers={"Authorization": "Bearer lnt_wrong"}).status_code
        == 401
    )


def test_token_of_a_deactivated_user_is_refused(client: Client, personas: Personas) -> None:
    headers = _auth(personas.lan)
    personas.lan.is_active = False
    personas.lan.save()

    assert client.get("/api/v1/items/", headers=headers).status_code == 401


def test_items_are_paginated_with_a_total_count(client: Client, personas: Personas) -> None:
    source = make_source(owner=personas.hanoi)
    for _ in range(7):
        make_item(source=source)

    body = client.get("/api/v1/items/?page=2&page_size=3", headers=_auth(personas.lan)).json()

    assert body["count"] == 7
    assert body["page"] == 2
    assert len(body["items"]) == 3


def test_page_size_above_the_limit_is_refused_with_422(client: Client, personas: Personas) -> None:
    response = client.get("/api/v1/items/?page_size=5000", headers=_auth(personas.lan))

    assert response.status_code == 422


def test_items_filter_by_source_and_respect_scoping(client: Client, personas: Personas) -> None:
    hanoi_source = make_source(owner=personas.hanoi)
    other_hanoi_source = make_source(owner=personas.hanoi)
    make_item(source=hanoi_source)
    make_item(source=other_hanoi_source)
    hue_item = make_item(source=make_source(owner=personas.hue))
    headers = _auth(personas.lan)

    filtered = client.get(f"/api/v1/items/?source_id={hanoi_source.pk}", headers=headers).json()
    everything = client.get("/api/v1/items/", headers=headers).json()

    assert [i["source_id"] for i in filtered["items"]] == [hanoi_source.pk]
    assert everything["count"] == 2
    assert client.get(f"/api/v1/items/{hue_item.pk}", headers=headers).status_code == 404


def test_denied_api_write_returns_404_and_changes_nothing(
    client: Client, personas: Personas
) -> None:
    hue_source = make_source(owner=personas.hue, name="Cổng thông tin Huế")

    response = client.patch(
        f"/api/v1/sources/{hue_source.pk}",
        data={"status": "paused"},
        content_type="application/json",
        headers=_auth(personas.lan),
    )

    assert response.status_code == 404
    hue_source.refresh_from_db()
    assert hue_source.status == SourceStatus.ACTIVE


def test_analyst_write_on_a_visible_source_is_forbidden(client: Client, personas: Personas) -> None:
    source = make_source(owner=personas.hanoi_department, name="Trang Sở")

    response = client.patch(
        f"/api/v1/sources/{source.pk}",
        data={"name": "Tên mới"},
        content_type="application/json",
        headers=_auth(personas.ha),
    )

    assert response.status_code == 403
    assert "không có quyền" in response.json()["detail"]
    source.refresh_from_db()
    assert source.name == "Trang Sở"


def test_officer_pauses_own_source_through_the_api(client: Client, personas: Personas) -> None:
    source = make_source(owner=personas.hanoi)

    response = client.patch(
        f"/api/v1/sources/{source.pk}",
        data={"status": "paused"},
        content_type="application/json",
        headers=_auth(personas.lan),
    )

    assert response.status_code == 200
    assert response.json()["status"] == "paused"


def test_organisations_directory_lists_reference_bodies(client: Client, personas: Personas) -> None:
    body = client.get("/api/v1/organizations/?type=province", headers=_auth(personas.lan)).json()

    assert {"Thành phố Hà Nội", "Thành phố Huế"} <= {o["name"] for o in body["items"]}


def test_openapi_schema_is_served(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/items/" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200
