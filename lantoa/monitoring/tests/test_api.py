"""Monitoring API: topics (create with query errors, scoping), trend, search, alerts."""

from django.test import Client

from lantoa.accounts.models import ApiToken, User
from lantoa.core.testing.factories import make_item, make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.models import Topic
from lantoa.monitoring.pipeline import process_new_items


def _auth(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"}


def test_topics_are_created_scoped_and_refused_with_the_parser_message(
    client: Client, personas: Personas
) -> None:
    ok = client.post(
        "/api/v1/monitoring/topics",
        {"name": "Học phí", "query": "học phí"},
        content_type="application/json",
        headers=_auth(personas.lan),
    )
    bad = client.post(
        "/api/v1/monitoring/topics",
        {"name": "Sai", "query": "tiêm AND"},
        content_type="application/json",
        headers=_auth(personas.lan),
    )
    denied = client.post(
        "/api/v1/monitoring/topics",
        {"name": "Phân tích", "query": "học phí"},
        content_type="application/json",
        headers=_auth(personas.ha),
    )

    assert ok.status_code == 201 and ok.json()["owner_id"] == personas.hanoi.pk
    assert (bad.status_code, bad.json()["detail"]) == (422, "Toán tử AND ở vị trí 6 thiếu vế phải.")
    assert denied.status_code == 403
    assert list(Topic.objects.values_list("name", flat=True)) == ["Học phí"]
    binh = client.get("/api/v1/monitoring/topics", headers=_auth(personas.binh)).json()
    assert binh["count"] == 0


def test_search_and_trend(client: Client, personas: Personas) -> None:
    item = make_item(source=make_source(owner=personas.hanoi), title="Học phí tăng")
    process_new_items([item.pk])
    topic = client.post(
        "/api/v1/monitoring/topics",
        {"name": "Học phí", "query": "hoc phi"},
        content_type="application/json",
        headers=_auth(personas.lan),
    ).json()
    process_new_items([item.pk])

    found = client.get("/api/v1/monitoring/search?q=hoc+phi", headers=_auth(personas.lan)).json()
    bad = client.get("/api/v1/monitoring/search?q=(hoc", headers=_auth(personas.lan))
    trend = client.get(
        f"/api/v1/monitoring/topics/{topic['id']}/trend?days=400", headers=_auth(personas.lan)
    ).json()

    assert (found["count"], found["items"][0]["id"]) == (1, item.pk)
    assert bad.status_code == 422
    assert sum(trend["volume"]) == 1 and sum(trend["not_analysed"]) == 1
