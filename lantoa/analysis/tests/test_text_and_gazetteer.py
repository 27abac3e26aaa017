"""Tokenisation, keyphrases and the public-body gazetteer."""

from lantoa.analysis.gazetteer import find_entities
from lantoa.analysis.keywords import keyphrases
from lantoa.analysis.text import syllables, tokens_with_punctuation
from lantoa.core.text import normalize_text


def test_tokens_are_lowercase_syllables_with_punctuation_kept_apart() -> None:
    assert tokens_with_punctuation("Hà Nội, ngày 5/7.") == [
        "hà",
        "nội",
        ",",
        "ngày",
        "5",
        "/",
        "7",
        ".",
    ]
    assert syllables("Hà Nội, ngày 5/7.") == ["hà", "nội", "ngày", "5", "7"]


def test_decomposed_and_old_style_spellings_meet_after_normalisation() -> None:
    decomposed = "Thanh Hoa\u0301"
    assert syllables(normalize_text(decomposed)) == syllables(normalize_text("Thanh Hoá"))
    assert syllables(normalize_text("Thanh Hóa")) == ["thanh", "hoá"]


def test_former_province_maps_to_current_unit() -> None:
    entities = find_entities(normalize_text("Lũ lớn ở Hà Giang và Quảng Nam"))
    assert [(e.kind, e.name, e.surface) for e in entities] == [
        ("province", "Tuyên Quang", "Hà Giang"),
        ("province", "Đà Nẵng", "Quảng Nam"),
    ]


def test_province_names_with_either_tone_style_and_capitals() -> None:
    names = [e.name for e in find_entities(normalize_text("THANH HÓA và Khánh Hoà, TP.HCM"))]
    assert names == ["Thanh Hoá", "Khánh Hoà", "Thành phố Hồ Chí Minh"]


def test_lowercase_phrase_is_not_a_province() -> None:
    assert find_entities("nước dâng cao bằng mái nhà") == []


def test_ministries_current_and_merged() -> None:
    text = normalize_text("Bộ Y tế và Bộ Thông tin và Truyền thông; Thanh tra Chính phủ")
    assert [(e.kind, e.name) for e in find_entities(text)] == [
        ("ministry", "Bộ Y tế"),
        ("ministry", "Bộ Khoa học và Công nghệ"),
        ("agency", "Thanh tra Chính phủ"),
    ]


def test_keyphrases_rank_repeated_phrases_first() -> None:
    tokens = tokens_with_punctuation(
        "Chuyển đổi số là ưu tiên. Tỉnh đẩy mạnh chuyển đổi số và cải cách hành chính."
    )
    assert keyphrases(tokens, limit=2) == ["chuyển đổi số"]


def test_a_text_repeating_no_phrase_gets_its_first_longest_phrase() -> None:
    # given texts in which no phrase occurs twice
    three = tokens_with_punctuation("Người dân phản ánh giá điện tăng cao. Tỉnh đã trả lời.")
    two = tokens_with_punctuation("Tỉnh ủy, giá điện.")

    # then the first three-syllable phrase wins, or else the first two-syllable one
    assert keyphrases(three) == ["dân phản ánh"]
    assert keyphrases(two) == ["tỉnh ủy"]
    assert keyphrases(tokens_with_punctuation("của và là.")) == []
