"""Incident pages: list, open (by hand or from an alert/claim), live view with actions, report."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.content.queries import visible_items
from lantoa.core.downloads import document_download
from lantoa.crisis import actions
from lantoa.crisis.after_action import render_after_action
from lantoa.crisis.models import Incident, IncidentStatus, MemberRole, Severity
from lantoa.crisis.queries import topic_items, topic_volume, visible_incidents
from lantoa.factcheck.queries import visible_claims
from lantoa.monitoring.models import Alert
from lantoa.monitoring.queries import visible_topics
from lantoa.network.queries import visible_releases


@login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    context = {
        "incidents": visible_incidents(user)[:200],
        "severities": Severity.choices,
        "topics": visible_topics(user),
        "alert": request.GET.get("alert", ""),
        "claim": request.GET.get("claim", ""),
    }
    return render(request, "crisis/incident_list.html", context)


@login_required
def incident_open(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if request.method != "POST" or user.organization is None:
        return redirect("crisis:incident_list")
    post = request.POST
    alert = None
    if post.get("alert"):
        alert = get_object_or_404(Alert.objects.filter(owner__in=_orgs(user)), pk=post["alert"])
    claim = get_object_or_404(visible_claims(user), pk=post["claim"]) if post.get("claim") else None
    topic = get_object_or_404(visible_topics(user), pk=post["topic"]) if post.get("topic") else None
    owner = alert.owner if alert else claim.owner if claim else user.organization
    try:
        incident = actions.open_incident(
            user,
            owner,
            title=post.get("title", "") or (alert.title if alert else ""),
            severity=post.get("severity", ""),
            policy=post.get("policy", ""),
            topic=topic,
            alert=alert,
            claim=claim,
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("crisis:incident_list")
    return redirect("crisis:incident", pk=incident.pk)


def _orgs(user: User) -> Any:
    from lantoa.accounts.scoping import visible_organizations

    return visible_organizations(user)


def _context(user: User, incident: Incident) -> dict[str, Any]:
    return {
        "incident": incident,
        "timeline": incident.timeline.select_related("actor", "alert", "item", "release"),
        "members": incident.members.select_related("user"),
        "tasks": incident.tasks.select_related("assignee"),
        "statements": incident.statements.select_related("release"),
        "volume": topic_volume(incident),
        "latest": topic_items(incident)[:20],
        "roles": MemberRole.choices,
        "people": User.objects.filter(organization=incident.owner, is_active=True),
        "can_edit": user.has_perm("crisis.change_incident")
        and incident.status == IncidentStatus.OPEN,
        "now": timezone.now(),
    }


def _apply(user: User, incident: Incident, post: Any) -> None:
    action = post.get("action", "")
    person = User.objects.filter(pk=post.get("user") or 0).first()
    if action == "member" and person is not None:
        actions.add_member(user, incident, person, post.get("role", ""))
    elif action == "task":
        due = parse_datetime(post.get("due_at", "") or "")
        if due is not None and timezone.is_naive(due):
            due = timezone.make_aware(due)
        actions.add_task(user, incident, post.get("title", ""), person, due)
    elif action == "done":
        actions.complete_task(user, get_object_or_404(incident.tasks, pk=post.get("task") or 0))
    elif action == "decision":
        actions.record_decision(user, incident, post.get("text", ""))
    elif action == "item":
        actions.link_item(
            user, incident, get_object_or_404(visible_items(user), pk=post.get("item") or 0)
        )
    elif action == "release":
        release = get_object_or_404(visible_releases(user), pk=post.get("release") or 0)
        actions.link_release(user, incident, release)
    elif action == "statement":
        actions.draft_holding_statement(
            user, incident, title=post.get("title", ""), body=post.get("body", "")
        )
    elif action == "close":
        report = actions.AfterAction(
            what_happened=post.get("what_happened", ""),
            what_worked=post.get("what_worked", ""),
            to_improve=post.get("to_improve", ""),
        )
        actions.close_incident(user, incident, report)
    else:
        raise ValueError("?")


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    incident = get_object_or_404(visible_incidents(user), pk=pk)
    if request.method == "POST":
        try:
            _apply(user, incident, request.POST)
        except PermissionDenied:
            raise
        except ValueError as error:
            messages.error(request, str(error))
        return redirect("crisis:incident", pk=incident.pk)
    return render(request, "crisis/incident_detail.html", _context(user, incident))


@login_required
def after_action_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The after-action report of a closed incident as DOCX, PDF or XLSX."""
    incident = get_object_or_404(visible_incidents(signed_in_user(request)), pk=pk)
    if incident.status != IncidentStatus.CLOSED:
        raise Http404
    return document_download(
        fmt,
        lambda chosen: render_after_action(chosen, incident),
        f"bao-cao-su-co-{incident.pk}",
    )
