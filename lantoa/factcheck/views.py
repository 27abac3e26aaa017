"""Staff pages: claims and their verification workflow, incoming tips."""

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import visible_organizations
from lantoa.factcheck import actions
from lantoa.factcheck.forms import (
    ClaimForm,
    DueForm,
    EvidenceForm,
    FilterForm,
    NoteForm,
    VerdictForm,
)
from lantoa.factcheck.models import Claim, ClaimItem, ClaimItemStatus
from lantoa.factcheck.queries import visible_claims, visible_tips
from lantoa.monitoring.models import Alert


@login_required
def claim_list(request: HttpRequest) -> HttpResponse:
    claims = visible_claims(signed_in_user(request))
    filters = FilterForm(request.GET)
    if filters.is_valid() and filters.cleaned_data["status"]:
        claims = claims.filter(status=filters.cleaned_data["status"])
    context = {"claims": claims[:200], "filters": filters, "form": ClaimForm()}
    return render(request, "factcheck/claim_list.html", context)


@login_required
def claim_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ClaimForm(request.POST or None)
    tip = None
    if request.GET.get("tip"):
        tip = get_object_or_404(visible_tips(user), pk=request.GET["tip"])
    if request.method == "POST" and form.is_valid() and user.organization is not None:
        owner = tip.owner if tip is not None else user.organization
        claim = actions.create_claim(
            user,
            owner,
            form.cleaned_data["statement"],
            category=form.cleaned_data["category"],
            from_tip=tip,
        )
        return redirect("factcheck:claim", pk=claim.pk)
    return redirect("factcheck:claim_list")


def _per_day(claim: Claim) -> list[tuple[str, int]]:
    days = Counter(
        timezone.localtime(link.created_at).date().isoformat()
        for link in claim.claim_items.filter(status=ClaimItemStatus.LINKED)
    )
    return sorted(days.items())


def _claim_context(user: User, claim: Claim) -> dict[str, Any]:
    return {
        "claim": claim,
        "events": claim.events.select_related("actor"),
        "tips": claim.tips.all(),
        "linked": claim.claim_items.filter(status=ClaimItemStatus.LINKED).select_related("item"),
        "suggested": claim.claim_items.filter(status=ClaimItemStatus.SUGGESTED).select_related(
            "item"
        ),
        "per_day": _per_day(claim),
        "assignees": User.objects.filter(organization=claim.owner, is_active=True),
        "can_edit": user.has_perm("factcheck.change_claim"),
        "can_verdict": user.has_perm("factcheck.issue_verdict"),
        "verdict_form": VerdictForm(),
        "note_form": NoteForm(),
        "evidence_form": EvidenceForm(),
        "due_form": DueForm(),
    }


_ACTIONS = {"start", "assign", "due", "note", "evidence", "verdict", "confirm"}


def _apply(request: HttpRequest, user: User, claim: Claim, action: str) -> None:
    post = request.POST
    if action == "start":
        actions.start_verification(user, claim)
    elif action == "assign":
        assignee = User.objects.filter(pk=post.get("assignee") or 0).first()
        actions.assign_claim(user, claim, assignee)
    elif action == "due":
        due = DueForm(post)
        if not due.is_valid():
            raise ValueError(_("Hạn xử lý không hợp lệ."))
        actions.set_due(user, claim, due.cleaned_data["due_at"])
    elif action == "note":
        actions.add_note(user, claim, post.get("text", ""))
    elif action == "evidence":
        actions.add_evidence(user, claim, post.get("url", ""))
    elif action == "verdict":
        actions.issue_verdict(user, claim, post.get("verdict", ""), post.get("explanation", ""))
    elif action == "confirm":
        link = get_object_or_404(ClaimItem, pk=post.get("link") or 0, claim=claim)
        actions.confirm_item(user, link)


@login_required
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    claim = get_object_or_404(visible_claims(user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in _ACTIONS:
            return HttpResponse(status=400)
        try:
            _apply(request, user, claim, action)
        except PermissionDenied:
            raise
        except ValueError as error:
            messages.error(request, str(error))
        return redirect("factcheck:claim", pk=claim.pk)
    return render(request, "factcheck/claim_detail.html", _claim_context(user, claim))


@login_required
def tip_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if request.method == "POST":
        alert = get_object_or_404(
            Alert.objects.filter(owner__in=visible_organizations(user)),
            pk=request.POST.get("alert") or 0,
        )
        tip = actions.tip_from_alert(user, alert)
        return redirect("factcheck:tip", pk=tip.pk)
    tips = visible_tips(user)[:200]
    return render(request, "factcheck/tip_list.html", {"tips": tips})


@login_required
def tip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    tip = get_object_or_404(visible_tips(user), pk=pk)
    if request.method == "POST":
        claim = get_object_or_404(visible_claims(user), pk=request.POST.get("claim") or 0)
        actions.attach_tip(user, tip, claim)
        return redirect("factcheck:claim", pk=claim.pk)
    form = ClaimForm(initial={"statement": tip.text, "category": tip.category})
    return render(request, "factcheck/tip_detail.html", {"tip": tip, "form": form})
