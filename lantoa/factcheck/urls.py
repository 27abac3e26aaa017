from django.urls import path

from lantoa.factcheck import public_views, views
from lantoa.factcheck.feeds import VerdictFeed

app_name = "factcheck"

urlpatterns = [
    path("tin-gia/", views.claim_list, name="claim_list"),
    path("tin-gia/them/", views.claim_create, name="claim_create"),
    path("tin-gia/nhan-dinh/<int:pk>/", views.claim_detail, name="claim"),
    path("tin-gia/tin-bao/", views.tip_list, name="tip_list"),
    path("tin-gia/tin-bao/<int:pk>/", views.tip_detail, name="tip"),
    path("kiem-chung/", public_views.public_list, name="public_list"),
    path("kiem-chung/gui-tin/", public_views.tip_form, name="tip_form"),
    path("kiem-chung/rss/", VerdictFeed(), name="feed"),
    path("kiem-chung/<str:slug>/", public_views.public_verdict, name="public_verdict"),
]
