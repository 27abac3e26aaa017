"""Surveys over /api/v1/consultations/surveys/: the same reads and permissions as the pages.

Token holders read the surveys of consultations they reach; the owner's staff create surveys,
add questions and read results. A token holder answers as the verified participant with their
own e-mail address, once per survey (as on the page).
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lantoa.accounts.models import User
from lantoa.accounts.requests import signed_in_user
from lantoa.consultation import survey_actions
from lantoa.consultation.models import Survey, SurveyQuestion
from lantoa.consultation.queries import (
    participant_of,
    public_consultations,
    staff_consultations,
)
from lantoa.consultation.surveys import results
from lantoa.core.api_pagination import ErrorOut, Pages

router = Router()
_ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _reachable(user: User) -> QuerySet[Survey]:
    staff = Q(consultation__in=staff_consultations(user).values("pk"))
    public = Q(consultation__in=public_consultations().values("pk"), opens_at__lte=timezone.now())
    return Survey.objects.filter(staff | public).select_related("consultation__owner")


def _managed(user: User) -> QuerySet[Survey]:
    return Survey.objects.filter(consultation__in=staff_consultations(user).values("pk"))


class QuestionOut(Schema):
    id: int
    position: int
    kind: str
    text: str
    options: list[str]
    rows: list[str]
    scale_min: int
    scale_max: int
    required: bool
    show_if_question_id: int | None
    show_if_value: str


class SurveyOut(Schema):
    id: int
    consultation_id: int
    title: str
    description: str
    opens_at: datetime
    closes_at: datetime


class SurveyDetailOut(SurveyOut):
    questions: list[QuestionOut]

    @staticmethod
    def resolve_questions(obj: Survey) -> list[SurveyQuestion]:
        return list(obj.questions.order_by("position"))


class SurveyIn(Schema):
    consultation_id: int
    title: str = Field(..., max_length=300)
    description: str = ""
    opens_at: datetime
    closes_at: datetime


@router.get("/", response=list[SurveyOut], summary="Danh sách khảo sát")
@paginate(Pages)
def list_surveys(request: HttpRequest, consultation_id: int | None = None) -> QuerySet[Survey]:
    found = _reachable(signed_in_user(request))
    return found.filter(consultation_id=consultation_id) if consultation_id else found


@router.post("/", response={201: SurveyOut, **_ERRORS}, summary="Tạo khảo sát")
def create_survey(request: HttpRequest, payload: SurveyIn) -> Status:
    user = signed_in_user(request)
    consultation = (
        staff_consultations(user).filter(pk=payload.consultation_id).first()
        or public_consultations().filter(pk=payload.consultation_id).first()
    )
    if consultation is None:
        return Status(404, {"detail": "Không tìm thấy cuộc lấy ý kiến."})
    try:
        survey = survey_actions.create_survey(
            user,
            consultation,
            title=payload.title,
            description=payload.description,
            opens_at=payload.opens_at,
            closes_at=payload.closes_at,
        )
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, survey)


@router.get("/{survey_id}", response=SurveyDetailOut, summary="Một khảo sát và các câu hỏi")
def get_survey(request: HttpRequest, survey_id: int) -> Survey:
    return get_object_or_404(_reachable(signed_in_user(request)), pk=survey_id)


class QuestionIn(Schema):
    kind: str
    text: str = Field(..., max_length=500)
    options: list[str] = []
    rows: list[str] = []
    scale_min: int = 1
    scale_max: int = 5
    required: bool = False
    show_if_question_id: int | None = None
    show_if_value: str = ""


@router.post(
    "/{survey_id}/questions", response={201: QuestionOut, **_ERRORS}, summary="Thêm câu hỏi"
)
def add_question(request: HttpRequest, survey_id: int, payload: QuestionIn) -> Status:
    user = signed_in_user(request)
    survey = get_object_or_404(_reachable(user), pk=survey_id)
    show_if = None
    if payload.show_if_question_id:
        source = SurveyQuestion.objects.filter(pk=payload.show_if_question_id, survey=survey)
        if not source.exists():
            return Status(422, {"detail": "Câu hỏi điều kiện phải thuộc cùng khảo sát."})
        show_if = (source.get(), payload.show_if_value)
    try:
        question = survey_actions.add_question(
            user,
            survey,
            kind=payload.kind,
            text=payload.text,
            options=payload.options,
            rows=payload.rows,
            scale=(payload.scale_min, payload.scale_max),
            required=payload.required,
            show_if=show_if,
        )
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, question)


class ResponseIn(Schema):
    answers: dict[str, Any] = Field(..., description="Mã câu hỏi → câu trả lời")


class ResponseOut(Schema):
    id: int
    answers: dict[str, Any]


@router.post(
    "/{survey_id}/responses",
    response={201: ResponseOut, 409: ErrorOut, **_ERRORS},
    summary="Trả lời khảo sát (với tư cách người góp ý đã xác nhận cùng địa chỉ thư)",
)
def respond(request: HttpRequest, survey_id: int, payload: ResponseIn) -> Status:
    user = signed_in_user(request)
    survey = get_object_or_404(_reachable(user), pk=survey_id)
    participant = participant_of(user)
    if participant is None:
        return Status(403, {"detail": "Cần xác nhận địa chỉ thư điện tử trên trang dự thảo."})
    try:
        response = survey_actions.submit_response(participant, survey, payload.answers)
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied)})
    except survey_actions.AlreadyRespondedError as again:
        return Status(409, {"detail": str(again)})
    except ValueError as invalid:
        return Status(422, {"detail": str(invalid)})
    return Status(201, response)


class ResultOut(Schema):
    question_id: int
    kind: str
    text: str
    answered: int
    counts: list[tuple[str, int]]
    matrix: list[tuple[str, list[tuple[str, int]]]]
    mean: float | None
    mean_rank: list[tuple[str, float]]
    texts: list[str]


@router.get(
    "/{survey_id}/results",
    response=list[ResultOut],
    summary="Kết quả khảo sát (cơ quan chủ trì)",
)
def survey_results(request: HttpRequest, survey_id: int) -> list[dict[str, Any]]:
    survey = get_object_or_404(_managed(signed_in_user(request)), pk=survey_id)
    specs = survey_actions.question_specs(survey)
    found = results(specs, survey.responses.values_list("answers", flat=True))
    return [
        {
            "question_id": r.question.id,
            "kind": r.question.kind,
            "text": r.question.text,
            "answered": r.answered,
            "counts": list(r.counts),
            "matrix": [(row, list(cols)) for row, cols in r.matrix],
            "mean": r.mean,
            "mean_rank": list(r.mean_rank),
            "texts": list(r.texts),
        }
        for r in found
    ]
