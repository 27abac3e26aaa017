"""Acceptance: open an incident from an alert, add members and tasks, link a release, close with
an after-action report; the timeline lists every event in order."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document

from lantoa.accounts.models import Role
from lantoa.core.testing.factories import make_item, make_source, make_user
from lantoa.core.testing.personas import Personas
from lantoa.crisis import actions
from lantoa.crisis.after_action import render_after_action
from lantoa.crisis.models import EntryKind, HoldingStatement, Incident, IncidentStatus
from lantoa.crisis.queries import visible_incidents
from lantoa.monitoring.alerts import raise_claim_match_alert
from lantoa.network.actions.releases import approve_release, submit_release
from lantoa.network.models import ReleaseStatus

pytestmark = pytest.mark.django_db


def test_incident_from_alert_to_after_action_report(personas: Personas) -> None:
    # Given an alert for Hà Nội and a leader who approves releases
    alert = raise_claim_match_alert(
        owner=personas.hanoi, claim_key="1:1", title="Tin sai về phí căn cước lan truyền lại"
    )
    assert alert is not None
    leader = make_user(username="lanh-dao", role=Role.LEADER, organization=personas.hanoi)
    lan = personas.lan

    # When Lan opens an incident from it and runs the response
    incident = actions.open_incident(
        lan,
        personas.hanoi,
        title="Tin đồn phí căn cước",
        severity="high",
        policy="Căn cước công dân",
        alert=alert,
    )
    actions.add_member(lan, incident, lan, "lead")
    actions.add_member(lan, incident, leader, "spokesperson")
    task = actions.add_task(lan, incident, "Liên hệ công an tỉnh", lan, None)
    item = make_item(source=make_source(owner=personas.hanoi), title="Bài đăng lan truyền")
    actions.link_item(lan, incident, item)
    release = actions.draft_holding_statement(
        lan, incident, title="Thông tin chính thức về lệ phí căn cước", body="Không thu phí."
    )
    submit_release(lan, release)
    approve_release(leader, release)
    actions.complete_task(lan, task)
    actions.record_decision(lan, incident, "Họp báo lúc 15 giờ.")
    closed = actions.close_incident(
        lan,
        incident,
        actions.AfterAction(
            what_happened="Tin sai lan trên mạng xã hội.", what_worked="Phản hồi nhanh."
        ),
    )

    # Then the incident is closed, the release is linked (not copied) and went through approval
    assert closed.status == IncidentStatus.CLOSED
    statement = HoldingStatement.objects.get(incident=incident)
    assert statement.release.pk == release.pk
    release.refresh_from_db()
    assert release.status == ReleaseStatus.APPROVED

    # And the timeline lists every event in order
    kinds = list(incident.timeline.values_list("kind", flat=True))
    assert kinds == [
        EntryKind.OPENED,
        EntryKind.ALERT,
        EntryKind.MEMBER,
        EntryKind.MEMBER,
        EntryKind.TASK,
        EntryKind.ITEM,
        EntryKind.RELEASE,
        EntryKind.TASK_DONE,
        EntryKind.DECISION,
        EntryKind.CLOSED,
    ]
    times = list(incident.timeline.values_list("at", flat=True))
    assert times == sorted(times)

    # And the after-action report exports as DOCX with the response times and timeline
    document = Document(io.BytesIO(render_after_action("docx", closed)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Báo cáo sau sự cố: Tin đồn phí căn cước" in text
    assert "Phản hồi nhanh." in text
    assert "Đến khi thông cáo đầu tiên được duyệt: 0 giờ" in text
    assert len(document.tables[0].rows) == 1 + len(kinds)


def test_closing_requires_the_after_action_report(personas: Personas) -> None:
    incident = actions.open_incident(personas.lan, personas.hanoi, title="Sự cố", severity="low")
    with pytest.raises(ValueError, match="báo cáo sau sự cố"):
        actions.close_incident(
            personas.lan, incident, actions.AfterAction(what_happened="", what_worked="")
        )
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.OPEN and incident.closed_at is None


def test_other_provinces_and_analysts_cannot_write(personas: Personas) -> None:
    incident = actions.open_incident(personas.lan, personas.hanoi, title="Sự cố", severity="low")
    with pytest.raises(PermissionDenied):
        actions.add_task(personas.binh, incident, "Việc", None, None)
    with pytest.raises(PermissionDenied):
        actions.open_incident(personas.ha, personas.hanoi_department, title="X", severity="low")
    assert list(visible_incidents(personas.binh)) == []
    assert incident.tasks.count() == 0 and Incident.objects.count() == 1
    assert incident.timeline.count() == 1
