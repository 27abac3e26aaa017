from django.urls import path

from lantoa.sources import views

app_name = "sources"
urlpatterns = [
    path("", views.source_list, name="list"),
    path("them/", views.source_add, name="add"),
    path("<int:pk>/", views.source_detail, name="detail"),
    path("<int:pk>/trang-thai/<str:status>/", views.source_set_status, name="set_status"),
    path("<int:pk>/nhap-tep/", views.source_import, name="import"),
]
