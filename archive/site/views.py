"""Public pages: thin views over QuerySets and the search interface."""

import datetime as dt

from django.contrib import messages
from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404, JsonResponse
from django.shortcuts import render
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
    Statistic,
)
from archive.site.filters import ArchiveFilterSet, SearchFilterSet
from archive.site.redirects import MergedSlugRedirectMixin
from archive.text import initial_letter

FACETS = ("type", "year", "kind", "province", "person", "organisation", "award_kind")
PER_PAGE = 20
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
        "people": Person.objects.with_event_counts().order_by("-event_count", "sort_name")[:12],
    }
    return render(request, "archive/home.html", context)


def page_number(request):
    try:
        return max(1, min(int(request.GET.get("page", 1)), MAX_PAGES))
    except ValueError:
        return 1


def search(request):
    filterset = SearchFilterSet(request.GET or None, queryset=Event.objects.none())
    warn_invalid(request, filterset)
    text = request.GET.get("q", "")

    def page_of_results(page):
        return archive_search.search(
            text,
            filters=filterset.search_filters(),
            page=page,
            per_page=PER_PAGE,
            sort=filterset.ordering(),
            facets=FACETS,
        )

    page = page_number(request)
    results = page_of_results(page)
    last_page = max(1, -(-results.total // PER_PAGE))
    if page > last_page and results.total:
        page = min(last_page, MAX_PAGES)
        results = page_of_results(page)
    context = {
        "query": results.query,
        "results": results,
        "filterset": filterset,
        "facets": facet_choices(request, results.facets),
        "chips": active_chips(request, filterset),
        "page": page,
        "last_page": min(last_page, MAX_PAGES),
    }
    return render(request, "archive/search.html", context)


def warn_invalid(request, filterset):
    if filterset.is_bound and not filterset.form.is_valid():
        for name in filterset.form.errors:
            label = filterset.form.fields[name].label if name in filterset.form.fields else name
            messages.warning(
                request, _("Ignored an invalid value for “%(filter)s”.") % {"filter": label}
            )


def facet_labels(facets):
    """Readable labels for facet values: names for slugs, Vietnamese labels for codes."""
    people = dict(
        Person.objects.filter(slug__in=[v for v, _ in facets.get("person", [])]).values_list(
            "slug", "full_name"
        )
    )
    organisations = dict(
        Organisation.objects.filter(
            slug__in=[v for v, _ in facets.get("organisation", [])]
        ).values_list("slug", "name")
    )
    kinds = dict(Event.Kind.choices)
    awards = dict(Award.Category.choices)
    types = dict(SearchFilterSet.base_filters["type"].extra["choices"])
    return {
        "person": people,
        "organisation": organisations,
        "kind": kinds,
        "award_kind": awards,
        "type": types,
    }


def facet_choices(request, facets):
    """For each facet: (label, [(value label, count, URL adding it, selected)])."""
    labels = facet_labels(facets)
    titles = {name: f.label for name, f in SearchFilterSet.base_filters.items()}
    out = []
    for name in FACETS:
        values = facets.get(name) or []
        if not values:
            continue
        rows = []
        for value, count in values[:12]:
            label = labels.get(name, {}).get(value, value)
            selected = request.GET.get(name) == value
            rows.append((label, count, with_param(request, name, value), selected))
        out.append((titles.get(name, name), rows))
    return out


def active_chips(request, filterset):
    """The filters in force, each with the URL that removes it."""
    data = filterset.valid_data() if filterset.is_bound else {}
    chips = []
    for name, value in data.items():
        if name in {"sort"}:
            continue
        label = filterset.form.fields[name].label
        shown = getattr(value, "full_name", None) or getattr(value, "name", None) or value
        if name in {"kind", "award_kind", "type"}:
            shown = dict(filterset.form.fields[name].choices).get(value, value)
        chips.append((label, shown, with_param(request, name, None)))
    return chips


def with_param(request, name, value):
    params = request.GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params[name] = value
    return "?" + params.urlencode()


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
        warn_invalid(self.request, self.filterset)
        return self.filterset.filter_valid()

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, **kwargs)


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
    queryset = Person.objects.prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("event").order_by(
                "event__date_held", "event_id", "role"
            ),
        )
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(timeline=timeline(self.object), **kwargs)


def timeline(person):
    """One row per event, oldest first, with the rank and titles held then, flagged when they
    changed since the previous event."""
    rows = []
    by_event = {}
    for participation in person.participations.all():
        row = by_event.get(participation.event_id)
        if row is None:
            row = by_event[participation.event_id] = {
                "event": participation.event,
                "rank": participation.get_rank_display() if participation.rank else "",
                "titles": participation.titles,
                "roles": [],
            }
            rows.append(row)
        row["roles"].append(participation.get_role_display())
    for row in rows:
        event = row["event"]
        row["approximate"] = event.date_held is None
        row["when"] = event.date_held or (
            dt.date(event.period_end, 12, 31) if event.period_end else None
        )
    rows.sort(key=lambda r: (r["when"] is None, r["when"] or dt.date.min))
    previous = None
    for row in rows:
        row["rank_changed"] = previous is not None and row["rank"] != previous["rank"]
        row["titles_changed"] = previous is not None and row["titles"] != previous["titles"]
        previous = row
    return rows


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


def year_list(request):
    return render(request, "archive/year_list.html", {"years": Event.objects.year_counts()})


def year_detail(request, year):
    events = Event.objects.in_year(year).latest().prefetch_related(PARTICIPANTS)
    if not events.exists():
        raise Http404(_("No event is recorded for this year."))
    people = (
        Person.objects.filter(participations__event__date_held__year=year)
        .with_event_counts()
        .alphabetical()
        .distinct()
    )
    context = {
        "year": year,
        "events": events,
        "people": people,
        "awards": Award.objects.filter(event__date_held__year=year).select_related("event"),
        "statistics": Statistic.objects.filter(event__date_held__year=year).select_related("event"),
        "years": Event.objects.year_counts(),
    }
    return render(request, "archive/year_detail.html", context)


def award_list(request):
    """Totals per award category and year, and who gave what to how many."""
    totals = (
        Award.objects.values("category", "event__date_held__year")
        .annotate(
            awards=Count("pk"),
            collectives=Sum("collectives"),
            individuals=Sum("individuals"),
        )
        .order_by("category", "event__date_held__year")
    )
    givers = (
        Award.objects.values("giver_name", "name")
        .annotate(
            awards=Count("pk"), collectives=Sum("collectives"), individuals=Sum("individuals")
        )
        .order_by("-awards", "giver_name")
    )
    labels = dict(Award.Category.choices)
    context = {
        "totals": [
            {**row, "label": labels.get(row["category"], row["category"])} for row in totals
        ],
        "givers": givers,
        "year_totals": award_year_totals(),
    }
    return render(request, "archive/award_list.html", context)


def award_year_totals():
    rows = (
        Award.objects.exclude(event__date_held=None)
        .values_list("event__date_held__year")
        .annotate(n=Count("pk"))
        .order_by("event__date_held__year")
    )
    return list(rows)
