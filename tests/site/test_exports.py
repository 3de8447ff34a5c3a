"""Downloads: CSV opens with the byte-order mark and Vietnamese intact, JSON parses, both
carry what the page lists, bad filters are a 400, and rows are streamed, not gathered."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.exports import CHUNK
from archive.models import Award, Event, Organisation, Person
from archive.search import get_backend
from archive.search.indexing import all_documents
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(loaded_archive):
    get_backend().rebuild(all_documents())


def body(response):
    return b"".join(response.streaming_content)


def read_csv(response):
    raw = body(response)
    assert raw.startswith("\ufeff".encode()), "UTF-8 byte-order mark first, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_events_csv_has_the_bom_and_vietnamese_intact(client, archive):
    response = client.get("/export/events.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == Event.objects.count()
    titles = {e.title for e in Event.objects.all()}
    assert {r["title"] for r in rows} == titles
    assert any("ố" in t or "ộ" in t for t in titles), "the fixture titles have diacritics"
    provinces = {r["province"] for r in rows}
    assert provinces == set(Event.objects.values_list("province", flat=True))


def test_a_filtered_export_has_the_rows_of_the_filtered_page(client, archive):
    event = Event.objects.exclude(date_held=None).first()
    params = {"year": event.date_held.year, "kind": event.kind}
    page = client.get("/events/", params).context["paginator"]
    rows = read_csv(client.get("/export/events.csv", params))
    assert len(rows) == page.count
    assert [int(r["id"]) for r in rows] == [e.pk for e in page.object_list]
    as_json = json.loads(body(client.get("/export/events.json", params)))
    assert [r["id"] for r in as_json] == [int(r["id"]) for r in rows]


@pytest.mark.parametrize(
    ("table", "model", "key"),
    [
        ("people", Person, "slug"),
        ("organisations", Organisation, "slug"),
        ("awards", Award, "id"),
    ],
)
def test_every_list_downloads_as_csv_and_json(client, archive, table, model, key):
    field = "pk" if key == "id" else key
    expected = sorted(str(v) for v in model.objects.values_list(field, flat=True))
    rows = read_csv(client.get(f"/export/{table}.csv"))
    assert sorted(r[key] for r in rows) == expected
    data = json.loads(body(client.get(f"/export/{table}.json")))
    assert sorted(str(r[key]) for r in data) == expected


def test_search_export_has_every_hit_in_the_pages_order(client, archive):
    params = {"q": "tỉnh"}
    total = client.get("/search/", params).context["results"].total
    assert total > 20, "more than a page, so the export reads past the first"
    rows = read_csv(client.get("/export/search.csv", params))
    assert len(rows) == total
    first_page = client.get("/search/", params).context["results"].hits
    assert [(r["type"], int(r["id"])) for r in rows[:20]] == [(h.type, h.id) for h in first_page]
    assert "<mark>" not in "".join(r["snippet"] for r in rows)
    data = json.loads(body(client.get("/export/search.json", params)))
    assert data["query"] == "tỉnh" and len(data["results"]) == total


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/export/events.csv?year=abc", "year"),
        ("/export/events.json?person=nobody", "person"),
        ("/export/awards.csv?category=x", "category"),
        ("/export/search.csv?q=a&type=people", "type"),
    ],
)
def test_bad_filters_are_a_400_naming_them(client, archive, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_unknown_downloads_are_404(client, archive):
    assert client.get("/export/secrets.csv").status_code == 404
    assert client.get("/export/events.xlsx").status_code == 404


def test_rows_are_streamed_in_chunks_not_gathered(client, db):
    """Each chunk of events has its reports read by one query as it comes: one such query
    before the first row is written means the rows are not all read first."""
    EventFactory.create_batch(CHUNK * 2 + 10)
    response = client.get("/export/events.csv")
    assert response.streaming
    chunks = iter(response.streaming_content)

    def per_chunk(queries):
        return [q for q in queries if q["sql"].startswith('SELECT ("archive_event_articles"')]

    with CaptureQueriesContext(connection) as first:
        next(chunks)  # the byte-order mark
        next(chunks)  # the header
        next(chunks)  # the first row
    assert len(per_chunk(first.captured_queries)) == 1
    with CaptureQueriesContext(connection) as rest:
        remaining = list(chunks)
    assert len(remaining) == CHUNK * 2 + 10 - 1
    assert len(per_chunk(rest.captured_queries)) == 2
