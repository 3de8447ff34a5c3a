"""How the search page presents what the backend answered: facet values with readable labels
and links that add them, the filters in force as removable chips, and warnings for values that
were ignored."""

from django.contrib import messages
from django.utils.translation import gettext as _

from archive.models import Award, Event, Organisation, Person
from archive.search.schema import FACET_LABELS, FACETS
from archive.site.filters import TYPE_CHOICES, valid_data

FACET_VALUES_SHOWN = 12


def warn_invalid(request, form):
    if form.is_bound and not form.is_valid():
        for name in form.errors:
            label = form.fields[name].label if name in form.fields else name
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
    return {
        "person": people,
        "organisation": organisations,
        "kind": dict(Event.Kind.choices),
        "award_kind": dict(Award.Category.choices),
        "type": dict(TYPE_CHOICES),
    }


def facet_choices(request, facets):
    """For each facet: (label, {"shown": rows, "more": rows}), a row being (value label, count,
    URL adding it, selected); the values past the first few are behind a "more" toggle."""
    labels = facet_labels(facets)
    out = []
    for name in FACETS:
        values = facets.get(name) or []
        if not values:
            continue
        rows = []
        for value, count in values:
            label = labels.get(name, {}).get(value, value)
            selected = request.GET.get(name) == value
            rows.append((label, count, with_param(request, name, value), selected))
        rows.sort(key=lambda row: not row[3])  # a chosen value is never hidden under "more"
        shown = {"shown": rows[:FACET_VALUES_SHOWN], "more": rows[FACET_VALUES_SHOWN:]}
        out.append((FACET_LABELS[name], shown))
    return out


def active_chips(request, form):
    """The filters in force, each with the URL that removes it."""
    chips = []
    for name, value in valid_data(form).items():
        if name in {"sort"}:
            continue
        label = form.fields[name].label
        shown = getattr(value, "full_name", None) or getattr(value, "name", None) or value
        if name in {"kind", "award_kind", "type"}:
            shown = dict(form.fields[name].choices).get(value, value)
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
