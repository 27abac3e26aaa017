"""Consultation pages. Public pages (list, draft, statements, opinion report) need no login;
commenting needs a participant verified by e-mail (kept in the session); staff pages need login."""

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage, visible_organizations
from lantoa.consultation import actions
from lantoa.consultation.documents import read_docx, read_pdf, summary_docx, summary_pdf
from lantoa.consultation.models import (
    Clause,
    Comment,
    CommentStatus,
    Consultation,
    DraftVersion,
    Participant,
    ResponseKind,
    Statement,
    StatementVote,
)
from lantoa.consultation.queries import (
    analyse_version,
    consultation_opinion,
    most_disagreed,
    public_consultations,
    staff_consultations,
)
from lantoa.consultation.structure import split_text
from lantoa.core.report_font import ReportFontMissing

SESSION_KEY = "consultation_participant"


def _participant(request: HttpRequest) -> Participant | None:
    pk = request.session.get(SESSION_KEY)
    return Participant.objects.filter(pk=pk, verified_at__isnull=False).first() if pk else None


def _public(pk: int) -> Consultation:
    return get_object_or_404(public_consultations(), pk=pk)


def _managed(request: HttpRequest, pk: int) -> Consultation:
    consultation = get_object_or_404(staff_consultations(signed_in_user(request)), pk=pk)
    return consultation


def consultation_list(request: HttpRequest) -> HttpResponse:
    staff = staff_consultations(request.user) if isinstance(request.user, User) else None
    return render(
        request,
        "consultation/list.html",
        {"consultations": public_consultations()[:100], "staff": staff[:100] if staff else []},
    )


def _when(value: str) -> datetime:
    parsed = parse_datetime(value)
    if parsed is None:
        raise ValueError(_("Ngày giờ không hợp lệ: %(v)s") % {"v": value})
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def _draft_units(request: HttpRequest) -> tuple[str, Any, str]:
    upload = request.FILES.get("document")
    if upload is not None:
        name = (upload.name or "").lower()
        if name.endswith(".docx"):
            text, units = read_docx(upload)
        elif name.endswith(".pdf"):
            text, units = read_pdf(upload)
        else:
            raise ValueError(_("Chỉ nhận tệp DOCX, PDF hoặc văn bản dán trực tiếp."))
        return text, units, upload.name or ""
    text = request.POST.get("text", "")
    return text, split_text(text), ""


@login_required
def create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    owners = visible_organizations(user).order_by("path")
    if request.method == "POST":
        try:
            owner = get_object_or_404(owners, pk=request.POST.get("owner") or 0)
            text, units, name = _draft_units(request)
            consultation = actions.create_consultation(
                user,
                owner,
                title=request.POST.get("title", ""),
                opens_at=_when(request.POST.get("opens_at", "")),
                closes_at=_when(request.POST.get("closes_at", "")),
                summary=request.POST.get("summary", ""),
            )
            actions.add_version(user, consultation, units, text=text, source_name=name)
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            return redirect("consultation:structure", consultation.pk)
    return render(request, "consultation/create.html", {"owners": owners})


def _comments_by_clause(
    consultation: Consultation, clauses: list[Clause]
) -> dict[int, list[Comment]]:
    found: dict[int, list[Comment]] = {}
    for comment in Comment.objects.filter(
        current_clause__in=clauses, status=CommentStatus.PUBLISHED
    ).select_related("participant", "clause__version"):
        assert comment.current_clause_id is not None
        found.setdefault(comment.current_clause_id, []).append(comment)
    return found


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _public(pk)
    version = consultation.current_version()
    clauses = list(version.clauses.order_by("position")) if version else []
    comments = _comments_by_clause(consultation, clauses)
    analyses = {a.clause.pk: a for a in analyse_version(version)} if version else {}
    rows = [
        {"clause": c, "comments": comments.get(c.pk, []), "analysis": analyses.get(c.pk)}
        for c in clauses
    ]
    manager = isinstance(request.user, User) and can_manage(request.user, consultation.owner)
    return render(
        request,
        "consultation/detail.html",
        {
            "consultation": consultation,
            "version": version,
            "rows": rows,
            "participant": _participant(request),
            "manager": manager,
        },
    )


@require_POST
def verify_request(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _public(pk)
    try:
        actions.request_verification(
            request.POST.get("email", ""),
            request.POST.get("display_name", ""),
            request.POST.get("organization_name", ""),
        )
    except ValueError as error:
        messages.error(request, str(error))
    else:
        request.session["consultation_next"] = consultation.pk
        messages.success(request, _("Đã gửi liên kết xác nhận tới hộp thư của bạn."))
    return redirect("consultation:detail", consultation.pk)


def verify(request: HttpRequest, token: str) -> HttpResponse:
    try:
        participant = actions.verify_participant(token)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect("consultation:list")
    request.session[SESSION_KEY] = participant.pk
    messages.success(request, _("Đã xác nhận. Bạn có thể góp ý."))
    next_pk = request.session.pop("consultation_next", None)
    return redirect("consultation:detail", next_pk) if next_pk else redirect("consultation:list")


def _require_participant(request: HttpRequest) -> Participant:
    participant = _participant(request)
    if participant is None:
        raise PermissionDenied(_("Cần xác nhận thư điện tử trước khi góp ý."))
    return participant


@require_POST
def comment(request: HttpRequest, pk: int, clause_pk: int) -> HttpResponse:
    consultation = _public(pk)
    clause = get_object_or_404(Clause, pk=clause_pk, version__consultation=consultation)
    parent = None
    if request.POST.get("parent"):
        parent = get_object_or_404(Comment, pk=request.POST["parent"], consultation=consultation)
    try:
        posted = actions.post_comment(
            _require_participant(request),
            clause,
            request.POST.get("body", ""),
            passage=request.POST.get("passage", ""),
            parent=parent,
            as_organization=bool(request.POST.get("as_organization")),
        )
    except actions.ThrottledError as error:
        messages.error(request, str(error))
        return redirect("consultation:detail", pk)  # 302 with the message; nothing stored
    except (ValueError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        if posted.status == CommentStatus.HELD:
            messages.info(request, _("Góp ý của bạn đang chờ kiểm duyệt."))
        else:
            messages.success(request, _("Đã đăng góp ý."))
    return redirect("consultation:detail", pk)


@require_POST
def react(request: HttpRequest, pk: int, clause_pk: int) -> HttpResponse:
    consultation = _public(pk)
    clause = get_object_or_404(Clause, pk=clause_pk, version__consultation=consultation)
    try:
        actions.react_to_clause(
            _require_participant(request), clause, agree=request.POST.get("agree") == "1"
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("consultation:detail", pk)


@login_required
def new_version(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _managed(request, pk)
    if request.method == "POST":
        try:
            text, units, name = _draft_units(request)
            actions.add_version(
                signed_in_user(request), consultation, units, text=text, source_name=name
            )
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Đã tải lên phiên bản mới; góp ý đã được chuyển theo điều khoản.")
            )
            return redirect("consultation:structure", pk)
    return render(request, "consultation/version.html", {"consultation": consultation})


@login_required
def structure(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _managed(request, pk)
    version = consultation.current_version()
    if request.method == "POST":
        clause = get_object_or_404(Clause, pk=request.POST.get("clause") or 0, version=version)
        try:
            actions.edit_clause(
                signed_in_user(request),
                clause,
                heading=request.POST.get("heading", ""),
                text=request.POST.get("text", ""),
            )
        except PermissionDenied as error:
            messages.error(request, str(error))
        return redirect("consultation:structure", pk)
    clauses = version.clauses.order_by("position") if version else []
    return render(
        request,
        "consultation/structure.html",
        {"consultation": consultation, "version": version, "clauses": clauses},
    )


@login_required
def moderation(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _managed(request, pk)
    if request.method == "POST":
        target = get_object_or_404(
            Comment, pk=request.POST.get("comment") or 0, consultation=consultation
        )
        try:
            actions.moderate_comment(
                signed_in_user(request),
                target,
                publish=request.POST.get("decision") == "publish",
                reason=request.POST.get("reason", ""),
            )
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        return redirect("consultation:moderation", pk)
    held = consultation.comments.filter(status=CommentStatus.HELD).select_related(
        "participant", "clause"
    )
    done = consultation.comments.exclude(moderated_at=None).select_related("participant")
    return render(
        request,
        "consultation/moderation.html",
        {"consultation": consultation, "held": held, "done": done.order_by("-moderated_at")[:50]},
    )


@login_required
def analysis(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _managed(request, pk)
    version = consultation.current_version()
    if version is None:
        raise Http404
    if request.method == "POST":
        try:
            if "publish" in request.POST:
                actions.set_report_published(
                    signed_in_user(request), consultation, request.POST["publish"] == "1"
                )
            else:
                clause = get_object_or_404(
                    Clause, pk=request.POST.get("clause") or 0, version=version
                )
                actions.set_response(
                    signed_in_user(request),
                    clause,
                    kind=request.POST.get("kind", ""),
                    text=request.POST.get("text", ""),
                )
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        return redirect("consultation:analysis", pk)
    analyses = analyse_version(version)
    return render(
        request,
        "consultation/analysis.html",
        {
            "consultation": consultation,
            "version": version,
            "analyses": analyses,
            "top": most_disagreed(analyses),
            "kinds": ResponseKind.choices,
        },
    )


def _summary_version(request: HttpRequest, pk: int) -> tuple[Consultation, DraftVersion]:
    """Staff of the owner, or anyone once the report is published; otherwise 404."""
    consultation = get_object_or_404(Consultation, pk=pk)
    allowed = consultation.report_published or (
        isinstance(request.user, User) and staff_consultations(request.user).filter(pk=pk).exists()
    )
    version = consultation.current_version()
    if not allowed or version is None:
        raise Http404
    return consultation, version


def summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary DOCX."""
    consultation, version = _summary_version(request, pk)
    response = HttpResponse(
        summary_docx(consultation, version),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="tong-hop-y-kien-{pk}.docx"'
    return response


def summary_as_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same summary as a PDF (same rule as the DOCX)."""
    consultation, version = _summary_version(request, pk)
    try:
        pdf = summary_pdf(consultation, version)
    except ReportFontMissing as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tong-hop-y-kien-{pk}.pdf"'
    return response


def statements(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _public(pk)
    participant = _participant(request)
    if request.method == "POST":
        try:
            if "text" in request.POST:
                if isinstance(request.user, User) and can_manage(request.user, consultation.owner):
                    actions.add_staff_statement(
                        signed_in_user(request), consultation, request.POST["text"]
                    )
                else:
                    actions.add_statement(
                        _require_participant(request), consultation, request.POST["text"]
                    )
            else:
                statement = get_object_or_404(
                    Statement,
                    pk=request.POST.get("statement") or 0,
                    consultation=consultation,
                    status=CommentStatus.PUBLISHED,
                )
                actions.vote_statement(
                    _require_participant(request), statement, int(request.POST.get("value", "x"))
                )
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        return redirect("consultation:statements", pk)
    shown = consultation.statements.filter(status=CommentStatus.PUBLISHED)
    voted = (
        set(
            StatementVote.objects.filter(participant=participant, statement__in=shown).values_list(
                "statement_id", flat=True
            )
        )
        if participant
        else set()
    )
    return render(
        request,
        "consultation/statements.html",
        {
            "consultation": consultation,
            "statements": shown,
            "voted": voted,
            "participant": participant,
        },
    )


def opinion_report(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _public(pk)
    result = consultation_opinion(consultation)
    shown, report = result.statements, result.report
    groups = [
        {
            "index": g.index + 1,
            "size": len(g.members),
            "representatives": [(shown[r.statement], r) for r in g.representatives],
        }
        for g in (report.groups if report else ())
    ]
    consensus = [(shown[c.statement], c) for c in (report.consensus if report else ())]
    return render(
        request,
        "consultation/opinion.html",
        {
            "consultation": consultation,
            "report": report,
            "groups": groups,
            "consensus": consensus,
            "participants": result.participants,
        },
    )
