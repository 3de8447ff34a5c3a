"""What a client relies on: 400s that name the parameter, 404s, ETags, throttling, CORS, the
schema and its documentation page."""

import re

import pytest
from django.core.cache import cache

from archive.models import Article, Event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events/", {"year": "abc"}, "year"),
        ("/api/events/", {"year": "1200"}, "year"),
        ("/api/events/", {"kind": "party"}, "kind"),
        ("/api/events/", {"person": "no-such-person"}, "person"),
        ("/api/events/", {"organisation": "no-such-body"}, "organisation"),
        ("/api/events/", {"date_from": "2024-13-01"}, "date_from"),
        ("/api/events/", {"province": "x" * 101}, "province"),
        ("/api/events/", {"page": "0"}, "page"),
        ("/api/events/", {"page": "two"}, "page"),
        ("/api/events/", {"page_size": "1000"}, "page_size"),
        ("/api/awards/", {"category": "medal-of-honour"}, "category"),
        ("/api/articles/", {"year": "soon"}, "year"),
        ("/api/search/", {"q": "quốc phòng", "type": "people"}, "type"),
        ("/api/search/", {"q": "quốc phòng", "sort": "random"}, "sort"),
        ("/api/search/", {"q": "quốc phòng", "year": "x"}, "year"),
        ("/api/search/", {"q": "x" * 501}, "q"),
        ("/api/search/", {"q": "quốc phòng", "page": "51"}, "page"),
        ("/api/search/", {"q": "a\x00b"}, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, archive, path, params, parameter):
    response = client.get(path, params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body) == [parameter]
    assert body[parameter] and all(isinstance(m, str) and m for m in body[parameter])


def test_unknown_records_and_pages_are_404(client, archive):
    assert client.get("/api/events/999999/").status_code == 404
    assert client.get("/api/events/99999999999999999999999/").status_code == 404
    assert client.get("/api/people/no-such-person/").status_code == 404
    assert client.get("/api/nothing-here/").status_code == 404
    response = client.get("/api/events/", {"page": "999"})
    assert response.status_code == 404
    assert "999" in response.json()["detail"]
    assert client.get("/api/search/", {"q": "quốc phòng", "page": "40"}).status_code == 404


def test_unchanged_answers_are_304(client, archive):
    first = client.get("/api/events/")
    etag = first.headers["ETag"]
    again = client.get("/api/events/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    other = client.get("/api/events/", {"page_size": 1}, HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200


def test_reports_have_last_modified(client, archive):
    article = Article.objects.first()
    response = client.get(f"/api/articles/{article.pk}/")
    assert response.headers["Last-Modified"]
    again = client.get(
        f"/api/articles/{article.pk}/", HTTP_IF_MODIFIED_SINCE=response.headers["Last-Modified"]
    )
    assert again.status_code == 304
    article.title += " (sửa)"
    article.save()
    changed = client.get(
        f"/api/articles/{article.pk}/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT"
    )
    assert changed.status_code == 200


def test_anonymous_clients_are_throttled_with_a_clear_429(client, settings, archive):
    settings.ARCHIVE_API_ANON_RATE = "3/minute"
    cache.clear()
    statuses = [client.get("/api/events/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/people/")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert re.search(r"\d+", response.json()["detail"])


def test_any_origin_may_read_the_api_and_only_the_api(client, archive):
    response = client.get("/api/events/", HTTP_ORIGIN="https://example.org")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/events/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "POST" not in preflight.headers["Access-Control-Allow-Methods"]
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    page = client.get("/events/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in page.headers


def test_schema_describes_every_resource_and_the_search_filters(client, archive):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in ("events", "people", "organisations", "awards", "figures", "articles"):
        assert f"/api/{path}/" in schema["paths"]
    search = {p["name"] for p in schema["paths"]["/api/search/"]["get"]["parameters"]}
    assert search >= {"q", "page", "type", "sort", "year", "kind", "province", "person"}
    assert search >= {"organisation", "award_kind", "date_from", "date_to"}


def test_documentation_page_loads_nothing_from_elsewhere(client, archive):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert not re.search(r"<script>(?!</script>)", html), "no inline script (the CSP forbids it)"
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert "/api/schema/" in script.content.decode()


def test_events_list_counts_match_the_database(client, archive):
    year = Event.objects.exclude(date_held=None).first().date_held.year
    data = client.get("/api/events/", {"year": year}).json()
    assert data["count"] == Event.objects.filter(date_held__year=year).count()
