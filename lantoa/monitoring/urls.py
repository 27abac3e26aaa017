from django.urls import path

from lantoa.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("chu-de/moi/", views.topic_create, name="topic_create"),
    path("chu-de/<int:pk>/", views.topic_dashboard, name="topic_dashboard"),
    path("chu-de/<int:pk>/sua/", views.topic_edit, name="topic_edit"),
    path("chu-de/<int:pk>/tien-do/", views.topic_backfill, name="topic_backfill"),
    path("chu-de/<int:pk>/quy-tac/", views.rule_create, name="rule_create"),
    path("chu-de/<int:pk>/bao-cao-tuan.<str:fmt>", views.topic_report, name="topic_report"),
    path("chu-de/<int:pk>/nhan-bao-cao/", views.report_subscription, name="report_subscription"),
    path("so-sanh/", views.compare, name="compare"),
    path("tim-kiem/", views.search_page, name="search"),
    path("tim-kiem/xuat.<str:fmt>", views.search_export, name="search_export"),
    path("canh-bao/", views.alert_list, name="alert_list"),
    path("canh-bao/<int:pk>/", views.alert_action, name="alert_action"),
    path("plotly-<str:version>.js", views.plotly_js, name="plotly_js"),
]
