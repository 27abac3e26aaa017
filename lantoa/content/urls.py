from django.urls import path

from lantoa.content import views

app_name = "content"
urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("<int:pk>/", views.item_detail, name="item_detail"),
]
