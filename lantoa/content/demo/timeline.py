"""The time shape of the demo corpus: how many items each day gets and when in the day they appear.

Shape: weekdays busier than weekends, small day-to-day noise, one policy whose share rises
steadily across the window, and one negative burst (two days about one policy in one province,
starting ``BURST_DAYS_BEFORE_END`` days before the end). Within a day, times follow an hourly
profile (quiet at night, peaks mid-morning and evening) and are non-decreasing in generation
order, so the whole stream is in publication order.
"""

import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

__all__ = [
    "TIMEZONE",
    "DayPlan",
    "DemoBurst",
    "demo_burst",
    "plan_days",
    "seconds_of_day",
]

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")

BURST_DAYS_BEFORE_END = 10
_BURST_EXTRA = (1.6, 1.0)  # extra volume on each burst day, relative to a plain weekday
_WEEKDAY_VOLUME = (1.0, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5)  # Monday .. Sunday
_DAY_NOISE = 0.1
_TREND_POLICY = "nha-o-xa-hoi"
_TREND_START, _TREND_END = 0.5, 2.5  # its weight relative to the other policies

# Relative volume per hour of the day (Vietnam time).
_HOURLY = (1, 1, 1, 1, 1, 3, 6, 10, 13, 13, 12, 10, 7, 8, 10, 11, 10, 9, 8, 10, 12, 11, 7, 3)
_HOURLY_CUM = tuple(share / sum(_HOURLY) for share in accumulate(_HOURLY))


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoBurst:
    """Ground truth of the negative burst: a spike of complaints about ``policy_slug`` in
    ``province`` on the ``days`` days from ``first_day``."""

    policy_slug: str
    province: str
    first_day: date
    days: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DayPlan:
    """One day of the stream: its midnight, how many items it gets, the share of them that belong
    to the burst, and the cumulative policy weights (in ``demo_policies()`` order) for the rest."""

    day: date
    midnight: datetime
    count: int
    burst_share: float
    policy_cum: tuple[float, ...]


def demo_burst(*, end: date) -> DemoBurst:
    """Return the negative burst of a corpus ending on ``end`` (present when ``days`` > 10)."""
    return DemoBurst(
        policy_slug="chuyen-doi-so-cap-xa",
        province="Thanh Hóa",
        first_day=end - timedelta(days=BURST_DAYS_BEFORE_END),
        days=len(_BURST_EXTRA),
    )


def plan_days(
    *, rng: random.Random, count: int, end: date, days: int, policy_slugs: tuple[str, ...]
) -> list[DayPlan]:
    """Split ``count`` items over the ``days`` days ending on ``end`` (exact total)."""
    burst = demo_burst(end=end)
    dates = [end - timedelta(days=days - 1 - offset) for offset in range(days)]
    plain = [
        _WEEKDAY_VOLUME[day.weekday()] * rng.uniform(1 - _DAY_NOISE, 1 + _DAY_NOISE)
        for day in dates
    ]
    extra = [_burst_extra(day, burst) for day in dates]
    counts = _apportion(count, [p + e for p, e in zip(plain, extra, strict=True)])
    return [
        DayPlan(
            day=day,
            midnight=datetime(day.year, day.month, day.day, tzinfo=TIMEZONE),
            count=n,
            burst_share=e / (p + e),
            policy_cum=_policy_cum(policy_slugs, progress=offset / max(days - 1, 1)),
        )
        for offset, (day, n, p, e) in enumerate(zip(dates, counts, plain, extra, strict=True))
    ]


def seconds_of_day(*, rng: random.Random, count: int) -> Iterator[int]:
    """Yield ``count`` non-decreasing seconds after midnight shaped by the hourly profile.

    Item ``i`` gets a uniform draw in the i-th of ``count`` equal strata of the profile's
    cumulative distribution, so the draws are sorted without buffering them.
    """
    for index in range(count):
        yield _inverse_profile((index + rng.random()) / count)


def _inverse_profile(quantile: float) -> int:
    hour = min(bisect_right(_HOURLY_CUM, quantile), 23)
    below = _HOURLY_CUM[hour - 1] if hour else 0.0
    within = (quantile - below) / (_HOURLY_CUM[hour] - below)
    return hour * 3600 + min(int(within * 3600), 3599)


def _burst_extra(day: date, burst: DemoBurst) -> float:
    offset = (day - burst.first_day).days
    return _BURST_EXTRA[offset] if 0 <= offset < burst.days else 0.0


def _policy_cum(policy_slugs: tuple[str, ...], *, progress: float) -> tuple[float, ...]:
    trend = _TREND_START + (_TREND_END - _TREND_START) * progress
    return tuple(accumulate(trend if slug == _TREND_POLICY else 1.0 for slug in policy_slugs))


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of ``total`` proportional to ``weights``; ties go to earlier days."""
    scale = total / sum(weights)
    exact = [weight * scale for weight in weights]
    counts = [int(share) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (counts[i] - exact[i], i))
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts
