"""The facets of the archive, declared once: a FilterSet applies them to events for browsing,
and the search page's form (built from its fields) hands them to the search backend. The
FilterSets of awards, figures and reports, and the reading of the search's request parameters,
live here too: the API and the downloads use them as they are."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from archive.models import Article, Award, Event, Organisation, Person, Statistic
from archive.search.backends.base import Filters
from archive.text import sort_key


class RawCheckboxInput(forms.CheckboxInput):
    """A checkbox that hands its field the value as sent, so that the field can refuse what
    neither a checkbox nor an API client sends ("null", "maybe")."""

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class CheckboxField(forms.BooleanField):
    widget = RawCheckboxInput
    TRUE = frozenset({"on", "true", "1"})
    FALSE = frozenset({"", "off", "false", "0"})

    def to_python(self, value):
        if isinstance(value, str):
            if value.lower() in self.TRUE:
                return True
            if value.lower() in self.FALSE:
                return False
            raise ValidationError(_("Enter true or false."), code="invalid")
        return bool(value)


class CheckboxFilter(django_filters.BooleanFilter):
    field_class = CheckboxField


class FacetFilterSet(django_filters.FilterSet):
    """The facets that both browsing and the search backend can filter by."""

    year = django_filters.NumberFilter(
        label=_("Year held"), method="filter_year", min_value=1945, max_value=2100, decimal_places=0
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of event"), choices=Event.Kind.choices)
    province = django_filters.CharFilter(label=_("Province"), max_length=100)
    person = django_filters.ModelChoiceFilter(
        label=_("Official"),
        queryset=Person.objects.all(),
        to_field_name="slug",
        field_name="participations__person",
        distinct=True,
        widget=forms.HiddenInput,  # chosen from facets and pages: a list of every name is no use
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        field_name="organisations",
        distinct=True,
        widget=forms.HiddenInput,
    )
    award_kind = django_filters.ChoiceFilter(
        label=_("Award"),
        choices=Award.Category.choices,
        field_name="awards__category",
        distinct=True,
    )
    date_from = django_filters.DateFilter(
        label=_("Held from"),
        field_name="date_held",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        label=_("Held until"),
        field_name="date_held",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Event
        fields = ["year", "kind", "province", "person", "organisation", "award_kind"]

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def valid_data(self):
        return valid_data(self.form) if self.is_bound else {}


EVENT_ORDERS = (
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title")),
    ("province", _("Province")),
)


class DropsEmptyValues:
    """A many-valued field that takes `?province=` (as a form or an API client sends for
    nothing chosen) as no value rather than as an invalid one, and refuses a NUL (which
    PostgreSQL cannot compare) as a single-valued text field does."""

    def clean(self, value):
        values = [v for v in value or () if v not in ("", None)]
        if any("\x00" in str(v) for v in values):
            raise ValidationError(_("Null characters are not allowed."), code="null_characters")
        return super().clean(values)


class SeveralChoiceField(DropsEmptyValues, django_filters.fields.MultipleChoiceField):
    pass


class SeveralValuesField(SeveralChoiceField):
    """Offers the values the archive has as choices but takes any value of up to `max_length`
    characters: a province nobody wrote matches nothing, as the search's text facet does."""

    max_length = 100

    def valid_value(self, value):
        return len(str(value)) <= self.max_length


class SeveralChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = SeveralChoiceField


class SeveralValuesFilter(SeveralChoiceFilter):
    field_class = SeveralValuesField


class SeveralModelChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = type(
        "SeveralModelChoiceField",
        (DropsEmptyValues, django_filters.fields.ModelMultipleChoiceField),
        {},
    )

    def get_filter_predicate(self, v):
        # The chosen objects themselves, as the single-valued facet filters by them (the
        # default would compare the relation with their slugs).
        return {self.field_name: v}


def several(single, **options):
    """The many-valued counterpart of a facet, with its label, field and lookup: an event
    qualifies with any of the values chosen (and with every facet)."""
    options = {
        "label": single.label,
        "field_name": single.field_name,
        "distinct": single.distinct,
        **options,
    }
    if isinstance(single, django_filters.ModelChoiceFilter):
        return SeveralModelChoiceFilter(
            queryset=single.queryset,
            to_field_name=single.extra["to_field_name"],
            widget=forms.MultipleHiddenInput,
            **options,
        )
    if isinstance(single, django_filters.ChoiceFilter):
        return SeveralChoiceFilter(
            choices=single.extra["choices"], widget=forms.CheckboxSelectMultiple, **options
        )
    # Free text (the province): the choices shown are filled per request.
    return SeveralValuesFilter(choices=(), widget=forms.CheckboxSelectMultiple, **options)


FACET = FacetFilterSet.base_filters


class ArchiveFilterSet(FacetFilterSet):
    """The event list's filters: the facets (several values each where an event has one value
    of many: kind, province, award, official, organisation), the year reviewed, undated
    events, and the order."""

    kind = several(FACET["kind"], distinct=False)
    province = several(FACET["province"], distinct=False)
    award_kind = several(FACET["award_kind"])
    person = several(FACET["person"])
    organisation = several(FACET["organisation"])
    reviewed = django_filters.NumberFilter(
        label=_("Year reviewed"), method="filter_reviewed", min_value=1945, max_value=2100
    )
    undated = CheckboxFilter(label=_("Undated only"), method="filter_undated")
    order = django_filters.ChoiceFilter(
        label=_("Order"), choices=EVENT_ORDERS, method="filter_order", empty_label=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = sorted((name for name, _n in Event.objects.provinces()), key=sort_key)
        self.form.fields["province"].choices = [(name, name) for name in provinces]

    def filter_reviewed(self, queryset, name, value):
        return queryset.reviewing(int(value))

    def filter_undated(self, queryset, name, value):
        return queryset.undated() if value else queryset

    def filter_order(self, queryset, name, value):
        return {
            "newest": queryset.latest,
            "oldest": queryset.earliest,
            "title": lambda: queryset.order_by("title", "pk"),
            "province": lambda: queryset.order_by("province", "-date_held", "pk"),
        }[value]()

    def filter_valid(self):
        """The queryset narrowed by every valid filter; invalid ones are left out."""
        queryset = self.queryset
        for name, value in self.valid_data().items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


def valid_data(form):
    """The values that passed validation; an invalid value is dropped, not fatal."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if not empty(value)}


def empty(value):
    if isinstance(value, QuerySet | list | tuple):
        return not value
    return value is False or value in (None, "")  # an unticked box filters nothing


TYPE_CHOICES = (
    ("event", _("Events")),
    ("article", _("Reports")),
    ("person", _("Officials")),
    ("organisation", _("Organisations")),
)
SORT_CHOICES = (("relevance", _("Relevance")), ("date", _("Newest first")))


# The form class a FilterSet builds from its filters' fields (nothing is queried here).
FacetForm = FacetFilterSet().get_form_class()


class SearchForm(FacetForm):
    """The search page's form: the archive's filters (their fields come from FacetFilterSet,
    where they are declared) plus what a hit is and the order. Nothing here filters a queryset:
    the values go to the search backend."""

    type = forms.ChoiceField(
        label=_("Type"), choices=(("", "---------"), *TYPE_CHOICES), required=False
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def valid_data(self):
        return valid_data(self)

    def search_filters(self):
        """The valid choices as filters for the search backend."""
        data = self.valid_data()
        values = {}
        for name in ("year", "kind", "province", "award_kind", "type"):
            if name in data:
                values[name] = str(data[name])
        if "person" in data:
            values["person"] = data["person"].slug
        if "organisation" in data:
            values["organisation"] = data["organisation"].slug
        return Filters(
            values=values,
            date_from=data["date_from"].isoformat() if "date_from" in data else None,
            date_to=data["date_to"].isoformat() if "date_to" in data else None,
        )

    def ordering(self):
        return self.valid_data().get("sort") or "relevance"


class PostSearchForm(forms.Form):
    """The post list's search: posts whose name contains the words, with or without
    diacritics."""

    q = forms.CharField(label=_("Post or organisation"), max_length=100, required=False)


# The FilterSets of the records that have no list page of their own (awards, figures, reports):
# the API and the downloads filter them.


class EventFactsFilterSet(django_filters.FilterSet):
    """Facts read about events: narrowed by the event, its year and its province."""

    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=Event.objects.all())
    year = django_filters.NumberFilter(
        label=_("Year held"),
        field_name="event__date_held__year",
        min_value=1945,
        max_value=2100,
        decimal_places=0,
    )
    province = django_filters.CharFilter(
        label=_("Province"), field_name="event__province", max_length=100
    )


class AwardFilterSet(EventFactsFilterSet):
    category = django_filters.ChoiceFilter(label=_("Award"), choices=Award.Category.choices)

    class Meta:
        model = Award
        fields = ["event", "year", "province", "category"]


class FigureFilterSet(EventFactsFilterSet):
    class Meta:
        model = Statistic
        fields = ["event", "year", "province"]


class ArticleFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(
        label=_("Year published"),
        field_name="published_at__year",
        min_value=1945,
        max_value=2100,
        decimal_places=0,
    )
    publisher = django_filters.CharFilter(label=_("Publisher"), max_length=200)

    class Meta:
        model = Article
        fields = ["year", "publisher"]


MAX_QUERY_LENGTH = 500


class InvalidParameters(ValueError):
    """Request parameters the search refuses: `errors` names each, with the reasons."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def search_parameters(params):
    """The search form, validated, and the words typed, from request parameters (the page's,
    the API's, the downloads' and the feeds'); InvalidParameters naming each bad one."""
    form = SearchForm(params)
    if not form.is_valid():
        raise InvalidParameters(
            {
                name: [e["message"] for e in errors]
                for name, errors in form.errors.get_json_data().items()
            }
        )
    text = params.get("q", "")
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidParameters({"q": [_("At most %(n)d characters.") % {"n": MAX_QUERY_LENGTH}]})
    if "\x00" in text:
        raise InvalidParameters({"q": [_("Null characters are not allowed.")]})
    return form, text
