"""Surveys: the pure rules (conditions, cleaning, results, export) and the writes (one response
per verified participant, open/close dates, staff of the owner only)."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lantoa.consultation import survey_actions
from lantoa.consultation.models import Survey, SurveyQuestion, SurveyResponse
from lantoa.consultation.surveys import QuestionSpec, clean_answers, export_rows, results
from lantoa.consultation.tests.drafts import DRAFT_V1
from lantoa.consultation.tests.factories import make_consultation, make_participant
from lantoa.core.testing.personas import Personas

USES = QuestionSpec(1, "single", "Bạn có dùng xe đạp điện?", options=("Có", "Không"), required=True)
WHY = QuestionSpec(2, "text", "Vì sao không?", required=True, show_if=(1, "Không"))
SCORE = QuestionSpec(3, "scale", "Mức hài lòng", scale_min=1, scale_max=5)
PICKS = QuestionSpec(4, "multiple", "Bạn đi đâu?", options=("Trường", "Chợ", "Công sở"))
RANK = QuestionSpec(5, "ranking", "Ưu tiên", options=("Giá", "Trạm", "An toàn"))
GRID = QuestionSpec(
    6, "matrix", "Đánh giá", options=("Tốt", "Kém"), rows=("Xe", "Ứng dụng"), required=True
)
ALL = (USES, WHY, SCORE, PICKS, RANK, GRID)


def test_conditional_question_is_required_only_when_its_condition_holds() -> None:
    # a "Không" answer makes "Vì sao không?" required
    with pytest.raises(ValueError, match="Vì sao không"):
        clean_answers((USES, WHY), {"1": "Không"})
    assert clean_answers((USES, WHY), {"1": "Không", "2": " Đắt "}) == {"1": "Không", "2": "Đắt"}
    # a "Có" answer hides it: it is not required and an answer sent anyway is dropped
    assert clean_answers((USES, WHY), {"1": "Có", "2": "bỏ qua tôi"}) == {"1": "Có"}


def test_invalid_answers_are_refused() -> None:
    for raw in (
        {"1": "Có lẽ"},
        {"1": "Có", "3": "9"},
        {"1": "Có", "4": ["Trường", "Biển"]},
        {"1": "Có", "5": ["Giá", "Giá", "Trạm"]},
        {"1": "Có", "6": {"Xe": "Tốt"}},
        {"1": "Có", "6": {"Xe": "Tuyệt"}},
    ):
        with pytest.raises(ValueError):
            clean_answers(ALL, raw)


def test_results_count_every_kind() -> None:
    responses: list[dict[str, Any]] = [
        {"1": "Có", "3": 4, "4": ["Trường", "Chợ"], "5": ["Trạm", "Giá", "An toàn"]},
        {"1": "Có", "3": 5, "4": ["Chợ"], "5": ["Trạm", "An toàn", "Giá"]},
        {"1": "Không", "2": "Đắt", "6": {"Xe": "Tốt", "Ứng dụng": "Kém"}},
    ]
    uses, why, score, picks, rank, grid = results(ALL, responses)
    assert uses.counts == (("Có", 2), ("Không", 1)) and uses.answered == 3
    assert why.texts == ("Đắt",)
    assert score.counts == (("1", 0), ("2", 0), ("3", 0), ("4", 1), ("5", 1)) and score.mean == 4.5
    assert picks.counts == (("Trường", 1), ("Chợ", 2), ("Công sở", 0))
    assert rank.mean_rank == (("Trạm", 1.0), ("Giá", 2.5), ("An toàn", 2.5))
    assert grid.matrix == (("Xe", (("Tốt", 1), ("Kém", 0))), ("Ứng dụng", (("Tốt", 0), ("Kém", 1))))


def test_export_rows_flatten_answers_and_defuse_formulas() -> None:
    rows = export_rows(
        (USES, WHY, PICKS),
        [("01/12/2026 08:00", {"1": "Không", "2": "=HYPERLINK(1)", "4": ["Trường", "Chợ"]})],
    )
    assert rows == [
        ["Thời điểm gửi", "Bạn có dùng xe đạp điện?", "Vì sao không?", "Bạn đi đâu?"],
        ["01/12/2026 08:00", "Không", "'=HYPERLINK(1)", "Trường; Chợ"],
    ]


def _survey(personas: Personas) -> tuple[Survey, SurveyQuestion, SurveyQuestion]:
    consultation = make_consultation(personas.lan, personas.hanoi, DRAFT_V1)
    now = timezone.now()
    survey = survey_actions.create_survey(
        personas.lan,
        consultation,
        title="Khảo sát người dùng xe đạp điện",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7),
    )
    uses = survey_actions.add_question(
        personas.lan,
        survey,
        kind="single",
        text="Bạn có dùng?",
        options=["Có", "Không"],
        required=True,
    )
    why = survey_actions.add_question(
        personas.lan,
        survey,
        kind="text",
        text="Vì sao không?",
        required=True,
        show_if=(uses, "Không"),
    )
    return survey, uses, why


@pytest.mark.django_db
def test_one_response_per_verified_participant(personas: Personas) -> None:
    survey, uses, why = _survey(personas)
    dan = make_participant()
    # the conditional rule applies on submission
    with pytest.raises(ValueError):
        survey_actions.submit_response(dan, survey, {str(uses.pk): "Không"})
    first = survey_actions.submit_response(dan, survey, {str(uses.pk): "Không", str(why.pk): "Đắt"})
    assert first.answers == {str(uses.pk): "Không", str(why.pk): "Đắt"}
    # a second response is refused and the first is kept
    with pytest.raises(survey_actions.AlreadyRespondedError):
        survey_actions.submit_response(dan, survey, {str(uses.pk): "Có"})
    assert list(SurveyResponse.objects.values_list("answers", flat=True)) == [first.answers]


@pytest.mark.django_db
def test_unverified_closed_and_other_province_are_refused(personas: Personas) -> None:
    survey, uses, _ = _survey(personas)
    stranger = make_participant(email="la@example.vn")
    stranger.verified_at = None
    stranger.save()
    with pytest.raises(PermissionDenied):
        survey_actions.submit_response(stranger, survey, {str(uses.pk): "Có"})
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save()
    with pytest.raises(PermissionDenied):
        survey_actions.submit_response(make_participant(), survey, {str(uses.pk): "Có"})
    assert SurveyResponse.objects.count() == 0
    # Bình (Huế) can neither add a question to Hà Nội's survey nor create one
    with pytest.raises(PermissionDenied):
        survey_actions.add_question(personas.binh, survey, kind="text", text="Chen vào")
    with pytest.raises(PermissionDenied):
        survey_actions.create_survey(
            personas.binh,
            survey.consultation,
            title="x",
            opens_at=timezone.now(),
            closes_at=timezone.now() + timedelta(days=1),
        )
    assert survey.questions.count() == 2 and Survey.objects.count() == 1


@pytest.mark.django_db
def test_a_condition_must_point_at_a_choice_of_the_same_survey(personas: Personas) -> None:
    survey, uses, why = _survey(personas)
    with pytest.raises(ValueError):
        survey_actions.add_question(
            personas.lan, survey, kind="text", text="?", show_if=(uses, "Có lẽ")
        )
    with pytest.raises(ValueError):
        survey_actions.add_question(personas.lan, survey, kind="text", text="?", show_if=(why, "x"))
    assert survey.questions.count() == 2
