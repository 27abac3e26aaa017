from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from lantoa.accounts.models import ApiToken
from lantoa.consultation import actions
from lantoa.consultation.models import (
    CommentStatus,
    Consultation,
    DraftVersion,
    Statement,
    StatementVote,
)
from lantoa.consultation.tests.drafts import DRAFT_V1, DRAFT_V2
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.personas import Personas

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _client(user: object) -> Client:
    _, token = ApiToken.issue(user, "test")  # type: ignore[arg-type]
    return Client(headers={"authorization": f"Bearer {token}"})


def test_api_reads_clauses_and_moderates_with_the_pages_permissions(
    personas: Personas, mailoutbox: list[object]
) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    clause = consultation.current_version().clauses.get(key="dieu-1")  # type: ignore[union-attr]
    held = actions.post_comment(make_participant(), clause, "Bọn soạn thảo ngu như bò, đồ khốn nạn")
    assert held.status == CommentStatus.HELD
    base = f"/api/v1/consultations/{consultation.pk}"

    clauses = _client(personas.binh).get(f"{base}/clauses").json()
    assert [c["key"] for c in clauses["items"] if c["kind"] == "dieu"][:2] == ["dieu-1", "dieu-2"]
    # Bình (Huế) sees no held comment of Hà Nội's draft and cannot moderate it
    assert _client(personas.binh).get(f"{base}/comments").json()["count"] == 0
    denied = _client(personas.binh).post(
        f"/api/v1/consultations/comments/{held.pk}/moderation",
        {"publish": True, "reason": "x"},
        content_type="application/json",
    )
    assert denied.status_code == 403
    held.refresh_from_db()
    assert held.status == CommentStatus.HELD
    # Lan sees it and hides it
    lan = _client(personas.lan)
    assert lan.get(f"{base}/comments").json()["count"] == 1
    done = lan.post(
        f"/api/v1/consultations/comments/{held.pk}/moderation",
        {"publish": False, "reason": "Xúc phạm"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["status"] == "hidden"
    assert (
        "/api/v1/consultations/{consultation_id}/clauses"
        in Client().get("/api/v1/openapi.json").json()["paths"]
    )


def _post(client: Client, url: str, payload: dict[str, object]) -> object:
    return client.post(url, payload, content_type="application/json")


def _window() -> dict[str, str]:
    now = timezone.now()
    return {
        "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=30)).isoformat(),
    }


def test_api_creates_a_consultation_from_pasted_text_and_uploads_version_two(
    personas: Personas,
) -> None:
    # given Lan's and Bình's tokens
    lan, binh = _client(personas.lan), _client(personas.binh)
    payload = {"owner_id": personas.hanoi.pk, "title": "Dự thảo xe đạp điện", "text": DRAFT_V1}

    # when Bình creates one for Hà Nội, nothing is created
    denied = _post(binh, "/api/v1/consultations/", {**payload, **_window()})
    assert denied.status_code == 404  # type: ignore[attr-defined]
    assert Consultation.objects.count() == 0

    # when Lan does, the pasted text is split
    created = _post(lan, "/api/v1/consultations/", {**payload, **_window()})
    assert created.status_code == 201, created.content  # type: ignore[attr-defined]
    consultation = Consultation.objects.get(pk=created.json()["id"])  # type: ignore[attr-defined]
    assert consultation.owner == personas.hanoi
    assert consultation.current_version().clauses.filter(kind="dieu").count() == 5  # type: ignore[union-attr]
    # and text without any article is refused with 422
    bad = _post(lan, "/api/v1/consultations/", {**payload, **_window(), "text": "Không có điều"})
    assert bad.status_code == 422 and Consultation.objects.count() == 1  # type: ignore[attr-defined]

    # when Bình uploads version 2 of Hà Nội's public draft, it is refused and nothing changes
    url = f"/api/v1/consultations/{consultation.pk}/versions"
    assert _post(binh, url, {"text": DRAFT_V2}).status_code == 403  # type: ignore[attr-defined]
    assert DraftVersion.objects.filter(consultation=consultation).count() == 1
    # when Lan does, version 2 exists with the new article
    done = _post(lan, url, {"text": DRAFT_V2})
    assert done.status_code == 201  # type: ignore[attr-defined]
    assert done.json()["number"] == 2  # type: ignore[attr-defined]
    assert consultation.current_version().clauses.filter(kind="dieu").count() == 6  # type: ignore[union-attr]


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")  # 2 identical camps
def test_api_statements_votes_and_opinion_report(personas: Personas) -> None:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    base = f"/api/v1/consultations/{consultation.pk}"
    lan, binh = _client(personas.lan), _client(personas.binh)

    # Bình cannot add a statement to Hà Nội's consultation
    assert _post(binh, f"{base}/statements", {"text": "Giảm vốn"}).status_code == 403  # type: ignore[attr-defined]
    assert Statement.objects.count() == 0
    added = [
        _post(lan, f"{base}/statements", {"text": text}).json()["id"]  # type: ignore[attr-defined]
        for text in ("Giảm vốn điều lệ", "Bắt buộc camera", "Thêm trạm sạc", "Giữ giá thuê")
    ]
    assert len(added) == 4

    # a token holder without a verified participant address cannot vote
    vote_url = f"/api/v1/consultations/statements/{added[0]}/votes"
    assert _post(binh, vote_url, {"value": 1}).status_code == 403  # type: ignore[attr-defined]
    assert StatementVote.objects.count() == 0
    # once Bình's address is verified as a participant, he votes once; a second vote is 409
    personas.binh.email = "binh@example.vn"
    personas.binh.save(update_fields=["email"])
    make_participant(email="binh@example.vn", name="Bình")
    assert _post(binh, vote_url, {"value": 1}).status_code == 201  # type: ignore[attr-defined]
    again = _post(binh, vote_url, {"value": -1})
    assert again.status_code == 409  # type: ignore[attr-defined]
    assert list(StatementVote.objects.values_list("value", flat=True)) == [1]

    # given two camps of voters, the opinion report shows two groups and the consensus
    statements = list(Statement.objects.order_by("pk"))
    for i in range(12):
        voter = make_participant(email=f"v{i}@example.vn", name=f"Người {i}")
        camp = 1 if i % 2 else -1
        for statement, value in zip(statements, (camp, -camp, 1, camp), strict=True):
            actions.vote_statement(voter, statement, value)
    listed = lan.get(f"{base}/statements").json()["items"]
    assert [(s["agree"], s["disagree"]) for s in listed] == [(7, 6), (6, 6), (12, 0), (6, 6)]
    report = binh.get(f"{base}/opinion").json()
    assert report["participants"] == 13 and report["k"] == 2
    assert sorted(g["size"] for g in report["groups"]) == [6, 6]
    assert {c["text"] for c in report["consensus"] if c["direction"] == "agree"} == {
        "Thêm trạm sạc"
    }
    assert all(g["representatives"] for g in report["groups"])
