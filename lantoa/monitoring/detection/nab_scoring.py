"""Score anomaly detectors the way the Numenta Anomaly Benchmark (NAB v1.1) does.

A detector emits, for every row of every file, a score in [0, 1]. For each application profile
one threshold is chosen for the whole corpus (the one maximising the summed raw score); a row is
a detection when its score is at or above it. Inside an anomaly window only the earliest
detection counts, worth more the earlier it is; every detection outside the windows costs, less
when it follows a window closely. The corpus total is normalised so that a detector that never
fires scores 0 and one that fires exactly at each window's first row scores 100.

Rules follow ``shared/datasets/nab/README.md`` (NAB's paper and sweeper).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "PROFILES",
    "CorpusScore",
    "Profile",
    "ScoredFile",
    "probationary_length",
    "scaled_sigmoid",
    "score_corpus",
]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, kw_only=True)
class Profile:
    """NAB application profile: the weight of a true positive, false positive and missed window."""

    name: str
    tp_weight: float
    fp_weight: float
    fn_weight: float


PROFILES: tuple[Profile, ...] = (
    Profile(name="standard", tp_weight=1.0, fp_weight=0.11, fn_weight=1.0),
    Profile(name="reward_low_FP_rate", tp_weight=1.0, fp_weight=0.22, fn_weight=1.0),
    Profile(name="reward_low_FN_rate", tp_weight=1.0, fp_weight=0.11, fn_weight=2.0),
)


@dataclass(frozen=True, kw_only=True)
class ScoredFile:
    """One file's detector output.

    ``windows`` are inclusive (first_row, last_row) index pairs, sorted and disjoint, as obtained
    by mapping NAB's window timestamps onto the file's rows (rows with start <= t <= end).
    """

    name: str
    scores: Sequence[float]
    windows: Sequence[tuple[int, int]]


@dataclass(frozen=True, kw_only=True)
class CorpusScore:
    """Result of one profile over a corpus: normalised score (null 0, perfect 100) and counts."""

    profile: str
    normalised: float
    raw: float
    threshold: float
    true_positives: int
    false_positives: int
    false_negatives: int


def scaled_sigmoid(y: float) -> float:
    """NAB's scaled sigmoid: +1 far before a window's end, 0 at it, -1 long after (y > 3)."""
    if y > 3.0:
        return -1.0
    return 2.0 / (1.0 + math.exp(5.0 * y)) - 1.0


def probationary_length(n_rows: int) -> int:
    """Rows at a file's start whose detections count for nothing (the detector is learning)."""
    return min(math.floor(0.15 * n_rows), 750)


@dataclass(frozen=True)
class _Candidates:
    """Every row that could be a detection: its score, unweighted value and window id (-1 if none)."""

    scores: FloatArray
    values: FloatArray
    window_ids: npt.NDArray[np.int64]
    n_windows: int


def _scaled_sigmoid_array(y: FloatArray) -> FloatArray:
    return np.where(y > 3.0, -1.0, 2.0 / (1.0 + np.exp(5.0 * np.minimum(y, 3.0))) - 1.0)


def _row_values(
    n_rows: int, windows: Sequence[tuple[int, int]]
) -> tuple[FloatArray, npt.NDArray[np.int64]]:
    """Unweighted sigmoid value and window id of each row (values outside windows are negative)."""
    values = np.full(n_rows, -1.0)
    window_ids = np.full(n_rows, -1, dtype=np.int64)
    for k, (first, last) in enumerate(windows):
        width = last - first + 1
        inside = np.arange(first, last + 1)
        values[first : last + 1] = _scaled_sigmoid_array(-(last - inside + 1) / width)
        window_ids[first : last + 1] = k
        following_start = windows[k + 1][0] if k + 1 < len(windows) else n_rows
        after = np.arange(last + 1, following_start)
        # A one-row window has no width to measure by; NAB's divisor would be zero.
        values[last + 1 : following_start] = _scaled_sigmoid_array(
            (after - last) / max(width - 1, 1)
        )
    return values, window_ids


def _candidates(files: Sequence[ScoredFile]) -> _Candidates:
    scores, values, ids = [], [], []
    offset = 0
    for file in files:
        n_rows = len(file.scores)
        row_values, window_ids = _row_values(n_rows, file.windows)
        keep = np.arange(n_rows) >= probationary_length(n_rows)
        scores.append(np.asarray(file.scores, dtype=float)[keep])
        values.append(row_values[keep])
        ids.append(np.where(window_ids[keep] >= 0, window_ids[keep] + offset, -1))
        offset += len(file.windows)
    all_ids = np.concatenate(ids)
    # As in NAB, a window lying wholly in the probationary period is neither hit nor missed.
    n_windows = int(np.unique(all_ids[all_ids >= 0]).size)
    return _Candidates(np.concatenate(scores), np.concatenate(values), all_ids, n_windows)


def _best_threshold(candidates: _Candidates, profile: Profile) -> tuple[float, float]:
    """Sweep thresholds from high to low over all candidate rows; return (threshold, raw score).

    Rows are visited by descending score; the running total changes by the FP cost of rows
    outside windows and by the gain when a window's best (earliest) detection improves.
    """
    order = np.argsort(-candidates.scores, kind="stable")
    scores = candidates.scores[order]
    values = candidates.values[order]
    ids = candidates.window_ids[order]
    deltas = np.where(ids < 0, profile.fp_weight * values, 0.0)
    tp_scale = profile.tp_weight / scaled_sigmoid(-1.0)
    for window in np.unique(ids[ids >= 0]):
        positions = np.flatnonzero(ids == window)
        best = np.maximum.accumulate(values[positions])
        worth = np.concatenate(([-profile.fn_weight], tp_scale * best))
        deltas[positions] = np.diff(worth)
    null_score = -profile.fn_weight * candidates.n_windows
    totals = null_score + np.cumsum(deltas)
    # A threshold equal to a score detects every row with that score: evaluate at the last tie.
    last_of_tie = np.append(scores[1:] != scores[:-1], True)
    totals, thresholds = totals[last_of_tie], scores[last_of_tie]
    if totals.size == 0 or totals.max() <= null_score:
        return math.inf, null_score
    best_index = int(np.argmax(totals))
    return float(thresholds[best_index]), float(totals[best_index])


def _counts(files: Sequence[ScoredFile], threshold: float) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for file in files:
        detected = np.asarray(file.scores, dtype=float) >= threshold
        detected[: probationary_length(len(file.scores))] = False
        in_window = np.zeros(len(detected), dtype=bool)
        probation = probationary_length(len(file.scores))
        for first, last in file.windows:
            in_window[first : last + 1] = True
            if last < probation:
                continue
            hit = bool(detected[first : last + 1].any())
            tp, fn = tp + hit, fn + (not hit)
        fp += int((detected & ~in_window).sum())
    return tp, fp, fn


def score_corpus(files: Sequence[ScoredFile], profile: Profile) -> CorpusScore:
    """Score a detector over ``files`` with one corpus-wide threshold optimised for ``profile``."""
    candidates = _candidates(files)
    threshold, raw = _best_threshold(candidates, profile)
    null_score = -profile.fn_weight * candidates.n_windows
    perfect_score = profile.tp_weight * candidates.n_windows
    span = perfect_score - null_score
    normalised = 100.0 * (raw - null_score) / span if span else 0.0
    tp, fp, fn = _counts(files, threshold)
    return CorpusScore(
        profile=profile.name,
        normalised=normalised,
        raw=raw,
        threshold=threshold,
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
    )
