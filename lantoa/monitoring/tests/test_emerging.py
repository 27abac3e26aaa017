"""Emerging issues: surprising terms found, grouped by shared documents, ranked."""

import pytest

from lantoa.monitoring.detection.emerging import find_emerging_issues, term_surprises

BASELINE = {
    "học phí": [2] * 28,
    "tăng": [20] * 28,
    "sinh viên": [3] * 28,
    "ngập": [1] * 28,
    "thời tiết": [10] * 28,
}
TODAY = {"học phí": 40, "tăng": 22, "sinh viên": 30, "ngập": 25, "thời tiết": 11, "lạ": 3}


def test_only_terms_well_above_their_baseline_and_above_min_count_surface() -> None:
    surprises = term_surprises(current_counts=TODAY, baseline_daily_counts=BASELINE)
    assert [item.term for item in surprises] == ["học phí", "ngập", "sinh viên"]
    assert surprises[0].baseline_mean == pytest.approx((56 + 0.5) / 28)


def test_new_term_with_enough_mentions_is_surprising() -> None:
    surprises = term_surprises(current_counts={"bão yagi": 12}, baseline_daily_counts={})
    assert [item.term for item in surprises] == ["bão yagi"]
    assert surprises[0].score > 10


def test_terms_sharing_documents_form_one_issue_ranked_by_surprise() -> None:
    # Given two stories: tuition (học phí + sinh viên in the same articles) and flooding
    documents = {
        "học phí": {"a1", "a2", "a3", "a4"},
        "sinh viên": {"a2", "a3", "a4", "a5"},
        "ngập": {"b1", "b2"},
    }
    issues = find_emerging_issues(
        current_counts=TODAY, baseline_daily_counts=BASELINE, term_documents=documents
    )
    # Then there are two issues, the more surprising first
    assert [issue.label_terms for issue in issues] == [("học phí", "sinh viên"), ("ngập",)]
    assert issues[0].documents == 5
    assert issues[0].count == 40
    assert issues[0].score >= issues[1].score


def test_without_document_sets_every_term_stands_alone() -> None:
    issues = find_emerging_issues(current_counts=TODAY, baseline_daily_counts=BASELINE)
    assert len(issues) == 3
    assert all(issue.documents == 0 for issue in issues)
