"""The archive app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Defence-work report archive")

    def ready(self):
        from archive.desk import admin  # noqa: F401  (registers the editors' desk)
        from archive.search import signals  # noqa: F401  (connects the index to saves)
