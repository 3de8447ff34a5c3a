"""Browsing the archive the way the material is organised: by year held and year reviewed,
by province and military region, awards by issuer, who held which post, and figures across
reports."""

from urllib.parse import urlencode

from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.models import Award, Event, Organisation, Person, Statistic
from archive.site.figures import KINDS, figures_by_kind
from archive.site.figures import table as figure_table
from archive.site.filters import PostSearchForm
from archive.site.issuers import issuers
from archive.site.posts import officials_of, posts, posts_by_organisation
from archive.site.presentation import warn_invalid
from archive.site.regions import BY_CODE, MILITARY_REGIONS, region_of
from archive.site.views import PARTICIPANTS, undated_bar
from archive.text import fold, initial_letter, slugify_vi


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
        "region": region_of(province),
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


def post_list(request):
    """Every post the reports name, grouped by organisation under its initial, narrowed by
    what was typed (with or without diacritics)."""
    form = PostSearchForm(request.GET or None)
    warn_invalid(request, form)
    found = posts()
    wanted = fold(form.cleaned_data["q"]).strip() if form.is_valid() else ""
    if wanted:
        found = {slug: post for slug, post in found.items() if wanted in fold(post.name)}
    grouped = posts_by_organisation(found)
    bodies = organisations_named([organisation for organisation, _posts in grouped])
    letters = {}
    for organisation, group in grouped:
        initial = initial_letter(organisation.split()[0])
        letter = letters.setdefault(
            initial, {"letter": initial, "anchor": f"letter-{len(letters) + 1}", "groups": []}
        )
        letter["groups"].append(
            {"organisation": organisation, "body": bodies.get(organisation), "posts": group}
        )
    return render(
        request, "archive/post_list.html", {"form": form, "letters": list(letters.values())}
    )


def organisations_named(names):
    return {o.name: o for o in Organisation.objects.filter(name__in=names)}


def post_detail(request, slug):
    """The people who held a post, first and last seen, each sighting linked to its report."""
    post = posts().get(slug)
    if post is None:
        raise Http404(_("No report names this post."))
    context = {
        "post": post,
        "holders": post.holders_in_order(),
        "organisation": organisations_named([post.organisation]).get(post.organisation),
    }
    return render(request, "archive/post_detail.html", context)


def figure_list(request):
    """The kinds of figure, with how many figures and reports each has."""
    found = figures_by_kind()
    kinds = [
        (KINDS[code], len(rows), len({s.event_id for s in rows}))
        for code, rows in found.items()
        if rows
    ]
    return render(request, "archive/figure_list.html", {"kinds": kinds})


def figure_detail(request, kind):
    """A kind of figure across years and provinces: a table and a chart, each number linked
    to the report and sentence it came from."""
    if kind not in KINDS:
        raise Http404(_("No such kind of figure."))
    statistics = figures_by_kind()[kind]
    context = {"kind": KINDS[kind], "statistics": statistics, **figure_table(statistics)}
    return render(request, "archive/figure_detail.html", context)


def region_list(request):
    """The military regions with their provinces and how many events each has."""
    counts = dict(Event.objects.provinces())
    rows = []
    for region in MILITARY_REGIONS:
        held = [(p, n) for p, n in counts.items() if region.holds(p)]
        rows.append((region, sum(n for _p, n in held), len(held)))
    return render(request, "archive/region_list.html", {"rows": rows})


def region_detail(request, code):
    """A military region: its provinces, events by year, and its officials (posts in its
    bodies, and people at its provinces' events)."""
    region = BY_CODE.get(code)
    if region is None:
        raise Http404(_("No such military region."))
    counts = dict(Event.objects.provinces())
    provinces = [p for p in counts if region.holds(p)]
    events = Event.objects.filter(province__in=provinces)
    listed = [
        (name, slugify_vi(name) if name in counts else "", counts.get(name, 0))
        for name in dict.fromkeys([*provinces, *region.provinces])
        if "–" not in name  # the map has both dashes of Bà Rịa - Vũng Tàu
    ]
    context = {
        "region": region,
        "provinces": listed,
        "year_counts": events.year_counts(),
        "events": events.latest()[:REGION_EVENTS_SHOWN],
        "event_count": events.count(),
        "events_url": reverse("archive:event-list")
        + "?"
        + urlencode([("province", p) for p in provinces]),
        "officials": officials_of(region.bodies),
        "people": Person.objects.filter(participations__event__province__in=provinces)
        .with_event_counts()
        .alphabetical()
        .distinct(),
    }
    return render(request, "archive/region_detail.html", context)


REGION_EVENTS_SHOWN = 20
