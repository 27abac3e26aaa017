from django.urls import path

from lantoa.crisis import views

app_name = "crisis"

urlpatterns = [
    path("", views.incident_list, name="incident_list"),
    path("mo/", views.incident_open, name="incident_open"),
    path("<int:pk>/", views.incident_detail, name="incident"),
    path(
        "<int:pk>/bao-cao.<str:fmt>",
        views.after_action_export,
        name="after_action",
    ),
]
