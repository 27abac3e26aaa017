"""Working days in Vietnam: Monday to Friday, less public holidays.

The Labour Code 2019 (art. 112) fixes four holidays by the solar calendar: 1/1, 30/4, 1/5 and
2/9. The others (Tết Nguyên đán, Giỗ Tổ Hùng Vương, the day next to 2/9) follow the lunar
calendar or a yearly decision, and compensating days depend on weekends, so they come from
the ``PUBLIC_DAYS_OFF`` setting, which operators fill from each year's announcement.
"""

from collections.abc import Collection
from datetime import date

from django.conf import settings

__all__ = ["FIXED_HOLIDAYS", "is_working_day"]

FIXED_HOLIDAYS = ((1, 1), (4, 30), (5, 1), (9, 2))  # (month, day)


def is_working_day(day: date, days_off: Collection[date] | None = None) -> bool:
    """Whether ``day`` is a working day (``days_off``: the PUBLIC_DAYS_OFF setting by default)."""
    extra = settings.PUBLIC_DAYS_OFF if days_off is None else days_off
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS and day not in extra
