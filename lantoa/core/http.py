"""Request types shared by views."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

__all__ = ["HtmxHttpRequest"]


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware: ``request.htmx`` is truthy for htmx."""

    htmx: HtmxDetails
