from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "archive.history"
    label = "archive_history"
    verbose_name = _("history of records")
    default_auto_field = "django.db.models.BigAutoField"
