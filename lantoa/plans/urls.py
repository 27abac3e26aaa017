from django.urls import path

from lantoa.plans import impact_views, views, views_board, views_records

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("tao/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/sua/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/chuyen/<slug:move>/", views.plan_move, name="plan_move"),
    path("<int:pk>/bao-cao.docx", views.plan_report, name="plan_report"),
    path("<int:pk>/tep-ky/", views.signed_file, name="signed_file"),
    path("<int:pk>/hoat-dong/them/", views.activity_create, name="activity_create"),
    path("hoat-dong/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("hoat-dong/<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("hoat-dong/<int:pk>/kinh-phi/", views.activity_budget, name="activity_budget"),
    path("hoat-dong/<int:pk>/trang-thai/", views.activity_status, name="activity_status"),
    path("hoat-dong/<int:pk>/san-pham/", views.activity_output, name="activity_output"),
    path("tien-do/", views_board.board, name="board"),
    path("tien-do/han/", views_board.board_deadline, name="board_deadline"),
    path("tien-do/xuat.<slug:fmt>", views_board.board_export, name="board_export"),
    path("kinh-phi/", views_board.budget_summary, name="budget"),
    path("chinh-sach/", views_records.policy_list, name="policy_list"),
    path("chinh-sach/them/", views_records.policy_create, name="policy_create"),
    path("chinh-sach/<int:pk>/sua/", views_records.policy_edit, name="policy_edit"),
    path("dat-hang/", views_records.commission_list, name="commission_list"),
    path("dat-hang/them/", views_records.commission_create, name="commission_create"),
    path("dat-hang/<int:pk>/", views_records.commission_detail, name="commission_detail"),
    path(
        "dat-hang/<int:pk>/san-pham/",
        views_records.commission_delivery,
        name="commission_delivery",
    ),
    path(
        "dat-hang/<int:pk>/nghiem-thu/", views_records.commission_accept, name="commission_accept"
    ),
    path("can-bo/", views_records.staff_list, name="staff_list"),
    path("can-bo/them/", views_records.staff_create, name="staff_create"),
    path("can-bo/boi-duong/them/", views_records.training_create, name="training_create"),
    path("plotly.js", impact_views.plotly_js, name="plotly_js"),
]
