"""Atom feeds (django.contrib.syndication): new reports, any search, and the events of a
person, an organisation or a province, newest first."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive import search as archive_search
from archive.models import Article, Event, Organisation, Person
from archive.site.filters import InvalidParameters, search_parameters
from archive.site.redirects import redirect_if_merged
from archive.text import slugify_vi

ITEMS = 30


class ArchiveFeed(Feed):
    feed_type = Atom1Feed
    author_name = gettext_lazy("Defence-work report archive")


def archive_changed():
    latest = Article.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    return latest or timezone.now()


class EventsFeed(ArchiveFeed):
    """Events, newest first; subclasses say which."""

    def items(self, obj):
        return (self.events(obj).select_related("organiser").prefetch_related("articles").latest())[
            :ITEMS
        ]

    def item_updateddate(self, event):
        """Atom requires one: when its reports last changed (or the day it was held)."""
        changed = [a.updated_at for a in event.articles.all()]
        return max(changed) if changed else self.item_pubdate(event) or archive_changed()

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        parts = [event.get_kind_display()]
        if event.date_held:
            parts.append(event.date_held.strftime("%d/%m/%Y"))
        if event.province:
            parts.append(event.province)
        return " · ".join(str(p) for p in parts)

    def item_pubdate(self, event):
        if event.date_held:
            return timezone.make_aware(dt.datetime.combine(event.date_held, dt.time()))
        return None

    def item_categories(self, event):
        return [event.get_kind_display()]


class LatestReportsFeed(ArchiveFeed):
    title = gettext_lazy("New reports in the defence-work report archive")
    subtitle = gettext_lazy("Reports as they are added to the archive.")

    def link(self):
        return reverse("archive:home")

    def items(self):
        return Article.objects.order_by("-imported_at", "-pk")[:ITEMS]

    def item_title(self, article):
        return str(article)

    def item_description(self, article):
        return article.text[:400]

    def item_pubdate(self, article):
        return article.published_at or article.imported_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.publisher or None


class FollowsMergesFeed(EventsFeed):
    """The feed of a record merged away answers 301 to the survivor's feed."""

    model = None
    url_name = ""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            found = redirect_if_merged(
                self.model,
                kwargs.get("slug", ""),
                lambda survivor: reverse(self.url_name, args=[survivor.slug]),
                request.META.get("QUERY_STRING", ""),
            )
            if found is None:
                raise
            return found


class PersonFeed(FollowsMergesFeed):
    model = Person
    url_name = "feed-person"

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person):
        return _("Events with %(name)s") % {"name": person.full_name}

    def subtitle(self, person):
        return _("Conferences and activities the reports name %(name)s at.") % {
            "name": person.full_name
        }

    def link(self, person):
        return person.get_absolute_url()

    def events(self, person):
        return Event.objects.filter(pk__in=person.participations.values("event_id"))


class OrganisationFeed(FollowsMergesFeed):
    model = Organisation
    url_name = "feed-organisation"

    def get_object(self, request, slug):
        return get_object_or_404(Organisation, slug=slug)

    def title(self, organisation):
        return _("Events naming %(name)s") % {"name": organisation.name}

    def subtitle(self, organisation):
        return self.title(organisation)

    def link(self, organisation):
        return organisation.get_absolute_url()

    def events(self, organisation):
        return Event.objects.filter(pk__in=organisation.events.values("pk"))


def province_named(slug):
    """The province whose name gives this slug ("bac-kan" → "Bắc Kạn"), or a 404."""
    for name in Event.objects.exclude(province="").values_list("province", flat=True).distinct():
        if slugify_vi(name) == slug:
            return name
    raise Http404(_("No event is recorded in this province."))


class ProvinceFeed(EventsFeed):
    def get_object(self, request, slug):
        return province_named(slug)

    def title(self, province):
        return _("Events in %(province)s") % {"province": province}

    def subtitle(self, province):
        return self.title(province)

    def link(self, province):
        return reverse("archive:search") + "?" + urlencode({"q": "", "province": province})

    def events(self, province):
        return Event.objects.filter(province=province)


class SearchFeed(ArchiveFeed):
    """The hits of a search, with its filters, in its order (newest first unless asked)."""

    def get_object(self, request):
        filterset, text = search_parameters(request.GET)
        return {"text": text, "filterset": filterset, "query": request.GET.urlencode()}

    def title(self, search):
        return _("Search: %(query)s") % {"query": search["text"]}

    def subtitle(self, search):
        return _("Results of this search in the defence-work report archive.")

    def link(self, search):
        return reverse("archive:search") + "?" + search["query"]

    def items(self, search):
        filterset = search["filterset"]
        sort = filterset.valid_data().get("sort") or "date"
        return archive_search.search(
            search["text"],
            filters=filterset.search_filters(),
            per_page=ITEMS,
            sort=sort,
        ).hits

    def item_title(self, hit):
        return hit.title

    def item_description(self, hit):
        return strip_tags(str(hit.snippet))

    def item_link(self, hit):
        return hit.url

    def item_guid(self, hit):
        return hit.url if hit.type != "award" else f"{hit.url}#award-{hit.id}"

    def item_pubdate(self, hit):
        if hit.date:
            return timezone.make_aware(dt.datetime.combine(hit.date, dt.time()))
        return None

    def item_updateddate(self, hit):
        """Atom requires one; a hit without a date takes the archive's last change."""
        return self.item_pubdate(hit) or archive_changed()


def search_feed(request):
    """The search feed, or a 400 naming each bad parameter."""
    try:
        return SearchFeed()(request)
    except InvalidParameters as error:
        return JsonResponse(error.errors, status=400, json_dumps_params={"ensure_ascii": False})
