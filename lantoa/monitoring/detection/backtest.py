"""Rolling-origin backtest of :func:`forecast_series`: accuracy and interval coverage.

Run it on any series with enough history, e.g. a demo topic's hourly mention counts::

    from lantoa.monitoring.detection.backtest import backtest_forecaster
    result = backtest_forecaster(values=hourly_counts, season=24, horizon=24, origins=10)
    result.mase, result.coverage_80, result.coverage_95

MASE divides the forecast's mean absolute error by the in-sample mean absolute error of the
one-season-ago forecast (Hyndman & Koehler 2006); below 1.0 beats seasonal naive's typical error.
``relative_mae`` compares against seasonal naive forecasting the very same test points.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lantoa.monitoring.detection.forecast import SeriesKind, forecast_series

__all__ = ["BacktestResult", "backtest_forecaster"]


@dataclass(frozen=True, kw_only=True)
class BacktestResult:
    """Accuracy over ``forecasts`` origins of ``horizon`` steps each."""

    forecasts: int
    horizon: int
    mase: float
    relative_mae: float
    coverage_80: float
    coverage_95: float
    methods: tuple[str, ...]


def _seasonal_naive_scale(train: np.ndarray, season: int) -> float:
    lag = season if train.size > season else 1
    return float(np.abs(train[lag:] - train[:-lag]).mean()) or 1.0


def backtest_forecaster(
    *,
    values: Sequence[float],
    season: int,
    horizon: int,
    origins: int,
    kind: SeriesKind = SeriesKind.VOLUME,
) -> BacktestResult:
    """Forecast from the last ``origins`` cut points (``horizon`` apart) and score the outcomes."""
    series = np.asarray(values, dtype=float)
    scaled_errors, errors, naive_errors, inside_80, inside_95, methods = [], [], [], [], [], []
    for origin in range(origins, 0, -1):
        cut = series.size - origin * horizon
        train, actual = series[:cut], series[cut : cut + horizon]
        result = forecast_series(values=train.tolist(), season=season, horizon=horizon, kind=kind)
        predicted = np.array(result.forecast)
        naive = np.array([train[-season + step % season] for step in range(horizon)])
        errors.append(np.abs(actual - predicted))
        naive_errors.append(np.abs(actual - naive))
        scaled_errors.append(errors[-1] / _seasonal_naive_scale(train, season))
        inside_80.append((actual >= result.lower_80) & (actual <= result.upper_80))
        inside_95.append((actual >= result.lower_95) & (actual <= result.upper_95))
        methods.append(result.method)
    return BacktestResult(
        forecasts=origins,
        horizon=horizon,
        mase=float(np.concatenate(scaled_errors).mean()),
        relative_mae=float(np.concatenate(errors).mean() / np.concatenate(naive_errors).mean()),
        coverage_80=float(np.concatenate(inside_80).mean()),
        coverage_95=float(np.concatenate(inside_95).mean()),
        methods=tuple(methods),
    )
