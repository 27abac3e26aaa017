"""Fact-check records in the API, with the pages' permissions (every write goes through actions)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.core.api_calls import answer
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.factcheck import actions
from lantoa.factcheck.models import Category, Claim, TipChannel, Verdict
from lantoa.factcheck.queries import visible_claims, visible_tips

router = Router()


class ClaimOut(Schema):
    id: int
    owner_id: int
    statement: str
    category: str
    status: str
    verdict: str
    explanation: str
    evidence_links: list[str]
    assignee_id: int | None
    due_at: datetime | None
    published_at: datetime | None
    slug: str
    created_at: datetime


class EventOut(Schema):
    kind: str
    actor_id: int | None
    text: str
    created_at: datetime


class TipOut(Schema):
    id: int
    owner_id: int
    channel: str
    category: str
    link: str
    text: str
    claim_id: int | None
    match_score: float | None
    suggested_claim_id: int | None
    suggested_score: float | None
    created_at: datetime


class ClaimIn(Schema):
    owner_id: int
    statement: str = Field(..., min_length=1, max_length=5000)
    category: Category = Category.OTHER


class TipIn(Schema):
    owner_id: int
    text: str = Field(..., min_length=10, max_length=5000)
    category: Category = Category.OTHER
    link: str = Field("", max_length=2000)


class VerdictIn(Schema):
    verdict: Verdict
    explanation: str = Field(..., min_length=1, max_length=20000)


class ClaimPatch(Schema):
    start: bool = False
    assignee_id: int | None = None
    due_at: datetime | None = None
    note: str | None = Field(None, max_length=5000)
    evidence_url: str | None = Field(None, max_length=2000)


_WRITE = {200: ClaimOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("/claims", response=list[ClaimOut], summary="Danh sách nhận định")
@paginate(Pages)
def list_claims(request: HttpRequest, status: str | None = None):
    claims = visible_claims(signed_in_user(request))
    return claims.filter(status=status) if status else claims


@router.get("/claims/{claim_id}", response=ClaimOut, summary="Một nhận định")
def get_claim(request: HttpRequest, claim_id: int) -> Claim:
    return get_object_or_404(visible_claims(signed_in_user(request)), pk=claim_id)


@router.get("/claims/{claim_id}/events", response=list[EventOut], summary="Nhật ký nhận định")
def claim_events(request: HttpRequest, claim_id: int) -> list[Any]:
    return list(
        get_object_or_404(visible_claims(signed_in_user(request)), pk=claim_id).events.all()
    )


@router.post("/claims", response=_WRITE, summary="Thêm nhận định")
def create_claim(request: HttpRequest, payload: ClaimIn) -> Status:
    owner = get_object_or_404(Organization, pk=payload.owner_id)
    return answer(
        lambda: actions.create_claim(
            signed_in_user(request), owner, payload.statement, category=payload.category
        )
    )


@router.patch("/claims/{claim_id}", response=_WRITE, summary="Xử lý nhận định")
def patch_claim(request: HttpRequest, claim_id: int, payload: ClaimPatch) -> Status:
    user = signed_in_user(request)
    claim = get_object_or_404(visible_claims(user), pk=claim_id)

    def apply() -> Claim:
        if payload.start:
            actions.start_verification(user, claim)
        if payload.assignee_id is not None:
            assignee = get_object_or_404(User, pk=payload.assignee_id)
            actions.assign_claim(user, claim, assignee)
        if payload.due_at is not None:
            actions.set_due(user, claim, payload.due_at)
        if payload.note:
            actions.add_note(user, claim, payload.note)
        if payload.evidence_url:
            actions.add_evidence(user, claim, payload.evidence_url)
        claim.refresh_from_db()
        return claim

    return answer(apply)


@router.post("/claims/{claim_id}/verdict", response=_WRITE, summary="Công bố kết luận")
def post_verdict(request: HttpRequest, claim_id: int, payload: VerdictIn) -> Status:
    user = signed_in_user(request)
    claim = get_object_or_404(visible_claims(user), pk=claim_id)
    return answer(lambda: actions.issue_verdict(user, claim, payload.verdict, payload.explanation))


@router.get("/tips", response=list[TipOut], summary="Danh sách tin báo")
@paginate(Pages)
def list_tips(request: HttpRequest):
    return visible_tips(signed_in_user(request))


@router.post(
    "/tips",
    response={200: TipOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Gửi tin báo (kênh API)",
)
def create_tip(request: HttpRequest, payload: TipIn) -> Status:
    owner = get_object_or_404(Organization, pk=payload.owner_id)
    spec = actions.TipInput(text=payload.text, category=payload.category, link=payload.link)
    return answer(
        lambda: actions.receive_tip(
            owner, spec, channel=TipChannel.API, user=signed_in_user(request)
        )
    )
