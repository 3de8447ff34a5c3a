"""Public pages: thin views over QuerySets and the search interface."""

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from archive import search as archive_search
from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
)
from archive.search.schema import FACETS, PAGE_SIZE
from archive.site.filters import ArchiveFilterSet, SearchForm
from archive.site.posts import officials_of, post_of, when_seen
from archive.site.presentation import active_chips, facet_choices, warn_invalid
from archive.site.redirects import MergedSlugRedirectMixin
from archive.site.regions import MILITARY_REGIONS
from archive.text import fold, initial_letter

MAX_PAGES = 50


def home(request):
    context = {
        "counts": {
            "articles": Article.objects.count(),
            "events": Event.objects.count(),
            "people": Person.objects.count(),
            "awards": Award.objects.count(),
        },
        "latest_events": Event.objects.latest().select_related("organiser")[:8],
        "year_counts": Event.objects.year_counts(),
        "undated_bar": undated_bar(),
        "people": Person.objects.with_event_counts().order_by("-event_count", "sort_name")[:12],
    }
    return render(request, "archive/home.html", context)


def undated_bar():
    """The chart's bar for events with no date: (label, count, URL of the list)."""
    url = reverse("archive:event-list") + "?undated=on"
    return (_("undated"), Event.objects.undated().count(), url)


def page_number(request):
    try:
        return max(1, min(int(request.GET.get("page", 1)), MAX_PAGES))
    except ValueError:
        return 1


def search(request):
    form = SearchForm(request.GET or None)
    warn_invalid(request, form)
    text = request.GET.get("q", "")

    def page_of_results(page):
        return archive_search.search(
            text,
            filters=form.search_filters(),
            page=page,
            per_page=PAGE_SIZE,
            sort=form.ordering(),
            facets=FACETS,
        )

    page = page_number(request)
    results = page_of_results(page)
    last_page = max(1, -(-results.total // PAGE_SIZE))
    if page > last_page and results.total:
        page = min(last_page, MAX_PAGES)
        results = page_of_results(page)
    context = {
        "query": results.query,
        "results": results,
        "form": form,
        "facets": facet_choices(request, results.facets),
        "chips": active_chips(request, form),
        "page": page,
        "last_page": min(last_page, MAX_PAGES),
    }
    return render(request, "archive/search.html", context)


def suggest(request):
    names = archive_search.autocomplete(request.GET.get("q", ""), limit=10)
    return JsonResponse({"results": [{"name": name, "url": url} for name, url in names]})


class EventListView(ListView):
    paginate_by = 25
    template_name = "archive/event_list.html"

    def get_queryset(self):
        self.filterset = ArchiveFilterSet(
            self.request.GET or None, queryset=Event.objects.latest().select_related("organiser")
        )
        warn_invalid(self.request, self.filterset.form)
        return self.filterset.filter_valid()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            form=self.filterset.form,
            chips=active_chips(self.request, self.filterset.form),
            **kwargs,
        )


PARTICIPANTS = Prefetch(
    "participations",
    queryset=Participation.objects.select_related("person").order_by("order", "role"),
)


class EventDetailView(DetailView):
    queryset = Event.objects.select_related("organiser").prefetch_related(
        PARTICIPANTS,
        Prefetch("awards", queryset=Award.objects.select_related("giver_organisation")),
        "statistics",
        "articles",
        "organisations",
    )

    def get_context_data(self, **kwargs):
        participants = grouped_participants(self.object.participations.all())
        return super().get_context_data(
            participants=participants,
            links=entity_links([self.object]),
            presiding=[p for p in participants if "presided" in p["roles"]],
            neighbours=self.neighbours(participants),
            **kwargs,
        )

    def neighbours(self, participants):
        """Other events with one of these officials, or in the same province."""
        people = [p["person"].pk for p in participants if p["person"]]
        # A subquery rather than a join and DISTINCT: the newest events are read in index
        # order and the first six that qualify are kept, however large the archive.
        theirs = Participation.objects.filter(person__in=people).values("event_id")
        return (
            Event.objects.exclude(pk=self.object.pk)
            .filter(Q(pk__in=theirs) | Q(province=self.object.province))
            .latest()[:6]
        )


def grouped_participants(participations):
    """One entry per person at an event (participations are one row per role)."""
    people = {}
    for participation in participations:
        key = participation.person_id or participation.name_as_written
        entry = people.setdefault(
            key,
            {
                "person": participation.person,
                "name": participation.name_as_written,
                "rank": participation.get_rank_display() if participation.rank else "",
                "titles": participation.titles,
                "roles": {},
                "sentence": participation.source_sentence,
            },
        )
        entry["roles"][participation.role] = participation.get_role_display()
    return list(people.values())


def entity_links(events):
    """Name as written → page, for linking people and organisations in a report's text."""
    links = {}
    for event in events:
        for organisation in event.organisations.all():
            links[organisation.name] = organisation.get_absolute_url()
        for participation in event.participations.all():
            if participation.person:
                links[participation.name_as_written] = participation.person.get_absolute_url()
    return links


class ArticleDetailView(DetailView):
    queryset = Article.objects.prefetch_related(
        Prefetch("events", queryset=Event.objects.prefetch_related(PARTICIPANTS, "organisations"))
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(links=entity_links(self.object.events.all()), **kwargs)


class PersonListView(ListView):
    template_name = "archive/person_list.html"
    paginate_by = 200

    def get_queryset(self):
        return Person.objects.with_event_counts().alphabetical()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for person in context["object_list"]:
            person.initial = initial_letter(person.full_name)
        return context


class PersonDetailView(MergedSlugRedirectMixin, DetailView):
    queryset = Person.objects.with_timeline()

    def get_context_data(self, **kwargs):
        return super().get_context_data(timeline=timeline(self.object), **kwargs)


def timeline(person):
    """One row per event, oldest first, with the rank and titles held then, flagged when they
    changed. An article that lists fewer of the titles already known is no change; of several
    participations at one event (as after a merge), the fullest set of titles is shown."""
    rows = []
    by_event = {}
    for participation in person.participations.all():
        row = by_event.get(participation.event_id)
        if row is None:
            row = by_event[participation.event_id] = {
                "event": participation.event,
                "rank": "",
                "titles": [],
                "roles": [],
            }
            rows.append(row)
        if participation.rank and not row["rank"]:
            row["rank"] = participation.get_rank_display()
        if len(participation.titles) > len(row["titles"]):
            row["titles"] = participation.titles
        row["roles"].append(participation.get_role_display())
    for row in rows:
        event = row["event"]
        row["approximate"] = event.date_held is None
        row["when"] = when_seen(event.date_held, event.period_end)
        row["posts"] = [(title, post_of(title, event.province)) for title in row["titles"]]
    rows.sort(key=lambda r: (r["when"] is None, r["when"] or dt.date.min))
    rank, known = None, None
    for row in rows:
        titles = {title_key(title, row["event"].province) for title in row["titles"]}
        row["rank_changed"] = bool(row["rank"]) and rank is not None and row["rank"] != rank
        row["titles_changed"] = bool(known) and not titles <= known
        rank = row["rank"] or rank
        if not known or row["titles_changed"]:
            known = titles
    return rows


def title_key(title, province):
    """A title as compared across reports: "Chủ tịch UBND tỉnh Bắc Kạn" in a Bắc Kạn report is
    the same title as "Chủ tịch UBND tỉnh"; diacritics and tone-mark placement do not count."""
    key = fold(title)
    suffix = " " + fold(province) if province else ""
    return key.removesuffix(suffix) if suffix else key


class OrganisationListView(ListView):
    template_name = "archive/organisation_list.html"

    def get_queryset(self):
        return (
            Organisation.objects.select_related("parent")
            .annotate(event_count=Count("events", distinct=True))
            .order_by("kind", "folded_name")
        )


class OrganisationDetailView(MergedSlugRedirectMixin, DetailView):
    queryset = Organisation.objects.select_related("parent").prefetch_related(
        "children",
        Prefetch("events", queryset=Event.objects.latest()),
        Prefetch("awards_given", queryset=Award.objects.select_related("event")),
    )

    def get_context_data(self, **kwargs):
        name = self.object.name
        return super().get_context_data(
            officials=officials_of([name]),
            region=next((r for r in MILITARY_REGIONS if r.name == name), None),
            **kwargs,
        )
