"""Read-only viewsets. The events' filters are the site's `ArchiveFilterSet`, the search's the
site's `SearchForm` (its facets documented by `FacetFilterSet`, where they are declared), and
the search calls `archive.search.search` with the same arguments
as the search page. Every answer carries an ETag (and a Last-Modified where the records keep
one), so a client re-fetching an unchanged page gets a 304."""

from django.db.models import Count, Max, Prefetch
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from archive import search as archive_search
from archive.api import serializers
from archive.api.pagination import positive_int
from archive.api.schema import ArchiveAutoSchema
from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)
from archive.search.schema import FACETS
from archive.search.schema import PAGE_SIZE as PER_PAGE
from archive.site.filters import (
    MAX_QUERY_LENGTH,
    SORT_CHOICES,
    TYPE_CHOICES,
    ArchiveFilterSet,
    ArticleFilterSet,
    AwardFilterSet,
    FacetFilterSet,
    FigureFilterSet,
    InvalidParameters,
    search_parameters,
)
from archive.site.presentation import facet_labels
from archive.site.redirects import redirect_if_merged
from archive.site.views import MAX_PAGES

SLUG = "[-a-zA-Z0-9_]+"
PK = "[0-9]+"


class ConditionalMixin:
    """ETag from the rendered body (and Last-Modified when `last_modified()` knows it); a
    request whose If-None-Match or If-Modified-Since still holds gets 304 Not Modified."""

    def last_modified(self):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        set_response_etag(response)
        modified = self.last_modified()
        if modified is not None:
            response.headers["Last-Modified"] = http_date(modified.timestamp())
        return get_conditional_response(
            request,
            etag=response.headers["ETag"],
            last_modified=int(modified.timestamp()) if modified else None,
            response=response,
        )


class ReadOnlyViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class


PARTICIPANTS = Prefetch(
    "participations",
    queryset=Participation.objects.select_related("person").order_by("order", "role"),
)


class EventViewSet(ReadOnlyViewSet):
    """Events, newest first, filtered as on the site's event list."""

    serializer_class = serializers.EventSerializer
    detail_serializer_class = serializers.EventDetailSerializer
    filterset_class = ArchiveFilterSet
    lookup_value_regex = PK

    def get_queryset(self):
        queryset = Event.objects.latest().select_related("organiser")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                PARTICIPANTS,
                Prefetch(
                    "awards",
                    queryset=Award.objects.select_related("giver_organisation").order_by("order"),
                ),
                Prefetch("statistics", queryset=Statistic.objects.order_by("order")),
                "organisations",
                "articles",
            )
        return queryset


class FollowsMerges:
    """A record merged away answers 301 to the survivor's address in the API."""

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            found = redirect_if_merged(
                self.get_queryset().model,
                kwargs.get(self.lookup_field, ""),
                lambda survivor: reverse(f"api:{self.basename}-detail", args=[survivor.slug]),
                request.META.get("QUERY_STRING", ""),
            )
            if found is None:
                raise
            return found


class PersonViewSet(FollowsMerges, ReadOnlyViewSet):
    """Officials in Vietnamese alphabetical order (given name first), with their timeline."""

    serializer_class = serializers.PersonSerializer
    detail_serializer_class = serializers.PersonDetailSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        queryset = Person.objects.with_event_counts().alphabetical()
        if self.action == "retrieve":
            queryset = queryset.with_timeline()
        return queryset


class OrganisationViewSet(FollowsMerges, ReadOnlyViewSet):
    """Organisations by kind and name, with their parent and children."""

    serializer_class = serializers.OrganisationSerializer
    detail_serializer_class = serializers.OrganisationDetailSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        queryset = (
            Organisation.objects.select_related("parent")
            .annotate(event_count=Count("events", distinct=True))
            .order_by("kind", "folded_name", "pk")
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("children")
        return queryset


class AwardViewSet(ReadOnlyViewSet):
    """Awards given at events, with the giver and how many collectives and individuals."""

    serializer_class = serializers.AwardSerializer
    filterset_class = AwardFilterSet
    lookup_value_regex = PK
    queryset = Award.objects.select_related("event", "giver_organisation").order_by(
        "event_id", "order", "pk"
    )


class FigureViewSet(ReadOnlyViewSet):
    """Figures the events report ("887 công dân nhập ngũ")."""

    serializer_class = serializers.FigureSerializer
    filterset_class = FigureFilterSet
    lookup_value_regex = PK
    queryset = Statistic.objects.select_related("event").order_by("event_id", "order", "pk")


class ArticleViewSet(ReadOnlyViewSet):
    """Source reports: metadata and source address; the text in each report's own record."""

    serializer_class = serializers.ArticleSerializer
    detail_serializer_class = serializers.ArticleDetailSerializer
    filterset_class = ArticleFilterSet
    lookup_value_regex = PK

    def get_queryset(self):
        return Article.objects.prefetch_related("events").order_by("-published_at", "key", "pk")

    def last_modified(self):
        if self.action == "retrieve":
            return self.get_object().updated_at
        return self.filter_queryset(self.get_queryset()).aggregate(last=Max("updated_at"))["last"]


def not_found(request):
    return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)


def api_url_of(hit, request):
    """The API address of a search hit: its page's address, resolved, in the API's names."""
    try:
        match = resolve(hit.url)
    except Resolver404:
        return None
    names = {
        "event-detail": "api:event-detail",
        "article-detail": "api:article-detail",
        "person-detail": "api:person-detail",
        "organisation-detail": "api:organisation-detail",
    }
    if match.namespace != "archive" or match.url_name not in names:
        return None
    return request.build_absolute_uri(reverse(names[match.url_name], kwargs=match.kwargs))


def search_page_parameters(params):
    """The search page's validated form and the words typed; a 400 naming each bad parameter."""
    try:
        return search_parameters(params)
    except InvalidParameters as error:
        raise ValidationError(error.errors) from None


class SearchSchema(ArchiveAutoSchema):
    """One object answers, yet the filters are documented: those of the search page."""

    def get_filter_backends(self):
        return self.view.filter_backends


class SearchView(ConditionalMixin, GenericAPIView):
    """The full-text search of `/search/`: the same query language, filters, facets, order
    and results, twenty hits a page."""

    filterset_class = FacetFilterSet
    filter_backends = [DjangoFilterBackend]  # for the schema: the parameters are the page's
    queryset = Event.objects.none()
    serializer_class = serializers.SearchResultsSerializer
    pagination_class = None
    schema = SearchSchema()
    max_page = MAX_PAGES
    max_lengths = {"q": MAX_QUERY_LENGTH}

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                description="Words, names, codes, with or without diacritics; "
                '"phrase", OR, -word, prefix*.',
            ),
            OpenApiParameter(
                "page", OpenApiTypes.INT, description=f"1 to {MAX_PAGES}; twenty hits a page."
            ),
            OpenApiParameter(
                "type",
                OpenApiTypes.STR,
                enum=[value for value, _label in TYPE_CHOICES],
                description="What a hit is.",
            ),
            OpenApiParameter(
                "sort",
                OpenApiTypes.STR,
                enum=[value for value, _label in SORT_CHOICES],
                description="The order of the hits.",
            ),
        ],
        responses=serializers.SearchResultsSerializer,
    )
    def get(self, request):
        filterset, text = search_page_parameters(request.query_params)
        page = positive_int(request, "page", 1, maximum=MAX_PAGES)
        results = archive_search.search(
            text,
            filters=filterset.search_filters(),
            page=page,
            per_page=PER_PAGE,
            sort=filterset.ordering(),
            facets=FACETS,
        )
        last_page = min(MAX_PAGES, max(1, -(-results.total // PER_PAGE)))
        if page > last_page:
            raise NotFound(_("There is no page %(page)s.") % {"page": page})
        labels = facet_labels(results.facets)
        data = {
            "query": results.query,
            "count": results.total,
            "next": self.page_link(request, page + 1) if page < last_page else None,
            "previous": self.page_link(request, page - 1) if page > 1 else None,
            "suggestion": results.suggestion,
            "facets": {
                name: [
                    {
                        "value": value,
                        "label": str(labels.get(name, {}).get(value, value)),
                        "count": count,
                    }
                    for value, count in results.facets.get(name) or []
                ]
                for name in FACETS
            },
            "results": [
                {
                    "type": hit.type,
                    "id": hit.id,
                    "title": hit.title,
                    "html_url": request.build_absolute_uri(hit.url),
                    "url": api_url_of(hit, request),
                    "date": hit.date,
                    "score": hit.score,
                    "snippet": str(hit.snippet),
                    "article_ids": hit.article_ids,
                }
                for hit in results.hits
            ],
        }
        return Response(serializers.SearchResultsSerializer(data).data)

    def page_link(self, request, page):
        params = request.query_params.copy()
        params["page"] = page
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
