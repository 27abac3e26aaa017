"""The JSON API at /api/v1/: one NinjaAPI; each domain contributes a router from its api.py."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import HttpBearer

from lantoa.accounts.models import ApiToken, User


class TokenAuth(HttpBearer):
    """``Authorization: Bearer lnt_...``; the token's user must still be active."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = (
            ApiToken.objects.select_related("user", "user__organization")
            .filter(digest=ApiToken.hash(token), user__is_active=True)
            .first()
        )
        if api_token is None:
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = api_token.user
        return api_token.user


def _build_api() -> NinjaAPI:
    from lantoa.accounts.api import router as accounts_router
    from lantoa.consultation.api import router as consultation_router
    from lantoa.content.api import router as content_router
    from lantoa.crisis.api import router as crisis_router
    from lantoa.factcheck.api import router as factcheck_router
    from lantoa.monitoring.api import router as monitoring_router
    from lantoa.network.api import router as network_router
    from lantoa.plans.api import router as plans_router
    from lantoa.sources.api import router as sources_router

    built = NinjaAPI(
        title="Lantoa API",
        version="1",
        description="API của nền tảng truyền thông chính sách Lantoa. Xác thực bằng khóa API (Bearer).",
        auth=TokenAuth(),
        urls_namespace="api-v1",
    )
    built.add_router("/organizations", accounts_router, tags=["Tổ chức"])
    built.add_router("/sources", sources_router, tags=["Nguồn tin"])
    built.add_router("/items", content_router, tags=["Tin bài"])
    built.add_router("/network", network_router, tags=["Mạng lưới truyền thông"])
    built.add_router("/plans", plans_router, tags=["Kế hoạch truyền thông"])
    built.add_router("/monitoring", monitoring_router, tags=["Giám sát"])
    built.add_router("/consultations", consultation_router, tags=["Lấy ý kiến"])
    built.add_router("/factcheck", factcheck_router, tags=["Tin giả và kiểm chứng"])
    built.add_router("/crisis", crisis_router, tags=["Sự cố, khủng hoảng truyền thông"])
    return built


api = _build_api()
