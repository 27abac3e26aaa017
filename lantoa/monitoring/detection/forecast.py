"""Forecast a topic's counter series (volume, or negative share) with prediction intervals.

Contract: given the history of one regularly spaced series and its seasonal period (24 for
hourly data, 7 for daily), return ``horizon`` point forecasts with 80% and 95% intervals.

Method: candidates (seasonal naive; Holt-Winters exponential smoothing with additive seasonality,
without and with a damped trend) are fitted on a transformed scale (log1p for counts, logit for
shares, so forecasts stay >= 0 or inside (0, 1)). The candidate with the lowest error in a
rolling-origin backtest on the series' own recent history is chosen, and its intervals are the
empirical quantiles of that backtest's errors: they are honest about how wrong the method has
actually been on this series, not about a model's assumptions. Series too short for this fall
back to seasonal naive with intervals from the spread of seasonal differences.
"""

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from statsmodels.tsa.holtwinters import ExponentialSmoothing

__all__ = ["Forecast", "SeriesKind", "forecast_series"]

FloatArray = npt.NDArray[np.float64]
_SHARE_EPSILON = 1e-3
_INNER_ORIGINS = 6
_MAX_TRAINING_SEASONS = 28


class SeriesKind(StrEnum):
    """Counts are >= 0; shares lie in [0, 1]."""

    VOLUME = "volume"
    SHARE = "share"


@dataclass(frozen=True, kw_only=True)
class Forecast:
    """Point forecasts and interval bounds for steps 1..horizon after the last observation."""

    method: str
    forecast: tuple[float, ...]
    lower_80: tuple[float, ...]
    upper_80: tuple[float, ...]
    lower_95: tuple[float, ...]
    upper_95: tuple[float, ...]


def _to_model_scale(values: FloatArray, kind: SeriesKind) -> FloatArray:
    if kind is SeriesKind.SHARE:
        share = np.clip(values, _SHARE_EPSILON, 1.0 - _SHARE_EPSILON)
        return np.log(share / (1.0 - share))
    return np.log1p(np.maximum(values, 0.0))


def _from_model_scale(values: FloatArray, kind: SeriesKind) -> FloatArray:
    if kind is SeriesKind.SHARE:
        return 1.0 / (1.0 + np.exp(-values))
    return np.maximum(np.expm1(values), 0.0)


Predictor = Callable[[FloatArray, int, int], FloatArray]


def _seasonal_naive(history: FloatArray, season: int, horizon: int) -> FloatArray:
    """Repeat the last full season (the last value when shorter than a season)."""
    if history.size < season:
        return np.full(horizon, history[-1])
    last_season = history[-season:]
    return np.array([last_season[step % season] for step in range(horizon)])


def _holt_winters(damped: bool) -> Predictor:
    def predict(history: FloatArray, season: int, horizon: int) -> FloatArray:
        model = ExponentialSmoothing(
            history,
            trend="add" if damped else None,
            damped_trend=damped,
            seasonal="add",
            seasonal_periods=season,
            initialization_method="estimated",
        )
        with warnings.catch_warnings():
            # Convergence warnings on flat or short series still give usable forecasts.
            warnings.simplefilter("ignore")
            return np.asarray(model.fit().forecast(horizon), dtype=float)

    return predict


_CANDIDATES: dict[str, Predictor] = {
    "seasonal_naive": _seasonal_naive,
    "holt_winters": _holt_winters(damped=False),
    "holt_winters_damped": _holt_winters(damped=True),
}


def _backtest_errors(
    history: FloatArray, predictor: Predictor, season: int, horizon: int
) -> FloatArray:
    """Errors (actual - forecast, model scale) at the last ``_INNER_ORIGINS`` rolling origins."""
    errors = []
    for origin in range(_INNER_ORIGINS, 0, -1):
        cut = history.size - origin * horizon
        predicted = predictor(history[:cut], season, horizon)
        errors.append(history[cut : cut + horizon] - predicted)
    return np.concatenate(errors)


def _fallback_errors(history: FloatArray, season: int) -> FloatArray:
    lag = season if history.size > season else 1
    differences = history[lag:] - history[:-lag]
    return differences if differences.size else np.zeros(1)


def _bounds(point: FloatArray, errors: FloatArray, coverage: float) -> tuple[FloatArray, ...]:
    tail = (1.0 - coverage) / 2.0
    low, high = np.quantile(errors, [tail, 1.0 - tail])
    return point + low, point + high


def forecast_series(
    *, values: Sequence[float], season: int, horizon: int, kind: SeriesKind = SeriesKind.VOLUME
) -> Forecast:
    """Forecast ``horizon`` steps after ``values`` (oldest first, regularly spaced, non-empty)."""
    if not values or horizon < 1 or season < 1:
        raise ValueError("need at least one value, horizon >= 1 and season >= 1")
    history = _to_model_scale(np.asarray(values, dtype=float), SeriesKind(kind))
    history = history[-_MAX_TRAINING_SEASONS * season :]
    method, errors = _choose_method(history, season, horizon)
    point = _CANDIDATES[method](history, season, horizon)
    bands = (*_bounds(point, errors, 0.80), *_bounds(point, errors, 0.95))
    back = [tuple(_from_model_scale(band, SeriesKind(kind)).tolist()) for band in (point, *bands)]
    return Forecast(
        method=method,
        forecast=back[0],
        lower_80=back[1],
        upper_80=back[2],
        lower_95=back[3],
        upper_95=back[4],
    )


def _choose_method(history: FloatArray, season: int, horizon: int) -> tuple[str, FloatArray]:
    """Pick the candidate with the lowest backtest MAE; short series get seasonal naive."""
    if history.size < 2 * season + _INNER_ORIGINS * horizon + 1:
        return "seasonal_naive", _fallback_errors(history, season)
    best: tuple[float, str, FloatArray] | None = None
    for name, predictor in _CANDIDATES.items():
        errors = _backtest_errors(history, predictor, season, horizon)
        mae = float(np.abs(errors).mean())
        if best is None or mae < best[0]:
            best = (mae, name, errors)
    assert best is not None
    return best[1], best[2]
