"""URLs: the public archive under its own namespace, the read-only API at /api/, the admin at
/admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("archive.api.urls")),
    path("", include("archive.site.open_urls")),
    path("", include("archive.site.urls")),
]
