from django.urls import path

from lantoa.analysis import views

app_name = "analysis"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("tin/<int:item_id>/", views.item_panel, name="panel"),
    path("tin/<int:item_id>/sua-nhan/", views.correct, name="correct"),
    path("tin/<int:item_id>/phan-tich-chinh-xac/", views.analyze_accurately, name="accurate"),
    path("mo-hinh/", views.model_status, name="models"),
]
