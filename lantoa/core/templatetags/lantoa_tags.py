from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def http_url(value: str) -> str:
    """``value`` if it is an http(s) URL, else "": fetched links must never run script."""
    try:
        scheme = urlsplit(str(value)).scheme.lower()
    except ValueError:
        return ""
    return str(value) if scheme in {"http", "https"} else ""
