"""Survey pages: the public list and answer form (verified participants answer once), staff
pages to build a survey, and results as Plotly charts (plotly.js from the wheel, served by the
monitoring app's view) with CSV and XLSX exports."""

import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.accounts.scoping import can_manage
from lantoa.consultation import survey_actions
from lantoa.consultation.models import QuestionKind, Survey, SurveyQuestion
from lantoa.consultation.queries import public_consultations, staff_consultations
from lantoa.consultation.surveys import QuestionResult, csv_bytes, export_rows, results
from lantoa.consultation.views import _participant, _when

__all__ = [
    "survey_answer",
    "survey_create",
    "survey_csv",
    "survey_edit",
    "survey_list",
    "survey_results",
    "survey_xlsx",
]


def _plotly_version() -> str:
    import plotly

    return str(plotly.__version__)


def _managed_survey(request: HttpRequest, survey_pk: int) -> Survey:
    return get_object_or_404(
        Survey.objects.filter(
            consultation__in=staff_consultations(signed_in_user(request))
        ).select_related("consultation"),
        pk=survey_pk,
    )


def _public_survey(survey_pk: int) -> Survey:
    return get_object_or_404(
        Survey.objects.filter(
            consultation__in=public_consultations(), opens_at__lte=timezone.now()
        ).select_related("consultation"),
        pk=survey_pk,
    )


def survey_list(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(public_consultations(), pk=pk)
    manager = isinstance(request.user, User) and can_manage(request.user, consultation.owner)
    surveys = consultation.surveys.all()
    if not manager:
        surveys = surveys.filter(opens_at__lte=timezone.now())
    return render(
        request,
        "consultation/survey_list.html",
        {"consultation": consultation, "surveys": surveys, "manager": manager},
    )


@login_required
def survey_create(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(staff_consultations(signed_in_user(request)), pk=pk)
    if request.method == "POST":
        try:
            survey = survey_actions.create_survey(
                signed_in_user(request),
                consultation,
                title=request.POST.get("title", ""),
                description=request.POST.get("description", ""),
                opens_at=_when(request.POST.get("opens_at", "")),
                closes_at=_when(request.POST.get("closes_at", "")),
            )
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            return redirect("consultation:survey_edit", survey.pk)
    return render(request, "consultation/survey_create.html", {"consultation": consultation})


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _add_question(request: HttpRequest, survey: Survey) -> None:
    post = request.POST
    show_if = None
    if post.get("show_if_question"):
        source = get_object_or_404(SurveyQuestion, pk=post["show_if_question"], survey=survey)
        show_if = (source, post.get("show_if_value", ""))
    survey_actions.add_question(
        signed_in_user(request),
        survey,
        kind=post.get("kind", ""),
        text=post.get("text", ""),
        options=_lines(post.get("options", "")),
        rows=_lines(post.get("rows", "")),
        scale=(int(post.get("scale_min") or 1), int(post.get("scale_max") or 5)),
        required=bool(post.get("required")),
        show_if=show_if,
    )


@login_required
def survey_edit(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = _managed_survey(request, survey_pk)
    if request.method == "POST":
        try:
            _add_question(request, survey)
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã thêm câu hỏi."))
        return redirect("consultation:survey_edit", survey.pk)
    return render(
        request,
        "consultation/survey_edit.html",
        {
            "survey": survey,
            "consultation": survey.consultation,
            "questions": survey.questions.select_related("show_if_question"),
            "kinds": QuestionKind.choices,
            "manager": True,
        },
    )


def _ranking(request: HttpRequest, question: SurveyQuestion) -> list[str] | None:
    picked = [
        (request.POST.get(f"q{question.pk}_{i}", ""), o) for i, o in enumerate(question.options)
    ]
    if not any(rank for rank, _option in picked):
        return None
    try:
        ranks = sorted((int(rank), option) for rank, option in picked)
    except ValueError:
        raise ValueError(_("Cần xếp hạng mỗi lựa chọn đúng một lần.")) from None
    if [rank for rank, _option in ranks] != list(range(1, len(ranks) + 1)):
        raise ValueError(_("Cần xếp hạng mỗi lựa chọn đúng một lần."))
    return [option for _rank, option in ranks]


def _raw_answers(request: HttpRequest, survey: Survey) -> dict[str, Any]:
    """The form's fields as the answer mapping :func:`clean_answers` validates."""
    raw: dict[str, Any] = {}
    for question in survey.questions.order_by("position"):
        name, key = f"q{question.pk}", str(question.pk)
        if question.kind == "multiple":
            raw[key] = request.POST.getlist(name)
        elif question.kind == "ranking":
            raw[key] = _ranking(request, question)
        elif question.kind == "matrix":
            raw[key] = {
                row: request.POST.get(f"{name}_r{i}", "") for i, row in enumerate(question.rows)
            }
        else:
            raw[key] = request.POST.get(name, "")
    return raw


def survey_answer(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = _public_survey(survey_pk)
    participant = _participant(request)
    answered = bool(participant and survey.responses.filter(participant=participant).exists())
    if request.method == "POST":
        try:
            if participant is None:
                raise PermissionDenied(_("Cần xác nhận thư điện tử trước khi trả lời khảo sát."))
            survey_actions.submit_response(participant, survey, _raw_answers(request, survey))
        except (ValueError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Cảm ơn bạn đã trả lời khảo sát."))
        return redirect("consultation:survey_answer", survey.pk)
    return render(
        request,
        "consultation/survey_answer.html",
        {
            "survey": survey,
            "consultation": survey.consultation,
            "questions": survey.questions.select_related("show_if_question"),
            "participant": participant,
            "answered": answered,
        },
    )


def _chart(result: QuestionResult) -> dict[str, Any]:
    q = result.question
    chart: dict[str, Any] = {"id": q.id, "kind": q.kind}
    if q.kind in ("single", "multiple", "scale"):
        chart["labels"] = [label for label, _n in result.counts]
        chart["values"] = [n for _label, n in result.counts]
    elif q.kind == "ranking":
        chart["labels"] = [label for label, _m in result.mean_rank]
        chart["values"] = [m for _label, m in result.mean_rank]
    elif q.kind == "matrix":
        chart["rows"] = [row for row, _cols in result.matrix]
        chart["columns"] = list(q.options)
        chart["values"] = [[n for _c, n in cols] for _row, cols in result.matrix]
    return chart


def _survey_results(survey: Survey) -> list[QuestionResult]:
    specs = survey_actions.question_specs(survey)
    return results(specs, survey.responses.values_list("answers", flat=True))


@login_required
def survey_results(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = _managed_survey(request, survey_pk)
    found = _survey_results(survey)
    return render(
        request,
        "consultation/survey_results.html",
        {
            "survey": survey,
            "consultation": survey.consultation,
            "results": found,
            "responses": survey.responses.count(),
            "charts": [_chart(r) for r in found if r.question.kind != "text"],
            "plotly_version": _plotly_version(),
            "manager": True,
        },
    )


def _rows(survey: Survey) -> list[list[str]]:
    specs = survey_actions.question_specs(survey)
    responses = [
        (timezone.localtime(r.created_at).strftime("%d/%m/%Y %H:%M"), r.answers)
        for r in survey.responses.order_by("created_at", "pk")
    ]
    return export_rows(specs, responses)


@login_required
def survey_csv(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = _managed_survey(request, survey_pk)
    response = HttpResponse(csv_bytes(_rows(survey)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{survey.pk}.csv"'
    return response


@login_required
def survey_xlsx(request: HttpRequest, survey_pk: int) -> HttpResponse:
    survey = _managed_survey(request, survey_pk)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Trả lời")
    for row in _rows(survey):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{survey.pk}.xlsx"'
    return response
