from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from lantoa.api import api
from lantoa.core import views as core_views

admin.site.site_header = _("Quản trị Lantoa")
admin.site.site_title = _("Quản trị Lantoa")
admin.site.index_title = _("Quản trị hệ thống")

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("healthz", core_views.healthz, name="healthz"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tin-bai/", include("lantoa.content.urls")),
    path("ke-hoach/", include("lantoa.plans.urls")),
    path("nguon-tin/", include("lantoa.sources.urls")),
    path("gan-nhan/", include("lantoa.analysis.urls")),
    path("", include("lantoa.network.urls")),
    path("giam-sat/", include("lantoa.monitoring.urls")),
    path("", include("lantoa.factcheck.urls")),
    path("khung-hoang/", include("lantoa.crisis.urls")),
    path("lay-y-kien/", include("lantoa.consultation.urls")),
    path("bao-cao/", include("lantoa.reports.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
