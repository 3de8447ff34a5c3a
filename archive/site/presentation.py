"""How the search page presents what the backend answered: facet values with readable labels
and links that add them, the filters in force as removable chips, and warnings for values that
were ignored."""

from typing import NamedTuple
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.utils.translation import gettext as _

from archive.models import Award, Event, Organisation, Person
from archive.search.schema import FACET_LABELS, FACETS
from archive.site.filters import TYPE_CHOICES, valid_data

FACET_VALUES_SHOWN = 12
# Values a facet lists at most, the first FACET_VALUES_SHOWN and the rest behind "more": a
# broad query at 100 000 reports names thousands of officials, which no reader scrolls; one is
# found by typing the name. The API returns FACET_VALUES.
FACET_VALUES_LISTED = 30


class FacetRow(NamedTuple):
    """One value of a facet as the page lists it. Named: a template reads `row.label` at once,
    where `row.0` first fails as a key and an attribute (a `dir()` of the tuple each time)."""

    label: str
    count: int
    url: str
    selected: bool


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
    """For each facet: (label, {"shown": rows, "more": rows}) of FacetRows; the values past the
    first few are behind a "more" toggle."""
    facets = {name: values[:FACET_VALUES_LISTED] for name, values in facets.items()}
    labels = facet_labels(facets)
    out = []
    for name in FACETS:
        values = facets.get(name) or []
        if not values:
            continue
        rows = []
        adding = linking(request, name)
        for value, count in values:
            label = labels.get(name, {}).get(value, value)
            selected = request.GET.get(name) == value
            rows.append(FacetRow(label, count, adding(value), selected))
        rows.sort(key=lambda row: not row.selected)  # a chosen value is never under "more"
        shown = {"shown": rows[:FACET_VALUES_SHOWN], "more": rows[FACET_VALUES_SHOWN:]}
        out.append((FACET_LABELS[name], shown))
    return out


def active_chips(request, form):
    """The filters in force, each with the URL that removes it: one chip per value of a
    many-valued filter, removing that value only."""
    chips = []
    for name, value in valid_data(form).items():
        if name in {"sort", "order"}:
            continue
        field = form.fields[name]
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            for item in value:
                raw = getattr(item, "slug", item)
                chips.append((field.label, shown(field, item), without_value(request, name, raw)))
        else:
            chips.append((field.label, shown(field, value), with_param(request, name, None)))
    return chips


def shown(field, value):
    """A filter value as a reader knows it: a name, a choice's label; nothing for a tick box."""
    if value is True:
        return ""
    named = getattr(value, "full_name", None) or getattr(value, "name", None)
    if named:
        return named
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        return dict(field.choices).get(value, value)
    return value


def with_param(request, name, value):
    params = request.GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params[name] = value
    return "?" + params.urlencode()


def linking(request, name):
    """value → the URL of this page with `name` set to it (back to the first page): the rest of
    the query is encoded once for all the facet's values."""
    rest = with_param(request, name, None)
    joiner = "&" if len(rest) > 1 else ""
    return lambda value: rest + joiner + urlencode({name: value})


def without_value(request, name, value):
    params = request.GET.copy()
    params.pop("page", None)
    params.setlist(name, [v for v in params.getlist(name) if v != str(value)])
    return "?" + params.urlencode()
