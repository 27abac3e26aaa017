from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "lantoa.crisis"
    verbose_name = _("Xử lý khủng hoảng truyền thông")
