from django.urls import path

from lantoa.network import briefing_views, public_views, question_views, views
from lantoa.network.feeds import ReleaseFeed

app_name = "network"
urlpatterns = [
    path("mang-luoi/", views.directory_page, name="directory"),
    path("mang-luoi/nhap/", views.import_contacts_page, name="import"),
    path("mang-luoi/xuat.<str:fmt>", views.export_contacts, name="export"),
    path("mang-luoi/danh-sach/", views.lists_page, name="lists"),
    path("mang-luoi/phat-ngon/", views.spokesperson_page, name="spokesperson"),
    path("mang-luoi/thong-cao/", views.releases_page, name="releases"),
    path("mang-luoi/thong-cao/<int:pk>/", views.release_detail, name="release"),
    path("mang-luoi/thong-cao/<int:pk>/tien-do/", views.release_progress, name="progress"),
    path("mang-luoi/cau-hoi/", question_views.questions_page, name="questions"),
    path("mang-luoi/cau-hoi/moi/", question_views.question_create, name="question_new"),
    path("mang-luoi/cau-hoi/<int:pk>/", question_views.question_detail, name="question"),
    path("mang-luoi/hop-bao/", briefing_views.briefings_page, name="briefings"),
    path("mang-luoi/hop-bao/<int:pk>/", briefing_views.briefing_detail, name="briefing"),
    path(
        "mang-luoi/hop-bao/<int:pk>/tai-lieu/<int:file_pk>/",
        briefing_views.briefing_material,
        name="briefing_material",
    ),
    path("bao-chi/", public_views.press_page, name="press"),
    path("bao-chi/hoi/", public_views.ask_page, name="ask"),
    path(
        "bao-chi/thong-cao/<str:slug>/tep/<int:pk>/",
        public_views.public_attachment,
        name="public_attachment",
    ),
    path("bao-chi/rss/", ReleaseFeed(), name="feed"),
    path("bao-chi/thong-cao/<str:slug>/", public_views.public_release, name="public_release"),
    path("bao-chi/co-quan/<slug:code>/", public_views.organization_page, name="organization"),
    path("t/<str:token>/", public_views.track, name="track"),
    path("t/<str:token>/xac-nhan/", public_views.acknowledge_page, name="acknowledge"),
    path(
        "t/<str:token>/tep/<int:pk>/",
        public_views.recipient_attachment,
        name="recipient_attachment",
    ),
]
