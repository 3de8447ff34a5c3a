"""FilterSets: the facets of the archive, applied to events for browsing and, through the same
validated form, to the search backend."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from archive.models import Award, Event, Organisation, Person
from archive.search.backends.base import Filters


class ArchiveFilterSet(django_filters.FilterSet):
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

    def filter_valid(self):
        """The queryset narrowed by every valid filter; invalid ones are left out."""
        queryset = self.queryset
        for name, value in self.valid_data().items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def valid_data(self):
        """The values that passed validation; an invalid value is dropped, not fatal."""
        if not self.is_bound:
            return {}
        form = self.form
        form.is_valid()
        return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}

    def search_filters(self):
        """The same choices as filters for the search backend."""
        data = self.valid_data()
        values = {}
        for name in ("year", "kind", "province", "award_kind"):
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


TYPE_CHOICES = (
    ("event", _("Events")),
    ("article", _("Reports")),
    ("person", _("Officials")),
    ("organisation", _("Organisations")),
    ("award", _("Awards")),
)
SORT_CHOICES = (("relevance", _("Relevance")), ("date", _("Newest first")))


class SearchFilterSet(ArchiveFilterSet):
    """The search page's facets: those of the archive plus what a hit is, and the order."""

    type = django_filters.ChoiceFilter(label=_("Type"), choices=TYPE_CHOICES, method="keep")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="keep", empty_label=None
    )

    def keep(self, queryset, name, value):
        return queryset

    def search_filters(self):
        filters = super().search_filters()
        data = self.valid_data()
        if data.get("type"):
            filters.values["type"] = data["type"]
        return filters

    def ordering(self):
        return self.valid_data().get("sort") or "relevance"
