from django.urls import path

from lantoa.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tuan.<str:fmt>", views.summary_download, name="summary_download"),
    path("nhan-qua-thu/", views.subscription, name="subscription"),
]
