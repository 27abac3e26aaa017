from django.http import HttpRequest

from lantoa.core.navigation import SECTIONS


def navigation(request: HttpRequest) -> dict[str, object]:
    return {"nav_sections": SECTIONS}
