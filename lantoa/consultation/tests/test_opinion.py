import time

import numpy as np
from sklearn.metrics import adjusted_rand_score

from lantoa.consultation.opinion import opinion_groups
from lantoa.consultation.tests.factories import planted_votes


def test_planted_groups_are_recovered_quickly_and_identically() -> None:
    # given 2,000 participants × 100 statements with three planted opinion groups
    votes, truth = planted_votes()

    # when opinion groups are computed twice
    started = time.perf_counter()
    first = opinion_groups(votes)
    seconds = time.perf_counter() - started
    second = opinion_groups(votes)

    # then the three groups are found (ARI ≥ 0.95), in seconds, and both runs are identical
    assert first.k == 3
    ari = adjusted_rand_score(truth, first.labels)
    assert ari >= 0.95, ari
    assert seconds < 10, seconds
    assert first == second
    # the planted consensus statements are reported as agreed by every group
    consensus = {c.statement for c in first.consensus if c.direction == "agree"}
    assert set(range(5)) <= consensus
    # each group's representative statements are ones its planted stance differs on
    for group in first.groups:
        assert group.representatives
        assert all(r.statement >= 5 for r in group.representatives)


def test_participants_with_too_few_votes_are_not_placed() -> None:
    votes, _ = planted_votes(participants=300, statements=20)
    votes[0, :] = np.nan
    votes[0, 0] = 1.0
    report = opinion_groups(votes)
    assert report.labels[0] == -1
    assert all(0 not in group.members for group in report.groups)


def test_too_little_data_gives_an_empty_report() -> None:
    report = opinion_groups(np.array([[1.0, -1.0], [1.0, 1.0]]))
    assert report.k == 0
    assert report.groups == ()
