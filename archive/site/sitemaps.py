"""sitemap.xml (django.contrib.sitemaps): every public page, in sections small enough for the
protocol's 50 000 addresses (Django pages a section that grows past them)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Article, Event, Organisation, Person

LISTS = (
    "archive:home",
    "archive:search",
    "archive:event-list",
    "archive:year-list",
    "archive:person-list",
    "archive:organisation-list",
    "archive:award-list",
)


class ListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return LISTS

    def location(self, name):
        return reverse(name)


class YearSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [year for year, _count in Event.objects.year_counts()]

    def location(self, year):
        return reverse("archive:year-detail", args=[year])


class EventSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Event.objects.order_by("pk").only("pk")


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.order_by("pk").only("pk", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.order_by("pk").only("pk", "slug")


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.order_by("pk").only("pk", "slug")


SITEMAPS = {
    "pages": ListSitemap,
    "years": YearSitemap,
    "events": EventSitemap,
    "reports": ArticleSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
}
