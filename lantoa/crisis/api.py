"""Incidents in the API, with the pages' permissions (writes go through ``actions``)."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import Organization, User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import visible_organizations
from lantoa.core.api_calls import answer
from lantoa.core.api_pagination import ErrorOut, Pages
from lantoa.crisis import actions
from lantoa.crisis.models import Incident, MemberRole, Severity
from lantoa.crisis.queries import visible_incidents
from lantoa.monitoring.models import Alert

router = Router()


class IncidentOut(Schema):
    id: int
    owner_id: int
    title: str
    severity: str
    policy: str
    topic_id: int | None
    status: str
    from_alert_id: int | None
    from_claim_id: int | None
    opened_at: datetime
    closed_at: datetime | None
    what_happened: str
    what_worked: str
    to_improve: str


class EntryOut(Schema):
    kind: str
    text: str
    actor_id: int | None
    alert_id: int | None
    item_id: int | None
    release_id: int | None
    at: datetime


class IncidentIn(Schema):
    owner_id: int | None = None
    alert_id: int | None = None
    title: str = Field("", max_length=300)
    severity: Severity
    policy: str = Field("", max_length=300)


class ActionIn(Schema):
    member_id: int | None = None
    role: MemberRole | None = None
    task: str | None = Field(None, max_length=300)
    task_assignee_id: int | None = None
    task_due_at: datetime | None = None
    decision: str | None = Field(None, max_length=5000)
    release_id: int | None = None


class CloseIn(Schema):
    what_happened: str = Field(..., max_length=20000)
    what_worked: str = Field(..., max_length=20000)
    to_improve: str = Field("", max_length=20000)


_WRITE = {200: IncidentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("/incidents", response=list[IncidentOut], summary="Danh sách sự cố")
@paginate(Pages)
def list_incidents(request: HttpRequest, status: str | None = None):
    incidents = visible_incidents(signed_in_user(request))
    return incidents.filter(status=status) if status else incidents


@router.get("/incidents/{incident_id}", response=IncidentOut, summary="Một sự cố")
def get_incident(request: HttpRequest, incident_id: int) -> Incident:
    return get_object_or_404(visible_incidents(signed_in_user(request)), pk=incident_id)


@router.get("/incidents/{incident_id}/timeline", response=list[EntryOut], summary="Diễn biến")
def timeline(request: HttpRequest, incident_id: int) -> list[Any]:
    incident = get_object_or_404(visible_incidents(signed_in_user(request)), pk=incident_id)
    return list(incident.timeline.all())


@router.post("/incidents", response=_WRITE, summary="Mở sự cố (bằng tay hoặc từ cảnh báo)")
def open_incident(request: HttpRequest, payload: IncidentIn) -> Status:
    user = signed_in_user(request)
    alert = None
    if payload.alert_id is not None:
        alert = get_object_or_404(
            Alert.objects.filter(owner__in=visible_organizations(user)), pk=payload.alert_id
        )
    owner = alert.owner if alert else get_object_or_404(Organization, pk=payload.owner_id or 0)
    title = payload.title or (alert.title if alert else "")
    return answer(
        lambda: actions.open_incident(
            user, owner, title=title, severity=payload.severity, policy=payload.policy, alert=alert
        )
    )


@router.post("/incidents/{incident_id}/actions", response=_WRITE, summary="Cập nhật sự cố")
def act(request: HttpRequest, incident_id: int, payload: ActionIn) -> Status:
    user = signed_in_user(request)
    incident = get_object_or_404(visible_incidents(user), pk=incident_id)

    def apply() -> Incident:
        if payload.member_id is not None and payload.role is not None:
            member = get_object_or_404(User, pk=payload.member_id)
            actions.add_member(user, incident, member, payload.role)
        if payload.task:
            assignee = User.objects.filter(pk=payload.task_assignee_id or 0).first()
            actions.add_task(user, incident, payload.task, assignee, payload.task_due_at)
        if payload.decision:
            actions.record_decision(user, incident, payload.decision)
        if payload.release_id is not None:
            from lantoa.network.queries import visible_releases

            release = get_object_or_404(visible_releases(user), pk=payload.release_id)
            actions.link_release(user, incident, release)
        return incident

    return answer(apply)


@router.post("/incidents/{incident_id}/close", response=_WRITE, summary="Đóng sự cố")
def close(request: HttpRequest, incident_id: int, payload: CloseIn) -> Status:
    user = signed_in_user(request)
    incident = get_object_or_404(visible_incidents(user), pk=incident_id)
    report = actions.AfterAction(**payload.dict())
    return answer(lambda: actions.close_incident(user, incident, report))
