"""FilterSets of the resources the public site has no list page for (awards, figures,
reports). Events and search use the site's own FilterSets (`archive.site.filters`)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from archive.models import Article, Award, Event, Statistic


class EventFactsFilterSet(django_filters.FilterSet):
    """Facts read about events: narrowed by the event, its year and its province."""

    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=Event.objects.all())
    year = django_filters.NumberFilter(
        label=_("Year held"),
        field_name="event__date_held__year",
        min_value=1945,
        max_value=2100,
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
    )
    publisher = django_filters.CharFilter(label=_("Publisher"), max_length=200)

    class Meta:
        model = Article
        fields = ["year", "publisher"]
