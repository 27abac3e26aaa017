from django.urls import path

from lantoa.consultation import survey_views, views

app_name = "consultation"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("tao/", views.create, name="create"),
    path("xac-nhan/<str:token>/", views.verify, name="verify"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/xac-nhan/", views.verify_request, name="verify_request"),
    path("<int:pk>/dieu-khoan/<int:clause_pk>/gop-y/", views.comment, name="comment"),
    path("<int:pk>/dieu-khoan/<int:clause_pk>/bieu-thi/", views.react, name="react"),
    path("<int:pk>/phien-ban/", views.new_version, name="new_version"),
    path("<int:pk>/cau-truc/", views.structure, name="structure"),
    path("<int:pk>/kiem-duyet/", views.moderation, name="moderation"),
    path("<int:pk>/phan-tich/", views.analysis, name="analysis"),
    path("<int:pk>/tong-hop.docx", views.summary, name="summary"),
    path("<int:pk>/tong-hop.pdf", views.summary_as_pdf, name="summary_pdf"),
    path("<int:pk>/y-kien-ngan/", views.statements, name="statements"),
    path("<int:pk>/nhom-y-kien/", views.opinion_report, name="opinion"),
    path("<int:pk>/khao-sat/", survey_views.survey_list, name="survey_list"),
    path("<int:pk>/khao-sat/tao/", survey_views.survey_create, name="survey_create"),
    path("khao-sat/<int:survey_pk>/", survey_views.survey_answer, name="survey_answer"),
    path("khao-sat/<int:survey_pk>/sua/", survey_views.survey_edit, name="survey_edit"),
    path("khao-sat/<int:survey_pk>/ket-qua/", survey_views.survey_results, name="survey_results"),
    path("khao-sat/<int:survey_pk>/ket-qua.csv", survey_views.survey_csv, name="survey_csv"),
    path("khao-sat/<int:survey_pk>/ket-qua.xlsx", survey_views.survey_xlsx, name="survey_xlsx"),
]
