from django import template

from lantoa.plans.budget import format_vnd
from lantoa.plans.models import Audience, Channel, FundingSource

register = template.Library()


@register.filter
def vnd(amount: object) -> str:
    """Whole đồng with dots (``1.234.567 đ``); blank when there is no figure."""
    return format_vnd(amount) if isinstance(amount, int) and not isinstance(amount, bool) else ""


@register.filter
def funding_label(value: str) -> str:
    return str(FundingSource(value).label) if value in FundingSource.values else value


def _labels(values: list[str] | None, choices: type[Audience] | type[Channel]) -> str:
    known = dict(choices.choices)
    return ", ".join(str(known.get(v, v)) for v in values or [])


@register.filter
def audience_labels(values: list[str] | None) -> str:
    return _labels(values, Audience)


@register.filter
def channel_labels(values: list[str] | None) -> str:
    return _labels(values, Channel)
