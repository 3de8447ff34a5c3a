"""What each API resource shows. Every record carries its API `url` and the `html_url` of the
public page that shows it: people and organisations by slug, events and articles by id."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from archive.models import Article, Award, Event, Organisation, Person, Role, Statistic
from archive.site.views import timeline as page_timeline


class HtmlUrlField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        url = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


HtmlUrlField = extend_schema_field(OpenApiTypes.URI)(HtmlUrlField)


class PersonRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")
    html_url = HtmlUrlField()

    class Meta:
        model = Person
        fields = ["slug", "full_name", "url", "html_url"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    html_url = HtmlUrlField()

    class Meta:
        model = Organisation
        fields = ["slug", "name", "abbreviation", "url", "html_url"]


class EventRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Event
        fields = ["id", "title", "kind", "date_held", "province", "url", "html_url"]


class ArticleRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Article
        fields = ["id", "title", "publisher", "published_at", "source_url", "url", "html_url"]


class EventSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail")
    html_url = HtmlUrlField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    organiser = OrganisationRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "html_url",
            "title",
            "kind",
            "kind_label",
            "date_held",
            "date_precision",
            "period_start",
            "period_end",
            "period_label",
            "place",
            "province",
            "organiser",
        ]


class ParticipantSerializer(serializers.Serializer):
    """One person at an event, with the rank, titles and roles the report gives then."""

    person = PersonRefSerializer(allow_null=True)
    name_as_written = serializers.CharField()
    rank = serializers.CharField(allow_blank=True)
    rank_label = serializers.CharField(allow_blank=True)
    titles = serializers.ListField(child=serializers.CharField())
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    source_sentence = serializers.CharField(allow_blank=True)


def participants(participations):
    """One entry per person (a participation is one row per role), in order of mention."""
    people = {}
    for p in participations:
        entry = people.setdefault(
            p.person_id or p.name_as_written,
            {
                "person": p.person,
                "name_as_written": p.name_as_written,
                "rank": p.rank,
                "rank_label": p.get_rank_display() if p.rank else "",
                "titles": p.titles,
                "roles": [],
                "source_sentence": p.source_sentence,
            },
        )
        entry["roles"].append(p.role)
    return list(people.values())


class AwardSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:award-detail")
    html_url = HtmlUrlField()
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    giver_organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    event = EventRefSerializer(read_only=True)

    class Meta:
        model = Award
        fields = [
            "id",
            "url",
            "html_url",
            "event",
            "name",
            "category",
            "category_label",
            "giver_name",
            "giver_organisation",
            "collectives",
            "individuals",
            "recipients",
            "article",
            "source_sentence",
        ]


class EventAwardSerializer(AwardSerializer):
    class Meta(AwardSerializer.Meta):
        fields = [f for f in AwardSerializer.Meta.fields if f != "event"]


class FigureSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:figure-detail")
    html_url = HtmlUrlField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False)
    event = EventRefSerializer(read_only=True)

    class Meta:
        model = Statistic
        fields = [
            "id",
            "url",
            "html_url",
            "event",
            "label",
            "value",
            "unit",
            "qualifier",
            "article",
            "source_sentence",
        ]


class EventFigureSerializer(FigureSerializer):
    class Meta(FigureSerializer.Meta):
        fields = [f for f in FigureSerializer.Meta.fields if f != "event"]


class EventDetailSerializer(EventSerializer):
    participants = serializers.SerializerMethodField()
    awards = EventAwardSerializer(many=True, read_only=True)
    figures = EventFigureSerializer(many=True, read_only=True, source="statistics")
    organisations = OrganisationRefSerializer(many=True, read_only=True)
    articles = ArticleRefSerializer(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields,
            "participants",
            "awards",
            "figures",
            "organisations",
            "articles",
        ]

    @extend_schema_field(ParticipantSerializer(many=True))
    def get_participants(self, event):
        rows = participants(event.participations.all())
        return ParticipantSerializer(rows, many=True, context=self.context).data


class PersonSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")
    html_url = HtmlUrlField()
    event_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Person
        fields = ["slug", "url", "html_url", "full_name", "aliases", "event_count"]


class TimelineEntrySerializer(serializers.Serializer):
    event = EventRefSerializer()
    rank = serializers.CharField(allow_blank=True)
    rank_label = serializers.CharField(allow_blank=True)
    titles = serializers.ListField(child=serializers.CharField())
    roles = serializers.ListField(child=serializers.ChoiceField(choices=Role.choices))
    approximate = serializers.BooleanField(help_text="The event has no date of its own.")
    rank_changed = serializers.BooleanField()
    titles_changed = serializers.BooleanField()


def timeline(person):
    """The person's page's timeline (order and "changed" flags), with codes for rank and roles."""
    codes = {}
    for p in person.participations.all():
        entry = codes.setdefault(p.event_id, {"rank": p.rank, "roles": []})
        entry["roles"].append(p.role)
    return [
        {**row, "rank_label": row["rank"], **codes[row["event"].pk]}
        for row in page_timeline(person)
    ]


class PersonDetailSerializer(PersonSerializer):
    timeline = serializers.SerializerMethodField()

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "timeline"]

    @extend_schema_field(TimelineEntrySerializer(many=True))
    def get_timeline(self, person):
        return TimelineEntrySerializer(timeline(person), many=True, context=self.context).data


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    html_url = HtmlUrlField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = OrganisationRefSerializer(read_only=True, allow_null=True)
    event_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "html_url",
            "name",
            "abbreviation",
            "kind",
            "kind_label",
            "aliases",
            "parent",
            "event_count",
        ]


class OrganisationDetailSerializer(OrganisationSerializer):
    children = OrganisationRefSerializer(many=True, read_only=True)

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "children"]


class ArticleSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    html_url = HtmlUrlField()
    events = EventRefSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "html_url",
            "title",
            "publisher",
            "byline",
            "published_at",
            "source_url",
            "updated_at",
            "events",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "text"]


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class HitSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    html_url = serializers.URLField()
    url = serializers.URLField(allow_null=True)
    date = serializers.DateField(allow_null=True)
    score = serializers.FloatField()
    snippet = serializers.CharField(allow_blank=True)
    article_ids = serializers.ListField(child=serializers.IntegerField())


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField(allow_blank=True)
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    suggestion = serializers.CharField(allow_null=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    results = HitSerializer(many=True)
