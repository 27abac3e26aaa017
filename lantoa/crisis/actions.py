"""Writes to incidents: check the permission and agency scoping, write, and add to the timeline."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import Organization, User
from lantoa.accounts.scoping import can_manage
from lantoa.content.models import Item
from lantoa.crisis.models import (
    EntryKind,
    HoldingStatement,
    Incident,
    IncidentStatus,
    Member,
    MemberRole,
    Severity,
    Task,
    TimelineEntry,
)
from lantoa.factcheck.models import Claim
from lantoa.monitoring.models import Alert, Topic
from lantoa.network.actions.releases import create_release
from lantoa.network.models import Release, ReleaseStatus

__all__ = [
    "AfterAction",
    "add_member",
    "add_task",
    "close_incident",
    "complete_task",
    "draft_holding_statement",
    "link_alert",
    "link_item",
    "link_release",
    "open_incident",
    "record_decision",
    "response_times",
]


def _require(user: User, permission: str, owner: Organization) -> None:
    if not (user.is_active and user.has_perm(permission) and can_manage(user, owner)):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này cho đơn vị này."))


def _open_only(incident: Incident) -> None:
    if incident.status != IncidentStatus.OPEN:
        raise ValueError(_("Sự cố đã đóng."))


def _entry(incident: Incident, kind: str, actor: User | None, text: str, **links: object) -> None:
    TimelineEntry.objects.create(incident=incident, kind=kind, actor=actor, text=text, **links)


def open_incident(
    user: User,
    owner: Organization,
    *,
    title: str,
    severity: str,
    policy: str = "",
    topic: Topic | None = None,
    alert: Alert | None = None,
    claim: Claim | None = None,
) -> Incident:
    """Open an incident by hand, from an alert or from a claim (the source goes on the timeline)."""
    _require(user, "crisis.add_incident", owner)
    if not title.strip():
        raise ValueError(_("Cần tên sự cố."))
    if severity not in Severity.values:
        raise ValueError(_("Mức độ không hợp lệ."))
    with transaction.atomic():
        incident = Incident.objects.create(
            owner=owner,
            title=title.strip(),
            severity=severity,
            policy=policy.strip(),
            topic=topic or (alert.topic if alert else None),
            from_alert=alert,
            from_claim=claim,
            created_by=user,
        )
        _entry(incident, EntryKind.OPENED, user, incident.title)
        if alert is not None:
            _entry(incident, EntryKind.ALERT, user, alert.title, alert=alert)
        if claim is not None:
            _entry(
                incident,
                EntryKind.DECISION,
                user,
                _("Mở từ nhận định: %(c)s") % {"c": claim.statement[:200]},
            )
    return incident


def add_member(user: User, incident: Incident, member: User, role: str) -> Member:
    _require(user, "crisis.change_incident", incident.owner)
    _open_only(incident)
    if role not in MemberRole.values:
        raise ValueError(_("Vai trò không hợp lệ."))
    with transaction.atomic():
        added, _created = Member.objects.get_or_create(incident=incident, user=member, role=role)
        _entry(incident, EntryKind.MEMBER, user, f"{member} — {MemberRole(role).label}")
    return added


def add_task(
    user: User, incident: Incident, title: str, assignee: User | None, due_at: datetime | None
) -> Task:
    _require(user, "crisis.change_incident", incident.owner)
    _open_only(incident)
    if not title.strip():
        raise ValueError(_("Cần nội dung nhiệm vụ."))
    with transaction.atomic():
        task = Task.objects.create(
            incident=incident, title=title.strip(), assignee=assignee, due_at=due_at
        )
        _entry(incident, EntryKind.TASK, user, task.title)
    return task


def complete_task(user: User, task: Task) -> Task:
    _require(user, "crisis.change_incident", task.incident.owner)
    with transaction.atomic():
        if Task.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=timezone.now()):
            _entry(task.incident, EntryKind.TASK_DONE, user, task.title)
    task.refresh_from_db()
    return task


def record_decision(user: User, incident: Incident, text: str) -> None:
    _require(user, "crisis.change_incident", incident.owner)
    _open_only(incident)
    if not text.strip():
        raise ValueError(_("Cần nội dung quyết định."))
    _entry(incident, EntryKind.DECISION, user, text.strip())


def link_alert(user: User, incident: Incident, alert: Alert) -> None:
    _require(user, "crisis.change_incident", incident.owner)
    _open_only(incident)
    _entry(incident, EntryKind.ALERT, user, alert.title, alert=alert)


def link_item(user: User, incident: Incident, item: Item) -> None:
    _require(user, "crisis.change_incident", incident.owner)
    _open_only(incident)
    _entry(incident, EntryKind.ITEM, user, item.title or item.text[:200], item=item)


def link_release(user: User, incident: Incident, release: Release) -> HoldingStatement:
    """Link an existing release (drafted in the network app) as a holding statement."""
    _require(user, "crisis.change_incident", incident.owner)
    if not can_manage(user, release.owner):
        raise PermissionDenied(_("Thông cáo thuộc đơn vị khác."))
    _open_only(incident)
    with transaction.atomic():
        statement, created = HoldingStatement.objects.get_or_create(
            incident=incident, release=release
        )
        if created:
            _entry(incident, EntryKind.RELEASE, user, release.title, release=release)
    return statement


def draft_holding_statement(user: User, incident: Incident, *, title: str, body: str) -> Release:
    """Draft a release through the network workflow (draft → submit → approve) and link it."""
    with transaction.atomic():
        release = create_release(
            user, incident.owner, title=title, body=body, topic=incident.policy, is_public=True
        )
        link_release(user, incident, release)
    return release


@dataclass(frozen=True, kw_only=True)
class AfterAction:
    what_happened: str
    what_worked: str
    to_improve: str = ""


def response_times(incident: Incident) -> dict[str, timedelta | None]:
    """Time from opening to the first member, first finished task and first approved statement."""
    entries = incident.timeline.all()

    def first(kind: str) -> timedelta | None:
        entry = entries.filter(kind=kind).order_by("at").first()
        return entry.at - incident.opened_at if entry else None

    approved = [
        s.release.approved_at
        for s in incident.statements.select_related("release")
        if s.release.status != ReleaseStatus.DRAFT and s.release.approved_at
    ]
    return {
        "member": first(EntryKind.MEMBER),
        "task_done": first(EntryKind.TASK_DONE),
        "statement_approved": min(approved) - incident.opened_at if approved else None,
    }


def close_incident(user: User, incident: Incident, report: AfterAction) -> Incident:
    """Closing requires the after-action report (what happened, what worked)."""
    _require(user, "crisis.change_incident", incident.owner)
    if not report.what_happened.strip() or not report.what_worked.strip():
        raise ValueError(_("Cần báo cáo sau sự cố: diễn biến và điều làm tốt."))
    with transaction.atomic():
        changed = Incident.objects.filter(pk=incident.pk, status=IncidentStatus.OPEN).update(
            status=IncidentStatus.CLOSED,
            closed_at=timezone.now(),
            what_happened=report.what_happened.strip(),
            what_worked=report.what_worked.strip(),
            to_improve=report.to_improve.strip(),
        )
        if changed != 1:
            raise ValueError(_("Sự cố đã đóng."))
        _entry(incident, EntryKind.CLOSED, user, _("Đóng sự cố với báo cáo sau sự cố."))
    incident.refresh_from_db()
    return incident
