import re

import pytest

from lantoa.core.language import detect_language, is_vietnamese_syllable


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Uỷ ban nhân dân tỉnh Quảng Ninh vừa ban hành kế hoạch phòng chống bão số 3.", "vi"),
        ("hom nay nguoi dan ha noi khong di lam vi mua to qua", "vi"),
        ("The provincial People's Committee issued a plan to respond to the storm.", "en"),
        ("Le comité populaire de la province a publié un plan pour la tempête.", "fr"),
        ("越南政府今天发布了新的政策文件关于环境保护", "zh"),
        ("ベトナム政府はきょう新しい方針を発表しました", "ja"),
        ("베트남 정부는 오늘 새로운 정책을 발표했습니다", "ko"),
        ("Правительство Вьетнама объявило новую политику", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text).code == code


@pytest.mark.parametrize("word", ["Nguyễn", "nghiêng", "khuya", "trường", "quyết", "Đắk"])
def test_vietnamese_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["policy", "Straße", "Müller", "Tù1", "hoạá", "strength"])
def test_not_vietnamese_syllables(word):
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "text",
    [
        "Uỷ ban nhân dân tỉnh Quảng Ninh vừa ban hành kế hoạch phòng chống bão số 3.",
        "hom nay nguoi dan ha noi khong di lam vi mua to qua",
        "The provincial People's Committee issued a plan to respond to the storm.",
        "越南政府今天发布了新的政策文件关于环境保护",
    ],
)
def test_words_split_by_the_caller_give_the_same_language(text):
    # given the lower-cased word tokens a pipeline already has, digits among them
    words = [*re.findall(r"\w+", text.lower()), "2025"]

    # then the guess is the one made from the text alone
    assert detect_language(text, words=words) == detect_language(text)
