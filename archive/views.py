"""Public pages: thin views over QuerySets."""

from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from archive.models import Article, Event, Organisation, Participation, Person


def home(request):
    context = {
        "counts": {
            "articles": Article.objects.count(),
            "events": Event.objects.count(),
            "people": Person.objects.count(),
        },
        "latest_events": Event.objects.order_by("-date_held", "-pk")[:10],
    }
    return render(request, "archive/home.html", context)


class EventListView(ListView):
    queryset = Event.objects.order_by("-date_held", "-pk")
    paginate_by = 25


class EventDetailView(DetailView):
    queryset = Event.objects.select_related("organiser").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("order", "role"),
        ),
        "awards",
        "statistics",
        "articles",
        "organisations",
    )


class ArticleDetailView(DetailView):
    queryset = Article.objects.prefetch_related("events")


class PersonListView(ListView):
    queryset = Person.objects.annotate(event_count=Count("participations__event", distinct=True))
    paginate_by = 100


class PersonDetailView(DetailView):
    queryset = Person.objects.prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("event").order_by(
                "-event__date_held", "event_id", "role"
            ),
        )
    )


class OrganisationDetailView(DetailView):
    queryset = Organisation.objects.select_related("parent").prefetch_related("children", "events")
