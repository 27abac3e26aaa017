"""Daily series read the hourly counters and sum them into local (Asia/Ho_Chi_Minh) days."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from lantoa.core.testing.factories import make_source
from lantoa.core.testing.personas import Personas
from lantoa.monitoring.counters import ALL_ITEMS
from lantoa.monitoring.pipeline import process_new_items
from lantoa.monitoring.tests.factories import make_analysed_item
from lantoa.monitoring.trends import daily_series

pytestmark = pytest.mark.django_db


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(2026, 11, day, hour, minute))


def test_items_fall_on_their_local_day_not_their_utc_day(personas: Personas) -> None:
    # Given items just before and just after local midnight (16:30 and 17:30 UTC on the 19th),
    # and one at 06:59 local on the 21st (still the 20th in UTC)
    source = make_source(owner=personas.hanoi)
    published = [
        (local(19, 23, 30), "negative"),
        (local(20, 0, 30), "positive"),
        (local(20, 12), "negative"),
        (local(21, 6, 59), "neutral"),
    ]
    items = [
        make_analysed_item(source=source, sentiment=sentiment, published_at=moment)
        for moment, sentiment in published
    ]
    process_new_items([item.pk for item in items])

    # When the last three local days are read
    series = daily_series(ALL_ITEMS, days=3, end=date(2026, 11, 21))

    # Then each item is on its local calendar day, with its sentiment
    assert series.days == (date(2026, 11, 19), date(2026, 11, 20), date(2026, 11, 21))
    assert series.volume == (1, 2, 1)
    assert series.sentiment["negative"] == (1, 1, 0)
    assert series.sentiment["positive"] == (0, 1, 0)
    assert series.sentiment["neutral"] == (0, 0, 1)


def test_days_without_items_are_zero_and_items_outside_the_period_are_left_out(
    personas: Personas,
) -> None:
    source = make_source(owner=personas.hanoi)
    inside = make_analysed_item(source=source, published_at=local(20, 9))
    before = make_analysed_item(source=source, published_at=local(17, 23, 59))
    after = make_analysed_item(source=source, published_at=local(22, 0, 0))
    process_new_items([inside.pk, before.pk, after.pk])

    series = daily_series(ALL_ITEMS, days=4, end=date(2026, 11, 21))

    assert series.volume == (0, 0, 1, 0)
