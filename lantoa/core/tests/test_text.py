import unicodedata

import pytest

from lantoa.core.text import content_hash, normalize_text


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("hòa bình", "hoà bình"),
        ("thủy lợi", "thuỷ lợi"),
        ("sức khỏe", "sức khoẻ"),
        ("Ủy ban", "Uỷ ban"),
        ("HÒA", "HOÀ"),
        ("xòe", "xoè"),
    ],
)
def test_old_and_new_tone_placement_meet_in_the_new_style(old_style, new_style):
    # given two spellings of the same word, when normalised, then both give the new style
    assert normalize_text(old_style) == new_style
    assert normalize_text(new_style) == new_style


@pytest.mark.parametrize("word", ["quý", "của", "hoàng", "khuyến", "thuở", "người", "mùa"])
def test_syllables_without_the_ambiguity_are_untouched(word):
    assert normalize_text(word) == word


def test_decomposed_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert normalize_text(decomposed) == "Việt Nam"
    assert len(normalize_text(decomposed)) == len("Việt Nam")


def test_invisible_and_control_characters_are_removed_but_newline_and_tab_kept():
    given = "Hà\u200b Nội\u00ad\u2060\ufeff\x07 mưa\tto\nngày\u200d mai"
    assert normalize_text(given) == "Hà Nội mưa\tto\nngày mai"


def test_whitespace_collapses_to_single_spaces_and_at_most_one_blank_line():
    given = "  Đoạn  một\u00a0\u00a0câu.  \r\n\r\n\r\n\r\n   Đoạn hai.\rDòng ba   "
    assert normalize_text(given) == "Đoạn một câu.\n\nĐoạn hai.\nDòng ba"


def test_content_hash_ignores_form_style_and_layout_but_not_words():
    original = "Uỷ ban nhân dân tỉnh\n\nhọp về thuỷ lợi."
    same = unicodedata.normalize("NFD", "Ủy  ban nhân dân tỉnh họp\u200b về thủy lợi.")
    different = "Uỷ ban nhân dân huyện họp về thuỷ lợi."
    assert content_hash(original) == content_hash(same)
    assert content_hash(original) != content_hash(different)
    assert len(content_hash(original)) == 64
