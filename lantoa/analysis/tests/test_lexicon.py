"""Lexicon scorer: negation, intensifiers, contrast emphasis, teencode toxicity."""

import pytest

from lantoa.analysis.lexicon_scorer import (
    score_stance,
    score_toxicity,
    stance_probabilities,
    toxicity_probabilities,
)
from lantoa.analysis.text import tokens_with_punctuation
from lantoa.core.text import normalize_text


def stance_of(text: str) -> str:
    probabilities = stance_probabilities(
        score_stance(tokens_with_punctuation(normalize_text(text)))
    )
    return max(probabilities, key=probabilities.__getitem__)


def toxicity_of(text: str) -> str:
    score = score_toxicity(tokens_with_punctuation(normalize_text(text)))
    probabilities = toxicity_probabilities(score)
    return max(probabilities, key=probabilities.__getitem__)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dịch vụ công tốt", "positive"),
        ("Dịch vụ công không tốt", "negative"),
        ("Dịch vụ công chưa thật sự hiệu quả", "negative"),
        ("Tỉnh vượt kế hoạch thu ngân sách", "positive"),
        ("Phát hiện sai phạm tại dự án", "negative"),
        ("Ủy ban tổ chức họp về kế hoạch năm", "neutral"),
    ],
)
def test_stance_of_plain_and_negated_cues(text: str, expected: str) -> None:
    assert stance_of(text) == expected


def test_negated_negative_cue_is_not_negative() -> None:
    # given a negative word under negation
    tokens = tokens_with_punctuation("kết quả không tệ")
    # when it is scored
    score = score_stance(tokens)
    # then it counts as negated and the text is not negative
    assert score.negated == 1
    assert score.score > 0
    assert stance_of("kết quả không tệ") != "negative"


def test_khong_starting_a_noun_negates_nothing() -> None:
    assert score_stance(tokens_with_punctuation("không khí trong lành, hiệu quả")).negated == 0
    assert score_stance(tokens_with_punctuation("hàng không tăng trưởng")).negated == 0


def test_punctuation_ends_negation_scope() -> None:
    assert score_stance(tokens_with_punctuation("không, kết quả tốt")).negated == 0


def test_intensifier_strengthens_a_cue() -> None:
    plain = score_stance(tokens_with_punctuation("tích cực"))
    intensified = score_stance(tokens_with_punctuation("rất tích cực"))
    after = score_stance(tokens_with_punctuation("tích cực lắm"))
    assert (plain.score, intensified.score, after.score) == (1.0, 1.5, 1.4)


def test_clause_after_tuy_nhien_carries_the_emphasis() -> None:
    text = "Doanh thu tăng trưởng tốt, tuy nhiên vẫn còn chậm trễ"
    score = score_stance(tokens_with_punctuation(text))
    assert score.contrast is True
    assert stance_of(text) == "negative"
    assert stance_of("Còn chậm trễ, song kết quả rất tốt") == "positive"


def test_positive_goal_in_a_directive_stays_neutral() -> None:
    # given a directive that names a goal, and a report that names the same result
    directive = "Bộ yêu cầu các địa phương cần nâng cao hiệu quả công tác"
    report = "Công tác của các địa phương đạt hiệu quả, thành công"
    # then the goal is neutral and the achievement positive
    assert stance_of(directive) == "neutral"
    assert stance_of(report) == "positive"


def test_song_song_is_not_a_contrast() -> None:
    assert score_stance(tokens_with_punctuation("triển khai song song hai dự án")).contrast is False


def test_text_without_diacritics_matches_folded_phrases() -> None:
    assert stance_of("phat hien tham nhung nghiem trong") == "negative"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bài viết hay, cảm ơn", "CLEAN"),
        ("vcl thật", "OFFENSIVE"),
        ("dm nói gì vậy", "OFFENSIVE"),
        ("bọn ngu", "HATE"),
        ("lu suc vat", "HATE"),
    ],
)
def test_toxicity_lexicon(text: str, expected: str) -> None:
    assert toxicity_of(text) == expected
