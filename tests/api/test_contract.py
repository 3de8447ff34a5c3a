"""The API answers what the HTML pages show: same filters, same totals, same first hits."""

import pytest

from archive.models import Award, Event, Organisation, Person
from archive.search import get_backend
from archive.search.indexing import all_documents
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def filter_cases():
    """One case per filter of the site's FilterSet, with values the fixture archive holds."""
    event = Event.objects.exclude(date_held=None).exclude(province="").first()
    person = Person.objects.filter(participations__isnull=False).first()
    organisation = Organisation.objects.filter(events__isnull=False).first()
    award = Award.objects.first()
    return [
        {},
        {"year": event.date_held.year},
        {"kind": event.kind},
        {"province": event.province},
        {"person": person.slug},
        {"organisation": organisation.slug},
        {"award_kind": award.category},
        {"date_from": event.date_held.isoformat()},
        {"date_to": event.date_held.isoformat(), "kind": event.kind},
    ]


def test_event_list_equals_the_event_page(client, archive):
    for params in filter_cases():
        page = client.get("/events/", params).context
        api = client.get("/api/events/", {**params, "page_size": 25}).json()
        assert api["count"] == page["paginator"].count, params
        assert [e["id"] for e in api["results"]] == [e.pk for e in page["object_list"]], params


SEARCHES = [
    {"q": "quốc phòng"},
    {"q": "quoc phong", "type": "event"},
    {"q": "UBND", "sort": "date"},
    {"q": "khen"},
    {"q": "tỉnh", "type": "person"},
]


def search_cases():
    return SEARCHES + [{"q": "quốc phòng", **params} for params in filter_cases()[1:]]


def test_search_equals_the_search_page(client, archive):
    compared = 0
    for params in search_cases():
        page = client.get("/search/", params).context
        api = client.get("/api/search/", params)
        assert api.status_code == 200, (params, api.content)
        api = api.json()
        assert api["count"] == page["results"].total, params
        assert [(h["type"], h["id"]) for h in api["results"]] == [
            (h.type, h.id) for h in page["results"].hits
        ], params
        assert [h["html_url"] for h in api["results"]] == [
            "http://testserver" + h.url for h in page["results"].hits
        ]
        compared += bool(api["count"])
    assert compared >= 8, "most cases find something, or the comparison proves little"


def test_search_facets_are_the_pages(client, archive):
    params = {"q": "quốc phòng"}
    page = client.get("/search/", params).context["results"].facets
    api = client.get("/api/search/", params).json()["facets"]
    for name, values in page.items():
        assert [(v["value"], v["count"]) for v in api[name]] == [tuple(v) for v in values]
    assert api["type"] and api["year"]


def test_search_hits_link_to_their_api_records(client, archive):
    hits = client.get("/api/search/", {"q": "quốc phòng"}).json()["results"]
    assert {h["type"] for h in hits} >= {"event", "organisation"}
    for hit in hits:
        record = client.get(hit["url"])
        assert record.status_code == 200, hit
        assert record.json()["html_url"] == hit["html_url"] or hit["type"] == "award"


def test_search_pages_link_next_and_previous(client, archive):
    for n in range(25):  # reports of no event: hits of their own
        ArticleFactory(key=f"brief-{n}", text=f"Tin vắn số {n} về công tác quân sự của tỉnh.")
    get_backend().rebuild(all_documents())
    first = client.get("/api/search/", {"q": "tỉnh"}).json()
    assert first["count"] > 20 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["previous"] is not None
    assert second["count"] == first["count"]
    ones = {(h["type"], h["id"]) for h in first["results"]}
    twos = {(h["type"], h["id"]) for h in second["results"]}
    assert len(ones) == 20 and twos and ones.isdisjoint(twos)
