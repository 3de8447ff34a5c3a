"""The public archive's pages."""

from django.urls import path, register_converter

from archive.site import browse, views


class YearConverter:
    regex = "[12][0-9]{3}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(YearConverter, "year")

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/names/", views.suggest, name="suggest"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("years/", browse.year_list, name="year-list"),
    path("years/<year:year>/", browse.year_detail, name="year-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("awards/", browse.award_list, name="award-list"),
    path("provinces/", browse.province_list, name="province-list"),
    path("provinces/<slug:slug>/", browse.province_detail, name="province-detail"),
    path("military-regions/", browse.region_list, name="region-list"),
    path("military-regions/<slug:code>/", browse.region_detail, name="region-detail"),
    path("posts/", browse.post_list, name="post-list"),
    path("posts/<slug:slug>/", browse.post_detail, name="post-detail"),
    path("figures/", browse.figure_list, name="figure-list"),
    path("figures/<slug:kind>/", browse.figure_detail, name="figure-detail"),
]
