"""Browsing the archive the way the material is organised: by year held and year reviewed,
by province, and awards by issuer."""

from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from archive.models import Award, Event, Person, Statistic
from archive.site.issuers import issuers
from archive.site.views import PARTICIPANTS, undated_bar
from archive.text import slugify_vi


def year_rows():
    """[(year, events held, events reviewing it)] for every year either counts, oldest first."""
    held = dict(Event.objects.year_counts())
    reviewed = dict(Event.objects.reviewed_year_counts())
    return [(year, held.get(year, 0), reviewed.get(year, 0)) for year in sorted(held | reviewed)]


def year_list(request):
    context = {
        "rows": year_rows(),
        "held": Event.objects.year_counts(),
        "reviewed": Event.objects.reviewed_year_counts(),
        "undated_bar": undated_bar(),
    }
    return render(request, "archive/year_list.html", context)


def year_detail(request, year):
    """Events held in the year and events reviewing it (a review of 2023 held in January 2024,
    or with no date at all, is found under 2023)."""
    events = list(Event.objects.held_or_reviewing(year).latest().prefetch_related(PARTICIPANTS))
    if not events:
        raise Http404(_("No event is recorded for this year."))
    ids = [event.pk for event in events]
    context = {
        "year": year,
        "held": [e for e in events if e.year == year],
        "reviewing": [e for e in events if e.year != year],
        "people": Person.objects.filter(participations__event__in=ids)
        .with_event_counts()
        .alphabetical()
        .distinct(),
        "awards": Award.objects.filter(event__in=ids).select_related("event"),
        "statistics": Statistic.objects.filter(event__in=ids).select_related("event"),
        "years": [row[0] for row in year_rows()],
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
    labels = dict(Award.Category.choices)
    context = {
        "totals": [
            {**row, "label": labels.get(row["category"], row["category"])} for row in totals
        ],
        "issuers": issuers(),
        "year_totals": list(
            Award.objects.exclude(event__date_held=None)
            .values_list("event__date_held__year")
            .annotate(n=Count("pk"))
            .order_by("event__date_held__year")
        ),
    }
    return render(request, "archive/award_list.html", context)


def province_list(request):
    provinces = [(name, slugify_vi(name), n) for name, n in Event.objects.provinces()]
    return render(request, "archive/province_list.html", {"provinces": provinces})


def province_detail(request, slug):
    """A province's events by year, its officials, the awards given and the figures reported."""
    names = {slugify_vi(name): name for name, _n in Event.objects.provinces()}
    if slug not in names:
        raise Http404(_("No event is recorded for this province."))
    province = names[slug]
    events = Event.objects.filter(province=province)
    context = {
        "province": province,
        "events": events.latest(),
        "year_counts": events.year_counts(),
        "people": Person.objects.filter(participations__event__province=province)
        .with_event_counts()
        .alphabetical()
        .distinct(),
        "awards": Award.objects.filter(event__province=province).select_related("event"),
        "statistics": Statistic.objects.filter(event__province=province)
        .select_related("event")
        .order_by("label", "event__date_held"),
    }
    return render(request, "archive/province_detail.html", context)
