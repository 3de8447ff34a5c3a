"""Addresses for machines: downloads, feeds, the sitemap, robots.txt, the OpenSearch
description and citation files."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.generic import TemplateView

from archive.site import citations, exports, feeds
from archive.site.sitemaps import SITEMAPS

urlpatterns = [
    path("export/search.<str:fmt>", exports.export_search, name="export-search"),
    path("export/<str:table>.<str:fmt>", exports.export_list, name="export-list"),
    path("feeds/reports/", feeds.LatestReportsFeed(), name="feed-reports"),
    path("feeds/search/", feeds.search_feed, name="feed-search"),
    path("feeds/people/<slug:slug>/", feeds.PersonFeed(), name="feed-person"),
    path("feeds/organisations/<slug:slug>/", feeds.OrganisationFeed(), name="feed-organisation"),
    path("feeds/provinces/<slug:slug>/", feeds.ProvinceFeed(), name="feed-province"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="archive/robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "opensearch.xml",
        TemplateView.as_view(
            template_name="archive/opensearch.xml",
            content_type="application/opensearchdescription+xml",
        ),
        name="opensearch",
    ),
    path("articles/<int:pk>/cite.<str:fmt>", citations.article_citation, name="cite-article"),
    path("events/<int:pk>/cite.<str:fmt>", citations.event_citation, name="cite-event"),
]
