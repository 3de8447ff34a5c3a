"""Atom feeds parse as Atom and list what their page lists; sitemap, robots.txt, OpenSearch."""

import xml.etree.ElementTree as ET

import pytest

from archive.models import Article, Event, Organisation, Person
from archive.search import get_backend
from archive.search.indexing import all_documents
from archive.text import slugify_vi

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def archive(loaded_archive):
    get_backend().rebuild(all_documents())


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return [e.find(f"{ATOM}link").get("href") for e in entries]


def test_new_reports_feed(client, archive):
    links = atom(client, "/feeds/reports/")
    assert sorted(links) == sorted(
        "http://testserver" + a.get_absolute_url() for a in Article.objects.all()
    )


def test_person_feed_lists_their_events(client, archive):
    person = max(Person.objects.all(), key=lambda p: p.participations.count())
    links = atom(client, f"/feeds/people/{person.slug}/")
    expected = Event.objects.filter(participations__person=person).distinct()
    assert sorted(links) == sorted("http://testserver" + e.get_absolute_url() for e in expected)


def test_organisation_feed_lists_its_events(client, archive):
    organisation = Organisation.objects.filter(events__isnull=False).first()
    links = atom(client, f"/feeds/organisations/{organisation.slug}/")
    assert sorted(links) == sorted(
        "http://testserver" + e.get_absolute_url() for e in organisation.events.all()
    )


def test_province_feed_lists_the_provinces_events(client, archive):
    province = Event.objects.exclude(province="").first().province
    links = atom(client, f"/feeds/provinces/{slugify_vi(province)}/")
    assert sorted(links) == sorted(
        "http://testserver" + e.get_absolute_url() for e in Event.objects.filter(province=province)
    )


def test_search_feed_is_the_search(client, archive):
    params = {"q": "quốc phòng", "type": "event"}
    hits = client.get("/search/", {**params, "sort": "date"}).context["results"].hits
    links = atom(client, "/feeds/search/?q=qu%E1%BB%91c+ph%C3%B2ng&type=event")
    assert links == ["http://testserver" + h.url for h in hits]
    assert links


def test_feeds_of_nobody_are_404_and_bad_searches_400(client, archive):
    assert client.get("/feeds/people/nobody-at-all/").status_code == 404
    assert client.get("/feeds/provinces/atlantis/").status_code == 404
    response = client.get("/feeds/search/?q=a&year=abc")
    assert response.status_code == 400 and list(response.json()) == ["year"]


def sitemap_locations(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = []
    for section in index.iter(f"{SITEMAP}loc"):
        response = client.get(section.text.replace("http://testserver", ""))
        assert response.status_code == 200
        locations += [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    return locations


def test_sitemap_lists_every_public_object(client, archive):
    locations = set(sitemap_locations(client))
    expected = {"/", "/search/", "/events/", "/years/", "/people/", "/organisations/", "/awards/"}
    for model in (Event, Article, Person, Organisation):
        expected |= {obj.get_absolute_url() for obj in model.objects.all()}
    expected |= {f"/years/{year}/" for year, _n in Event.objects.year_counts()}
    assert {"http://testserver" + path for path in expected} <= locations
    for location in locations:
        assert client.get(location.replace("http://testserver", "")).status_code == 200


def test_robots_points_to_the_sitemap(client, archive):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_opensearch_description_searches_the_archive(client, archive):
    response = client.get("/opensearch.xml")
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    root = ET.fromstring(response.content)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {u.get("type"): u.get("template") for u in root.findall(f"{ns}Url")}
    assert templates["text/html"] == "http://testserver/search/?q={searchTerms}"
    html = client.get(templates["text/html"].replace("{searchTerms}", "quoc+phong"))
    assert html.status_code == 200 and html.context["results"].total > 0
