from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactcheckConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "lantoa.factcheck"
    verbose_name = _("Xử lý tin giả")
