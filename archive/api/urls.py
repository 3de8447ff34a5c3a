"""/api/: the router's resources, the search, the OpenAPI schema and its documentation."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from archive.api import views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = True
router.register("events", views.EventViewSet, basename="event")
router.register("people", views.PersonViewSet, basename="person")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("awards", views.AwardViewSet, basename="award")
router.register("figures", views.FigureViewSet, basename="figure")
router.register("articles", views.ArticleViewSet, basename="article")

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema"),
        name="docs",
    ),
    path("", include(router.urls)),
    # A JSON 404, not the site's page, for any other address under /api/.
    re_path(r"^[\s\S]*$", views.not_found),
]
