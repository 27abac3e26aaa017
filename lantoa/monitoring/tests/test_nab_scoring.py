"""NAB scoring rules: the null and perfect detectors anchor 0 and 100; a hand-worked case."""

import pytest

from lantoa.monitoring.detection.nab_corpus import load_nab_corpus, nab_root
from lantoa.monitoring.detection.nab_scoring import (
    PROFILES,
    ScoredFile,
    probationary_length,
    scaled_sigmoid,
    score_corpus,
)

STANDARD = PROFILES[0]


def _file(*, firing_rows: tuple[int, ...], n_rows: int = 100) -> ScoredFile:
    scores = [1.0 if row in firing_rows else 0.0 for row in range(n_rows)]
    return ScoredFile(name="tiny.csv", scores=scores, windows=((40, 49),))


def test_scaled_sigmoid_matches_nab_anchor_points() -> None:
    assert scaled_sigmoid(-1.0) == pytest.approx(0.98661, abs=1e-5)
    assert scaled_sigmoid(-0.5) == pytest.approx(0.84828, abs=1e-5)
    assert scaled_sigmoid(0.0) == 0.0
    assert scaled_sigmoid(3.5) == -1.0


def test_probationary_length_is_15_percent_capped_at_750() -> None:
    assert probationary_length(100) == 15
    assert probationary_length(20_000) == 750


@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: profile.name)
def test_detection_at_each_window_start_scores_100(profile) -> None:
    # Given a detector firing only at the first row of the window
    files = [_file(firing_rows=(40,))]
    # When scored
    result = score_corpus(files, profile)
    # Then it is perfect
    assert result.normalised == pytest.approx(100.0)
    assert (result.true_positives, result.false_positives, result.false_negatives) == (1, 0, 0)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: profile.name)
def test_silent_detector_scores_0(profile) -> None:
    result = score_corpus([_file(firing_rows=())], profile)
    assert result.normalised == 0.0
    assert (result.true_positives, result.false_positives, result.false_negatives) == (0, 0, 1)


def test_mid_window_detection_and_one_later_false_positive_hand_worked() -> None:
    # Given a hit halfway into a 10-row window (rows 40-49) and a false alarm at row 60
    files = [_file(firing_rows=(45, 60))]
    # When scored with the standard profile
    result = score_corpus(files, STANDARD)
    # Then TP = sig(-0.5)/sig(-1) = 0.859793, FP = 0.11 * sig(11/9) = -0.109513,
    # normalised = 100 * (0.859793 - 0.109513 + 1) / 2
    assert result.normalised == pytest.approx(87.513973, abs=1e-6)
    assert (result.true_positives, result.false_positives, result.false_negatives) == (1, 1, 0)


def test_only_the_earliest_detection_in_a_window_counts() -> None:
    early = score_corpus([_file(firing_rows=(45,))], STANDARD)
    early_and_late = score_corpus([_file(firing_rows=(45, 48))], STANDARD)
    assert early_and_late.normalised == pytest.approx(early.normalised) == pytest.approx(92.98963)


def test_detections_in_the_probationary_period_count_for_nothing() -> None:
    result = score_corpus([_file(firing_rows=(5, 45))], STANDARD)
    assert result.false_positives == 0
    assert result.normalised == pytest.approx(92.98963, abs=1e-5)


def test_threshold_is_chosen_to_maximise_the_corpus_score() -> None:
    # Given a strong hit (score 0.9) and a weaker false alarm far after the window (score 0.5)
    scores = [0.0] * 100
    scores[45], scores[95] = 0.9, 0.5
    files = [ScoredFile(name="f.csv", scores=scores, windows=((40, 49),))]
    # Then the threshold keeps the hit and drops the false alarm
    result = score_corpus(files, STANDARD)
    assert result.threshold == 0.9
    assert (result.true_positives, result.false_positives) == (1, 0)


@pytest.mark.datasets
def test_real_nab_labels_anchor_perfect_and_null_detectors() -> None:
    if not nab_root().is_dir():
        pytest.skip("NAB dataset not available")
    corpus = load_nab_corpus()
    perfect = [
        ScoredFile(
            name=file.name,
            scores=[
                1.0 if any(row == first for first, _ in file.windows) else 0.0
                for row in range(len(file.values))
            ],
            windows=file.windows,
        )
        for file in corpus
    ]
    silent = [
        ScoredFile(name=f.name, scores=[0.0] * len(f.values), windows=f.windows) for f in corpus
    ]
    assert len(corpus) == 28
    assert sum(len(file.windows) for file in corpus) == 58
    for profile in PROFILES:
        assert score_corpus(perfect, profile).normalised == pytest.approx(100.0)
        assert score_corpus(silent, profile).normalised == 0.0
