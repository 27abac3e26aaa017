"""Opinion groups from statement votes, in the Pol.is style. Pure: a vote matrix in, a report out.

Votes are +1 (agree), -1 (disagree), 0 (pass); a statement a participant never saw is missing
(NaN) and is imputed with the statement's mean vote. Participants with fewer than ``min_votes``
votes are left out of the clustering. The matrix is projected with PCA and clustered with
k-means for k in 2..``max_k``; the k with the best silhouette wins. Every random step has a fixed
seed, so the same data always gives the same groups.

Representative statements of a group are those its members agree (or disagree) with clearly
more than everyone else (Pol.is "repness": ratio of smoothed agreement probabilities times the
in-group probability, kept only when a two-proportion z-test passes). Consensus statements are
those every group agrees (or disagrees) with at probability ``consensus_threshold`` or more.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score

__all__ = ["Consensus", "OpinionGroup", "OpinionReport", "Representative", "opinion_groups"]

_Z_90 = 1.2816  # one-sided 90 %


@dataclass(frozen=True, slots=True)
class Representative:
    statement: int
    direction: str  # "agree" | "disagree"
    probability: float
    repness: float


@dataclass(frozen=True, slots=True)
class OpinionGroup:
    index: int
    members: tuple[int, ...]
    representatives: tuple[Representative, ...]


@dataclass(frozen=True, slots=True)
class Consensus:
    statement: int
    direction: str
    probability: float


@dataclass(frozen=True, slots=True)
class OpinionReport:
    """``labels[i]`` is participant i's group, or -1 when they voted too little to be placed."""

    k: int
    silhouette: float
    labels: tuple[int, ...]
    groups: tuple[OpinionGroup, ...]
    consensus: tuple[Consensus, ...]


def _impute(votes: NDArray[np.float64]) -> NDArray[np.float64]:
    seen = ~np.isnan(votes)
    counts = seen.sum(axis=0)
    means = np.where(counts > 0, np.nansum(votes, axis=0) / np.maximum(counts, 1), 0.0)
    return np.where(seen, votes, means)


def _cluster(
    points: NDArray[np.float64], max_k: int, seed: int, sample: int
) -> tuple[int, float, NDArray[np.int64]]:
    best: tuple[int, float, NDArray[np.int64]] = (1, 0.0, np.zeros(len(points), dtype=np.int64))
    for k in range(2, min(max_k, len(points) - 1) + 1):
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(points)
        if len(set(labels.tolist())) < 2:
            continue
        size = min(sample, len(points))
        score = float(silhouette_score(points, labels, sample_size=size, random_state=seed))
        if score > best[1] + 1e-9:
            best = (k, score, labels.astype(np.int64))
    return best


def _relabel(labels: NDArray[np.int64]) -> NDArray[np.int64]:
    """Number groups by their first member, so the numbering does not depend on k-means' order."""
    order: dict[int, int] = {}
    for label in labels.tolist():
        order.setdefault(label, len(order))
    return np.array([order[label] for label in labels.tolist()], dtype=np.int64)


def _probabilities(
    votes: NDArray[np.float64], rows: NDArray[np.bool_]
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    chosen = votes[rows]
    agree = (chosen == 1).sum(axis=0)
    disagree = (chosen == -1).sum(axis=0)
    seen = (~np.isnan(chosen)).sum(axis=0)
    return (agree + 1) / (seen + 2), (disagree + 1) / (seen + 2), seen.astype(np.float64)


def _z(
    p1: NDArray[np.float64],
    n1: NDArray[np.float64],
    p2: NDArray[np.float64],
    n2: NDArray[np.float64],
) -> NDArray[np.float64]:
    pooled = (p1 * n1 + p2 * n2) / np.maximum(n1 + n2, 1)
    spread = np.sqrt(pooled * (1 - pooled) * (1 / np.maximum(n1, 1) + 1 / np.maximum(n2, 1)))
    return np.asarray((p1 - p2) / np.maximum(spread, 1e-12), dtype=np.float64)


def _representatives(
    votes: NDArray[np.float64], members: NDArray[np.bool_], others: NDArray[np.bool_], top: int
) -> tuple[Representative, ...]:
    pa_in, pd_in, n_in = _probabilities(votes, members)
    pa_out, pd_out, n_out = _probabilities(votes, others)
    found: list[Representative] = []
    for direction, p_in, p_out in (("agree", pa_in, pa_out), ("disagree", pd_in, pd_out)):
        repness = p_in / p_out * p_in
        passing = (_z(p_in, n_in, p_out, n_out) > _Z_90) & (p_in > 0.5)
        for s in np.flatnonzero(passing).tolist():
            found.append(
                Representative(s, direction, round(float(p_in[s]), 4), round(float(repness[s]), 4))
            )
    found.sort(key=lambda r: (-r.repness, r.statement, r.direction))
    return tuple(found[:top])


def _consensus(
    votes: NDArray[np.float64], group_rows: Sequence[NDArray[np.bool_]], threshold: float
) -> tuple[Consensus, ...]:
    found: list[Consensus] = []
    probabilities = [_probabilities(votes, rows) for rows in group_rows]
    for direction, index in (("agree", 0), ("disagree", 1)):
        per_group = np.vstack([p[index] for p in probabilities])
        lowest = per_group.min(axis=0)
        for s in np.flatnonzero(lowest >= threshold).tolist():
            found.append(Consensus(s, direction, round(float(lowest[s]), 4)))
    found.sort(key=lambda c: (-c.probability, c.statement, c.direction))
    return tuple(found)


def opinion_groups(
    votes: NDArray[np.float64],
    *,
    max_k: int = 5,
    min_votes: int = 7,
    n_components: int = 2,
    top: int = 5,
    consensus_threshold: float = 0.6,
    seed: int = 0,
    silhouette_sample: int = 3000,
) -> OpinionReport:
    """Groups, representative statements and consensus from a participants × statements matrix."""
    votes = np.asarray(votes, dtype=np.float64)
    participants, statements = votes.shape
    placed = (~np.isnan(votes)).sum(axis=1) >= min(min_votes, statements)
    labels = np.full(participants, -1, dtype=np.int64)
    if placed.sum() < 3 or statements < 2:
        return OpinionReport(0, 0.0, tuple(labels.tolist()), (), ())
    matrix = _impute(votes[placed])
    components = min(n_components, statements, len(matrix))
    points = PCA(n_components=components, svd_solver="full").fit_transform(matrix)
    k, score, placed_labels = _cluster(points, max_k, seed, silhouette_sample)
    labels[placed] = _relabel(placed_labels)
    groups = []
    rows_by_group = []
    for g in range(k):
        members = labels == g
        rows_by_group.append(members)
        reps = _representatives(votes, members, placed & ~members, top) if k > 1 else ()
        groups.append(OpinionGroup(g, tuple(np.flatnonzero(members).tolist()), reps))
    return OpinionReport(
        k=k,
        silhouette=round(score, 4),
        labels=tuple(labels.tolist()),
        groups=tuple(groups),
        consensus=_consensus(votes, rows_by_group, consensus_threshold),
    )
