"""Writes to surveys: staff build them (owner's managers only), verified participants answer once.

Every refusal raises ``PermissionDenied`` or ``ValueError`` and changes nothing.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from lantoa.accounts.models import User
from lantoa.accounts.scoping import can_manage
from lantoa.consultation.models import (
    Consultation,
    Participant,
    QuestionKind,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)
from lantoa.consultation.surveys import QuestionSpec, clean_answers

__all__ = [
    "AlreadyRespondedError",
    "add_question",
    "create_survey",
    "question_specs",
    "submit_response",
]


class AlreadyRespondedError(ValueError):
    """The participant has already answered this survey."""


def _check_manager(user: User, consultation: Consultation) -> None:
    if not (
        user.has_perm("consultation.change_consultation") and can_manage(user, consultation.owner)
    ):
        raise PermissionDenied(_("Bạn không có quyền với cuộc lấy ý kiến của đơn vị này."))


def create_survey(
    user: User,
    consultation: Consultation,
    *,
    title: str,
    opens_at: datetime,
    closes_at: datetime,
    description: str = "",
) -> Survey:
    _check_manager(user, consultation)
    if not title.strip():
        raise ValueError(_("Cần tên khảo sát."))
    if closes_at <= opens_at:
        raise ValueError(_("Ngày đóng phải sau ngày mở khảo sát."))
    return Survey.objects.create(
        consultation=consultation,
        title=title.strip()[:300],
        description=description.strip(),
        opens_at=opens_at,
        closes_at=closes_at,
    )


def _check_question(
    kind: str, options: Sequence[str], rows: Sequence[str], scale: tuple[int, int]
) -> None:
    if kind not in QuestionKind.values:
        raise ValueError(_("Loại câu hỏi không hợp lệ."))
    if kind in ("single", "multiple", "ranking", "matrix") and len(set(options)) < 2:
        raise ValueError(_("Cần ít nhất hai lựa chọn khác nhau."))
    if kind == "matrix" and not rows:
        raise ValueError(_("Câu hỏi dạng bảng cần ít nhất một dòng."))
    if kind == "scale" and not scale[0] < scale[1] <= scale[0] + 10:
        raise ValueError(_("Thang điểm không hợp lệ (tối đa 11 mức)."))


def _check_condition(survey: Survey, source: SurveyQuestion | None, value: str) -> None:
    if source is None:
        return
    if source.survey_id != survey.pk:
        raise ValueError(_("Câu hỏi điều kiện phải thuộc cùng khảo sát."))
    if source.kind in ("single", "multiple") and value not in source.options:
        raise ValueError(_("Giá trị điều kiện không phải một lựa chọn của câu hỏi đó."))
    if source.kind in ("ranking", "matrix", "text"):
        raise ValueError(_("Chỉ đặt điều kiện theo câu hỏi chọn một, chọn nhiều hoặc thang điểm."))


@transaction.atomic
def add_question(
    user: User,
    survey: Survey,
    *,
    kind: str,
    text: str,
    options: Sequence[str] = (),
    rows: Sequence[str] = (),
    scale: tuple[int, int] = (1, 5),
    required: bool = False,
    show_if: tuple[SurveyQuestion, str] | None = None,
) -> SurveyQuestion:
    """Append a question; ``show_if=(question, value)`` shows it only after that answer."""
    _check_manager(user, survey.consultation)
    options = [o.strip() for o in options if o.strip()]
    rows = [r.strip() for r in rows if r.strip()]
    if not text.strip():
        raise ValueError(_("Cần nội dung câu hỏi."))
    _check_question(kind, options, rows, scale)
    source, value = show_if if show_if else (None, "")
    _check_condition(survey, source, value.strip())
    last = Survey.objects.filter(pk=survey.pk).aggregate(m=Max("questions__position"))["m"]
    return SurveyQuestion.objects.create(
        survey=survey,
        position=(last or 0) + 1,
        kind=kind,
        text=text.strip()[:500],
        options=options,
        rows=rows,
        scale_min=scale[0],
        scale_max=scale[1],
        required=required,
        show_if_question=source,
        show_if_value=value.strip(),
    )


def question_specs(survey: Survey) -> list[QuestionSpec]:
    """The survey's questions as pure specs, in order."""
    return [
        QuestionSpec(
            id=q.pk,
            kind=q.kind,
            text=q.text,
            options=tuple(q.options),
            rows=tuple(q.rows),
            scale_min=q.scale_min,
            scale_max=q.scale_max,
            required=q.required,
            show_if=(q.show_if_question_id, q.show_if_value) if q.show_if_question_id else None,
        )
        for q in survey.questions.order_by("position")
    ]


def submit_response(
    participant: Participant, survey: Survey, raw: Mapping[str, Any]
) -> SurveyResponse:
    """Store one participant's answers; a second response is refused by the database."""
    if participant.verified_at is None:
        raise PermissionDenied(_("Cần xác nhận thư điện tử trước khi trả lời khảo sát."))
    if not survey.is_open():
        raise PermissionDenied(_("Khảo sát không trong thời gian nhận trả lời."))
    answers = clean_answers(question_specs(survey), raw)
    if not answers:
        raise ValueError(_("Chưa trả lời câu hỏi nào."))
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                survey=survey, participant=participant, answers=answers
            )
    except IntegrityError:
        raise AlreadyRespondedError(_("Bạn đã trả lời khảo sát này.")) from None
