"""The API's resources: each answers with what its page shows, under the same identifiers."""

import pytest

from archive.models import Article, Award, Event, Organisation, Person, Statistic
from archive.site.views import timeline as page_timeline

pytestmark = pytest.mark.django_db


def results(client, url, **params):
    """Every result of a list, following `next` to the end."""
    rows, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, (url, response.content)
        rows += response.json()["results"]
        if not response.json()["next"]:
            return rows
        response = client.get(response.json()["next"])


@pytest.mark.parametrize(
    ("path", "model", "key"),
    [
        ("/api/events/", Event, "id"),
        ("/api/people/", Person, "slug"),
        ("/api/organisations/", Organisation, "slug"),
        ("/api/awards/", Award, "id"),
        ("/api/figures/", Statistic, "id"),
        ("/api/articles/", Article, "id"),
    ],
)
def test_every_object_is_listed_and_its_record_and_page_answer(client, archive, path, model, key):
    rows = results(client, path, page_size=3)
    field = "pk" if key == "id" else key
    assert sorted(r[key] for r in rows) == sorted(model.objects.values_list(field, flat=True))
    for row in rows:
        obj = model.objects.get(**{field: row[key]})
        assert row["html_url"] == "http://testserver" + obj.get_absolute_url()
        assert client.get(row["html_url"]).status_code == 200
        record = client.get(row["url"])
        assert record.status_code == 200
        assert record.json()[key] == row[key]


def test_identifiers_match_the_pages(client, archive):
    person = Person.objects.first()
    organisation = Organisation.objects.first()
    event = Event.objects.first()
    assert (
        client.get(f"/api/people/{person.slug}/")
        .json()["html_url"]
        .endswith(f"/people/{person.slug}/")
    )
    assert (
        client.get(f"/api/organisations/{organisation.slug}/")
        .json()["html_url"]
        .endswith(f"/organisations/{organisation.slug}/")
    )
    assert (
        client.get(f"/api/events/{event.pk}/").json()["html_url"].endswith(f"/events/{event.pk}/")
    )


def test_event_shows_participants_awards_figures_and_sources_as_its_page(client, archive):
    event = max(Event.objects.all(), key=lambda e: e.awards.count() + e.statistics.count())
    data = client.get(f"/api/events/{event.pk}/").json()
    page = client.get(event.get_absolute_url()).context

    assert [p["name_as_written"] for p in data["participants"]] == [
        p["name"] for p in page["participants"]
    ]
    for row, shown in zip(data["participants"], page["participants"], strict=True):
        assert row["rank_label"] == shown["rank"]
        assert row["titles"] == shown["titles"]
        assert row["roles"] == list(shown["roles"])
    awards = list(event.awards.order_by("order"))
    assert [(a["name"], a["collectives"], a["individuals"]) for a in data["awards"]] == [
        (a.name, a.collectives, a.individuals) for a in awards
    ]
    assert len(data["figures"]) == event.statistics.count() > 0
    assert {a["id"] for a in data["articles"]} == set(event.articles.values_list("pk", flat=True))
    for row in data["articles"]:
        assert row["source_url"] == Article.objects.get(pk=row["id"]).source_url


def test_person_timeline_is_the_pages(client, archive):
    person = max(Person.objects.all(), key=lambda p: p.participations.count())
    data = client.get(f"/api/people/{person.slug}/").json()
    rows = page_timeline(Person.objects.get(pk=person.pk))
    assert [r["event"]["id"] for r in data["timeline"]] == [r["event"].pk for r in rows]
    assert [r["rank_label"] for r in data["timeline"]] == [r["rank"] for r in rows]
    assert [r["titles"] for r in data["timeline"]] == [r["titles"] for r in rows]
    assert [r["rank_changed"] for r in data["timeline"]] == [r["rank_changed"] for r in rows]


def test_organisation_has_its_parent_and_children(client, archive):
    child = Organisation.objects.exclude(parent=None).select_related("parent").first()
    assert child is not None, "the fixture archive has an organisation with a parent"
    data = client.get(f"/api/organisations/{child.slug}/").json()
    assert data["parent"]["slug"] == child.parent.slug
    parent = client.get(f"/api/organisations/{child.parent.slug}/").json()
    assert child.slug in [c["slug"] for c in parent["children"]]


def test_article_has_text_and_source_address(client, archive):
    article = Article.objects.first()
    data = client.get(f"/api/articles/{article.pk}/").json()
    assert data["text"] == article.text
    assert data["source_url"] == article.source_url
    assert "text" not in client.get("/api/articles/").json()["results"][0]


def test_pages_link_next_and_previous(client, archive):
    first = client.get("/api/events/", {"page_size": 2}).json()
    assert first["count"] == Event.objects.count()
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["previous"].endswith("page_size=2")
    ids = [e["id"] for e in first["results"] + second["results"]]
    assert ids == list(Event.objects.latest().values_list("pk", flat=True)[:4])


def test_the_api_writes_nothing(client, archive):
    before = Event.objects.count()
    assert client.post("/api/events/", {"title": "x"}).status_code == 405
    event = Event.objects.first()
    assert client.delete(f"/api/events/{event.pk}/").status_code == 405
    assert client.put(f"/api/events/{event.pk}/", {}).status_code == 405
    assert Event.objects.count() == before
