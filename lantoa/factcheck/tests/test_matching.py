"""The pure matcher: variants of a claim meet it, other statements do not."""

from lantoa.factcheck.dataset import load_pairs
from lantoa.factcheck.matching import (
    DEFAULT_AUTO,
    DEFAULT_SUGGEST,
    Candidate,
    best_matches,
    normalise_claim,
    score_pairs,
)

CLAIM = (
    "Từ ngày 1/7 người dân phải nộp phí 500.000 đồng khi đổi căn cước công dân sang căn cước mới"
)
OTHER = "Thuốc hạ sốt paracetamol có chứa virus Machupo gây tử vong"
CANDIDATES = [Candidate(claim_id=1, text=CLAIM), Candidate(claim_id=2, text=OTHER)]


def test_normalisation_drops_emojis_hashtags_links_and_diacritics() -> None:
    assert normalise_claim("🔥 Đổi CĂN CƯỚC #tinnong https://x.vn/a ‼️") == "doi can cuoc tinnong"


def test_variants_reach_the_auto_threshold_and_pick_the_right_claim() -> None:
    variants = [
        "tu ngay 1/7 nguoi dan phai nop phi 500.000 dong khi doi can cuoc cong dan sang can cuoc moi",
        "😱😱 Người dân phải nộp phí 500.000 đồng khi đổi căn cước mới từ ngày 1/7 #chiase",
        "“…phải nộp phí 500.000 đồng khi đổi căn cước…”",
    ]
    found = best_matches(variants, CANDIDATES, minimum=DEFAULT_SUGGEST)
    assert [m.claim_id if m else None for m in found] == [1, 1, 1]
    assert all(m is not None and m.score >= DEFAULT_AUTO for m in found)


def test_a_same_subject_statement_is_not_matched() -> None:
    text = "Bộ Công an hướng dẫn người dân cấp đổi căn cước miễn phí tại trụ sở công an xã"
    assert best_matches([text], CANDIDATES, minimum=DEFAULT_AUTO) == [None]


def test_no_candidates_means_no_match() -> None:
    assert best_matches(["bất kỳ"], [], minimum=0.1) == [None]


def test_labelled_set_is_large_enough_and_held_out_figures_hold() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 300
    test = [p for p in pairs if p.split == "test"]
    scores = score_pairs([(p.claim, p.text) for p in test])
    flagged = [(s >= DEFAULT_SUGGEST, p.label) for s, p in zip(scores, test, strict=True)]
    true_positive = sum(1 for hit, label in flagged if hit and label)
    precision = true_positive / sum(1 for hit, _ in flagged if hit)
    recall = true_positive / sum(1 for _, label in flagged if label)
    assert precision >= 0.95
    assert recall >= 0.95
