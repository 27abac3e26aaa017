import time

import numpy as np
from numpy.typing import NDArray
from sklearn.metrics import adjusted_rand_score

from lantoa.consultation.opinion import opinion_groups


def planted_votes(
    participants: int = 2000, statements: int = 100, groups: int = 3, seed: int = 7
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Each group has a stance per statement; members follow it 80 % of the time, see 60 %."""
    rng = np.random.default_rng(seed)
    stances = rng.choice([-1.0, 1.0], size=(groups, statements))
    stances[:, :5] = 1.0  # five statements everybody agrees with: the consensus
    truth = rng.integers(0, groups, size=participants)
    follow = rng.random((participants, statements)) < 0.8
    votes = np.where(follow, stances[truth], -stances[truth])
    passes = rng.random((participants, statements)) < 0.1
    votes = np.where(passes, 0.0, votes)
    unseen = rng.random((participants, statements)) < 0.4
    return np.where(unseen, np.nan, votes), truth


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
