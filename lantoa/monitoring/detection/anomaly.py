"""Streaming anomaly detection for one counter series (mentions per hour, negative share per day...).

The detector reads a series one value at a time and returns a score in [0, 1) that depends only
on that value and the ones before it. Memory is bounded: fixed-length buffers per series.

How a score is made (one configuration for every series; no per-series tuning):

1. Six surprise features against the recent history: a robust z-score (median/MAD) of the
   value, of the mean of the last few values (a sustained shift) and of the step from the
   previous value (a jump); the Kolmogorov-Smirnov distance between the latest values and the
   history (a change of distribution); and the error of predicting the value by what followed
   the most similar past context (breaks in a short repeating pattern); and, when the history
   has a clear period, the robust z-score of the mean recent seasonal difference
   ``x[t] - x[t - period]`` (a missing daily peak, a flat day: see ``seasonal.py``).
2. Each feature is divided by its own largest value over the recent past, so a score means
   "more surprising than anything lately" whatever the series' scale, noise or seasonality.
3. The largest ratio r is mapped to r / (1 + r): 0.5 means "as surprising as the worst lately".
4. A score that does not beat every score of the last ``quiet_period`` steps is quartered
   (so it stays below every alert threshold, 0.25 at most): the
   first alert of an incident matters, its echoes are noise (NAB rewards the earliest detection
   in a window and charges every false alarm; analysts suffer alert fatigue). For the same
   reason every score in the ``echo_span`` steps after one at the alert level (0.5) is quartered,
   even one that climbs higher: an incident that builds up over a few steps alerts once.

Sensitivity labels map to alert thresholds on that score.
"""

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from lantoa.monitoring.detection.seasonal import SeasonalShift

__all__ = [
    "DetectorConfig",
    "Sensitivity",
    "StreamingDetector",
    "alert_threshold",
    "score_series",
]

FloatArray = npt.NDArray[np.float64]


class Sensitivity(StrEnum):
    """How readily alerts fire; UI labels: Ít / Cân bằng / Nhiều cảnh báo."""

    LOW = "low"
    BALANCED = "balanced"
    HIGH = "high"


@dataclass(frozen=True, kw_only=True)
class DetectorConfig:
    """Global detector parameters, the same for every series (counts are in steps).

    ``history``: values kept as the baseline; ``memory``: how long a feature's maximum is
    remembered; ``shift_span``: values averaged for the sustained-shift feature; ``ks_span``:
    latest values compared with the history's distribution; ``context``: length of the pattern
    matched against the past; ``quiet_period``: how long a score must stay below the last peak
    to be quartered; ``echo_span``: how long any score is quartered after one reached the alert
    level;
    ``warmup``: values seen before any score; ``refresh``: steps between baseline
    recomputations (a cost saving; the baseline moves slowly); ``period_refresh``: steps between
    searches for the series' period; ``min_autocorrelation``: how strongly the history must
    repeat itself to count as seasonal.
    """

    history: int = 1000
    memory: int = 8000
    shift_span: int = 16
    ks_span: int = 32
    context: int = 12
    quiet_period: int = 300
    warmup: int = 30
    echo_span: int = 16
    refresh: int = 8
    period_refresh: int = 96
    min_autocorrelation: float = 0.5


# A score of 0.5 means "as surprising as the worst lately" (a feature ratio of 1).
_ALERT_LEVEL = 0.5

_THRESHOLDS = {Sensitivity.LOW: 0.6, Sensitivity.BALANCED: 0.5, Sensitivity.HIGH: 0.49}
# Scores damped as echoes of an earlier peak are quartered, which keeps them under 0.25.
_ECHO_DAMPING = 4.0


def alert_threshold(sensitivity: Sensitivity | str) -> float:
    """Score at or above which a step is an alert for the given sensitivity.

    0.5 fires on anything at least as surprising as the worst of the recent past, which is
    where NAB's standard profile puts its threshold (0.4997 on the development files);
    0.49 also fires on anything at least 0.96 times as surprising; 0.6 asks for 1.5 times the
    recent worst. Damped echoes score under 0.25, below every threshold.
    """
    return _THRESHOLDS[Sensitivity(sensitivity)]


class _RunningMax:
    """Maximum of the last ``span`` pushed values in amortised O(1) (monotonic deque)."""

    def __init__(self, span: int) -> None:
        self._span = span
        self._items: deque[tuple[int, float]] = deque()
        self._step = 0

    def value(self) -> float:
        while self._items and self._items[0][0] <= self._step - self._span:
            self._items.popleft()
        return self._items[0][1] if self._items else 0.0

    def push(self, value: float) -> None:
        while self._items and self._items[-1][1] <= value:
            self._items.pop()
        self._items.append((self._step, value))
        self._step += 1


@dataclass(frozen=True)
class _Baseline:
    values: FloatArray
    ordered: FloatArray
    median: float
    scale: float
    step_median: float
    step_scale: float


def _robust_scale(values: FloatArray, median: float) -> float:
    """1.4826 x MAD, floored so flat or two-level histories do not make every change infinite."""
    mad = float(np.median(np.abs(values - median))) * 1.4826
    return max(mad, 0.1 * float(values.std()), 1e-9)


def _baseline(values: FloatArray) -> _Baseline:
    steps = np.abs(np.diff(values))
    median = float(np.median(values))
    step_median = float(np.median(steps))
    return _Baseline(
        values=values,
        ordered=np.sort(values),
        median=median,
        scale=_robust_scale(values, median),
        step_median=step_median,
        step_scale=_robust_scale(steps, step_median),
    )


def _ks_distance(recent: FloatArray, ordered: FloatArray) -> float:
    """Two-sample Kolmogorov-Smirnov distance between recent values and the sorted history."""
    recent = np.sort(recent)
    points = np.concatenate((recent, ordered))
    cdf_recent = np.searchsorted(recent, points, side="right") / recent.size
    cdf_history = np.searchsorted(ordered, points, side="right") / ordered.size
    return float(np.abs(cdf_recent - cdf_history).max())


def _neighbour_error(value: float, context: FloatArray, history: FloatArray) -> float:
    """Error of predicting ``value`` by what followed the most similar past context."""
    span = context.size
    if span == 0 or history.size < 2 * span + 1:
        return 0.0
    windows = np.lib.stride_tricks.sliding_window_view(history[:-1], span)
    nearest = int(np.argmin(np.abs(windows - context).sum(axis=1)))
    return abs(value - float(history[nearest + span]))


class StreamingDetector:
    """Online detector for one series; call :meth:`update` with each new value in time order."""

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config or DetectorConfig()
        self._history: deque[float] = deque(maxlen=self.config.history)
        spans = (self.config.shift_span, self.config.ks_span, self.config.context + 1)
        self._latest: deque[float] = deque(maxlen=max(spans))
        self._seasonal = SeasonalShift(
            span=self.config.shift_span, min_autocorrelation=self.config.min_autocorrelation
        )
        self._feature_maxima = [_RunningMax(self.config.memory) for _ in range(6)]
        self._score_maximum = _RunningMax(self.config.quiet_period)
        self._baseline: _Baseline | None = None
        self._seen = 0
        self._since_alert = self.config.echo_span + 1

    def update(self, value: float) -> float:
        """Score ``value`` against what came before, then learn it. Returns a score in [0, 1)."""
        self._latest.append(value)
        score = self._score(value) if self._seen >= self.config.warmup else 0.0
        self._history.append(value)
        self._seen += 1
        return score

    def _score(self, value: float) -> float:
        ratio = 0.0
        for feature, maximum in zip(self._features(value), self._feature_maxima, strict=True):
            past = maximum.value()
            if feature > 0.0:
                ratio = max(ratio, feature / past if past > 0.0 else 1.0)
            maximum.push(feature)
        score = ratio / (1.0 + ratio)
        beats_recent_peak = score > self._score_maximum.value()
        self._score_maximum.push(score)
        self._since_alert += 1
        is_echo = self._since_alert <= self.config.echo_span
        if score >= _ALERT_LEVEL:
            self._since_alert = 0
        return score if beats_recent_peak and not is_echo else score / _ECHO_DAMPING

    def _features(self, value: float) -> tuple[float, ...]:
        baseline = self._current_baseline()
        latest = np.fromiter(self._latest, dtype=float)
        shift = float(latest[-self.config.shift_span :].mean())
        step = abs(value - self._history[-1])
        context = latest[-self.config.context - 1 : -1]
        return (
            abs(value - baseline.median) / baseline.scale,
            abs(shift - baseline.median) / baseline.scale,
            max(step - baseline.step_median, 0.0) / baseline.step_scale,
            _ks_distance(latest[-self.config.ks_span :], baseline.ordered),
            _neighbour_error(value, context, baseline.values),
            self._seasonal.feature(value, self._history),
        )

    def _current_baseline(self) -> _Baseline:
        if self._baseline is None or self._seen % self.config.refresh == 0:
            history = np.fromiter(self._history, dtype=float)
            if self._seen % self.config.period_refresh == 0 or self._baseline is None:
                self._seasonal.redetect(history)
            self._seasonal.refresh(history)
            self._baseline = _baseline(history)
        return self._baseline


def score_series(values: Iterable[float], config: DetectorConfig | None = None) -> list[float]:
    """Score a whole series as a stream (each score sees only that value and earlier ones)."""
    detector = StreamingDetector(config)
    return [detector.update(float(value)) for value in values]
