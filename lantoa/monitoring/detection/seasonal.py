"""Seasonality for the streaming detector: find a series' period, then measure seasonal surprise.

Many counters repeat a pattern (a daily cycle of mentions, a weekly cycle of taxi rides). A
change in that pattern (a missing daily peak, a flat day, a lower jump) barely moves a value's
level, so level features miss it; comparing each value with the one a period earlier does not.

The period is the highest autocorrelation peak after the autocorrelation first turns negative,
accepted only when it is strong (a clear repetition); otherwise the series is treated as
non-seasonal and the feature stays at zero.
"""

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["SeasonalShift", "detect_period"]

FloatArray = npt.NDArray[np.float64]

_MIN_PERIOD = 4
# How much better another lag must correlate before the period changes (hysteresis).
_PERIOD_SWITCH_MARGIN = 0.1


def _autocorrelation(values: FloatArray) -> FloatArray:
    """Autocorrelation at lags 0..n-1, each lag averaged over its own overlapping pairs."""
    centred = values - values.mean()
    n = centred.size
    spectrum = np.fft.rfft(centred, 2 * n)
    autocovariance = np.fft.irfft(spectrum * np.conj(spectrum))[:n]
    return np.asarray(autocovariance / autocovariance[0] * n / (n - np.arange(n)))


def detect_period(values: FloatArray, *, min_autocorrelation: float, current: int = 0) -> int:
    """The dominant period of ``values`` in steps, or 0 when there is no clear repetition.

    Lags up to half the length are considered, so a period is only found once two cycles have
    been seen. The ``current`` period is kept unless another is clearly stronger: a multiple
    of the period (a week of a daily cycle) correlates about as well, and flipping between
    them would restart the feature for nothing.
    """
    n = values.size
    if n < 4 * _MIN_PERIOD or not np.ptp(values):
        return 0
    correlation = _autocorrelation(values)
    lags = correlation[: n // 2]
    negative = np.flatnonzero(lags[_MIN_PERIOD:] < 0.0)
    if negative.size == 0:
        return 0  # a trend or a level, not a cycle
    best = _MIN_PERIOD + int(negative[0])
    best += int(np.argmax(lags[best:]))
    if lags[best] < min_autocorrelation:
        return 0
    if 0 < current < lags.size and lags[current] >= lags[best] - _PERIOD_SWITCH_MARGIN:
        return current
    return best


@dataclass(frozen=True)
class _DiffBaseline:
    median: float
    scale: float


def _robust_scale(values: FloatArray, median: float) -> float:
    mad = float(np.median(np.abs(values - median))) * 1.4826
    return max(mad, 0.1 * float(values.std()), 1e-9)


class SeasonalShift:
    """Robust z-score of the mean of the latest seasonal differences ``x[t] - x[t - period]``.

    The baseline is the distribution of seasonal differences over the history; the feature is
    zero until the history holds two full periods (so the baseline covers one whole cycle of
    differences) and while no period is detected.
    """

    def __init__(self, *, span: int, min_autocorrelation: float) -> None:
        self._min_autocorrelation = min_autocorrelation
        self._recent: deque[float] = deque(maxlen=span)
        self._period = 0
        self._baseline: _DiffBaseline | None = None

    def redetect(self, history: FloatArray) -> None:
        """Look for the period again in ``history`` (oldest first)."""
        period = detect_period(
            history, min_autocorrelation=self._min_autocorrelation, current=self._period
        )
        if period != self._period:
            self._period = period
            self._recent.clear()
            self._baseline = None

    def refresh(self, history: FloatArray) -> None:
        """Recompute the baseline of seasonal differences from ``history`` (oldest first)."""
        if not self._period or history.size < 2 * self._period:
            self._baseline = None
            return
        differences = history[self._period :] - history[: -self._period]
        median = float(np.median(differences))
        self._baseline = _DiffBaseline(median, _robust_scale(differences, median))

    def feature(self, value: float, history: deque[float]) -> float:
        """Seasonal surprise of ``value`` given the ``history`` before it (0 when not seasonal)."""
        if not self._period or len(history) < self._period:
            return 0.0
        self._recent.append(value - history[-self._period])
        if self._baseline is None:
            return 0.0
        shift = sum(self._recent) / len(self._recent)
        return abs(shift - self._baseline.median) / self._baseline.scale
