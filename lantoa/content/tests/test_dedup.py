"""Story clustering: exact reprints, light edits and unrelated texts, with precision and recall.

The labelled pairs are generated here from the corpus texts: each original gets a verbatim
reprint in another layout, a reprint with a source line, an old-style-tone copy, and light
edits (changed figures and words, a dropped closing paragraph); every other article is a
negative. The index sees all originals first, then the variants.
"""

import re
import unicodedata

import pytest

from lantoa.content.dedup import StoryIndex, TextSignature, compute_signature
from lantoa.content.tests.extraction_corpus.scoring import load_corpus

ORIGINALS = {page.name: page.expected_text for page in load_corpus()}
_EDITS = {
    "cho biết": "thông tin",
    "người dân": "bà con",
    "tỉnh": "địa phương",
    "yêu cầu": "đề nghị",
}


def reprint_with_source_line(text: str) -> str:
    return f"(Báo Địa Phương) - {text.strip()}\n\nTheo Báo Địa Phương"


def reflowed_old_style_copy(text: str) -> str:
    old_style = text.replace("hoà", "hòa").replace("khoẻ", "khỏe").replace("uỷ", "ủy")
    return unicodedata.normalize("NFD", " ".join(old_style.split()))


def light_edit(text: str) -> str:
    for word, replacement in _EDITS.items():
        text = text.replace(word, replacement, 1)
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), text, count=3)


def without_last_paragraph_and_edited(text: str) -> str:
    return light_edit(text.strip().rsplit("\n\n", 1)[0])


VARIANTS = {
    "reprint": reprint_with_source_line,
    "reflowed": reflowed_old_style_copy,
    "light_edit": light_edit,
    "shortened": without_last_paragraph_and_edited,
}


def clustered_index() -> tuple[StoryIndex, dict[str, str]]:
    index = StoryIndex()
    truth: dict[str, str] = {}
    for name, text in ORIGINALS.items():
        index.add(item_key=name, text=text)
        truth[name] = name
    for name, text in ORIGINALS.items():
        for kind, make in VARIANTS.items():
            index.add(item_key=f"{name}/{kind}", text=make(text))
            truth[f"{name}/{kind}"] = name
    return index, truth


def pair_counts(index: StoryIndex, truth: dict[str, str]) -> tuple[int, int, int]:
    keys = sorted(truth)
    true_pos = false_pos = false_neg = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            same_story, same_truth = index.story_of(a) == index.story_of(b), truth[a] == truth[b]
            true_pos += same_story and same_truth
            false_pos += same_story and not same_truth
            false_neg += same_truth and not same_story
    return true_pos, false_pos, false_neg


def test_reprints_and_edits_join_their_story_with_high_precision_and_recall():
    index, truth = clustered_index()

    true_pos, false_pos, false_neg = pair_counts(index, truth)

    assert true_pos / (true_pos + false_pos) == 1.0
    assert true_pos / (true_pos + false_neg) >= 0.95


def test_every_original_starts_its_own_story():
    index = StoryIndex()
    matches = [index.add(item_key=name, text=text) for name, text in ORIGINALS.items()]
    assert all(match.is_new_story for match in matches)
    assert [match.story_key for match in matches] == list(ORIGINALS)


def test_exact_reprint_is_matched_by_hash():
    index = StoryIndex()
    text = next(iter(ORIGINALS.values()))
    index.add(item_key="goc", text=text)

    match = index.add(item_key="dang-lai", text=reflowed_old_style_copy(text))

    assert (match.story_key, match.exact, match.similarity) == ("goc", True, 1.0)
    assert match.matched_item_key == "goc"


def test_light_edit_is_matched_by_similarity():
    index = StoryIndex()
    text = next(iter(ORIGINALS.values()))
    index.add(item_key="goc", text=text)

    match = index.add(item_key="sua", text=light_edit(text))

    assert (match.story_key, match.exact, match.is_new_story) == ("goc", False, False)
    assert 0.5 <= match.similarity < 1.0


def test_index_rebuilt_from_stored_signatures_matches_the_same_way():
    text = next(iter(ORIGINALS.values()))
    stored = TextSignature.from_bytes(compute_signature(text).to_bytes())
    rebuilt = StoryIndex()
    rebuilt.add(item_key="goc", signature=stored, story_key="story-7")

    match = rebuilt.add(item_key="sua", text=light_edit(text))

    assert match.story_key == "story-7"
    assert len(rebuilt) == 2


def test_signature_round_trips_through_bytes():
    signature = compute_signature("Uỷ ban nhân dân tỉnh họp về thuỷ lợi.")
    assert TextSignature.from_bytes(signature.to_bytes()) == signature
    assert len(signature.to_bytes()) == 32 + 2 + 4 * (128 + len(signature.key_tokens))
    assert len(signature.key_tokens) == 0


def test_adding_a_key_twice_is_refused():
    index = StoryIndex()
    index.add(item_key="a", text="một hai ba bốn")
    with pytest.raises(ValueError, match="already indexed"):
        index.add(item_key="a", text="một hai ba bốn")
