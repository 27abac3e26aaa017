"""Streaming anomaly detector: bounded scores, online behaviour, spikes found, echoes quieted."""

import math
import random

import numpy as np
import pytest

from lantoa.monitoring.detection.anomaly import (
    Sensitivity,
    StreamingDetector,
    alert_threshold,
    score_series,
)
from lantoa.monitoring.detection.seasonal import detect_period


def _daily_counts(days: int, seed: int = 7) -> list[float]:
    """Hourly mention counts with a daily cycle and Poisson-like noise."""
    rng = random.Random(seed)
    return [
        max(0.0, 50 + 30 * math.sin(2 * math.pi * hour / 24) + rng.gauss(0, 5))
        for hour in range(days * 24)
    ]


def test_scores_lie_in_unit_interval_and_start_at_zero_during_warmup() -> None:
    scores = score_series(_daily_counts(30))
    assert all(0.0 <= score < 1.0 for score in scores)
    assert scores[:30] == [0.0] * 30


def test_scores_depend_only_on_past_values() -> None:
    # Given a series and a version with a different future
    series = _daily_counts(30)
    altered = series[:400] + [value * 3 for value in series[400:]]
    # Then the scores up to the change are identical
    assert score_series(series)[:400] == score_series(altered)[:400]


def test_a_burst_of_mentions_is_an_alert_and_its_echo_is_not() -> None:
    # Given a month of ordinary traffic, then a burst lasting three hours
    series = _daily_counts(30)
    burst = 600
    for hour in range(burst, burst + 3):
        series[hour] += 400
    # When scored
    scores = score_series(series)
    threshold = alert_threshold(Sensitivity.BALANCED)
    alerts = [hour for hour, score in enumerate(scores) if score >= threshold and hour > 200]
    # Then the burst's first hour alerts, and nothing after the burst's hours does
    assert alerts[0] == burst
    assert all(hour < burst + 3 for hour in alerts)


def test_flat_series_never_alerts() -> None:
    scores = score_series([5.0] * 500)
    assert max(scores) < alert_threshold(Sensitivity.HIGH)


@pytest.mark.parametrize("label", ["low", "balanced", "high"])
def test_sensitivity_labels_map_to_thresholds(label: str) -> None:
    assert 0.25 < alert_threshold(label) < 1.0  # above every damped echo (< 0.25)


def test_higher_sensitivity_means_lower_threshold() -> None:
    assert (
        alert_threshold(Sensitivity.HIGH)
        < alert_threshold(Sensitivity.BALANCED)
        < alert_threshold(Sensitivity.LOW)
    )


def test_detector_state_is_bounded() -> None:
    detector = StreamingDetector()
    for value in _daily_counts(200):
        detector.update(value)
    assert len(detector._history) == detector.config.history


def _daily_square_wave(days: int, seed: int = 3) -> list[float]:
    """Hourly traffic that is high from 08:00 to 18:00 every day, with a little noise."""
    rng = random.Random(seed)
    return [(80.0 if 8 <= hour % 24 < 18 else 20.0) + rng.gauss(0, 1) for hour in range(days * 24)]


def test_a_missing_daily_peak_is_an_alert() -> None:
    # Given two months of a daily on/off pattern in which one day's peak never comes
    series = _daily_square_wave(60)
    missing_day = 45
    for hour in range(missing_day * 24 + 8, missing_day * 24 + 18):
        series[hour] = 20.0
    # When scored
    scores = score_series(series)
    threshold = alert_threshold(Sensitivity.BALANCED)
    start = missing_day * 24 + 8
    # Then the missing peak alerts within its first hours and is the most surprising moment
    assert max(scores[start : start + 4]) >= threshold
    assert start <= max(range(24 * 20, len(scores)), key=scores.__getitem__) < start + 10


def test_period_of_a_daily_cycle_is_found_and_noise_has_none() -> None:
    rng = np.random.default_rng(5)
    daily = np.array(_daily_counts(30))
    assert detect_period(daily, min_autocorrelation=0.5) in (24, 48, 72, 96, 120)
    assert detect_period(rng.normal(size=700), min_autocorrelation=0.5) == 0
    assert detect_period(np.full(700, 3.0), min_autocorrelation=0.5) == 0


def test_a_burst_that_builds_up_alerts_once() -> None:
    # Given ordinary traffic, then mentions that climb for four hours
    series = _daily_counts(30)
    burst = 600
    for offset, extra in enumerate((40, 60, 90, 400)):
        series[burst + offset] += extra
    # When scored
    scores = score_series(series)
    threshold = alert_threshold(Sensitivity.BALANCED)
    alerts = [hour for hour, score in enumerate(scores) if score >= threshold and hour > 200]
    # Then only the first hour of the climb alerts, though each later hour is more extreme
    assert alerts == [burst]
    # And its echoes stay quiet even at the most sensitive setting
    eager = alert_threshold(Sensitivity.HIGH)
    eager_alerts = [hour for hour, score in enumerate(scores) if score >= eager and hour > 200]
    assert burst in eager_alerts
    assert not [hour for hour in eager_alerts if burst < hour <= burst + 20]
