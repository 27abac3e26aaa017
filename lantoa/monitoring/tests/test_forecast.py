"""Forecaster: intervals ordered, shares kept in [0, 1], short series fall back, backtest sane."""

import math
import random

import pytest

from lantoa.monitoring.detection.backtest import backtest_forecaster
from lantoa.monitoring.detection.forecast import SeriesKind, forecast_series


def _hourly_volume(days: int, seed: int = 3) -> list[float]:
    rng = random.Random(seed)
    return [
        max(0.0, 100 + 60 * math.sin(2 * math.pi * hour / 24) + rng.gauss(0, 8))
        for hour in range(days * 24)
    ]


def test_seasonal_volume_forecast_follows_the_cycle_with_nested_intervals() -> None:
    # Given three weeks of hourly volume with a daily cycle
    history = _hourly_volume(21)
    # When forecasting the next day
    result = forecast_series(values=history, season=24, horizon=24)
    # Then every step has lower_95 <= lower_80 <= forecast <= upper_80 <= upper_95
    assert len(result.forecast) == 24
    for step in range(24):
        assert (
            result.lower_95[step]
            <= result.lower_80[step]
            <= result.forecast[step]
            <= result.upper_80[step]
            <= result.upper_95[step]
        )
    # And the forecast peaks where the cycle peaks (hour 6 of the day) within a few hours
    peak_hour = max(range(24), key=lambda step: result.forecast[step])
    assert abs(peak_hour - 6) <= 2
    assert result.method in {"seasonal_naive", "holt_winters", "holt_winters_damped"}


def test_negative_share_forecast_and_intervals_stay_within_0_and_1() -> None:
    rng = random.Random(1)
    shares = [min(1.0, max(0.0, 0.9 + rng.gauss(0, 0.08))) for _ in range(60)]
    result = forecast_series(values=shares, season=7, horizon=14, kind=SeriesKind.SHARE)
    for band in (result.lower_95, result.forecast, result.upper_95):
        assert all(0.0 <= value <= 1.0 for value in band)


def test_short_series_falls_back_to_seasonal_naive() -> None:
    result = forecast_series(values=[3, 5, 4, 6, 2, 7, 8, 3, 5], season=7, horizon=3)
    assert result.method == "seasonal_naive"
    # The last full week is 4, 6, 2, 7, 8, 3, 5: the next three days repeat its start
    assert result.forecast == pytest.approx((4.0, 6.0, 2.0), abs=1e-9)


def test_volume_forecast_is_never_negative() -> None:
    result = forecast_series(values=[0, 0, 1, 0, 0, 2, 0, 0, 1, 0], season=1, horizon=5)
    assert min(result.lower_95) >= 0.0


def test_empty_history_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least one value"):
        forecast_series(values=[], season=24, horizon=3)


def test_backtest_reports_accuracy_and_coverage_on_a_regular_series() -> None:
    # Given a regular noisy daily cycle
    result = backtest_forecaster(values=_hourly_volume(28), season=24, horizon=24, origins=3)
    # Then the forecaster beats seasonal naive and its intervals cover most outcomes
    assert result.forecasts == 3
    assert result.mase < 1.0
    assert result.relative_mae < 1.0
    assert result.coverage_80 >= 0.6
    assert result.coverage_95 >= result.coverage_80
