"""Findable and citable: canonical, hreflang, Open Graph and JSON-LD in each record's page,
"how to cite" on every report and event, and its BibTeX, RIS and CSL-JSON files."""

import json
import re

import pytest
from django.utils import timezone

from archive.models import Article, Event, Organisation, Person

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize(
    ("model", "schema_type"),
    [
        (Event, "Event"),
        (Person, "Person"),
        (Organisation, "Organization"),
        (Article, "NewsArticle"),
    ],
)
def test_record_pages_describe_themselves(client, loaded_archive, model, schema_type):
    for obj in model.objects.all()[:5]:
        url = "http://testserver" + obj.get_absolute_url()
        html = client.get(obj.get_absolute_url()).content.decode()
        assert f'<link rel="canonical" href="{url}">' in html
        assert f'<link rel="alternate" hreflang="en" href="{url}?lang=en">' in html
        assert f'<link rel="alternate" hreflang="vi" href="{url}">' in html
        assert f'<meta property="og:url" content="{url}">' in html
        data = json_ld(html)
        assert data["@context"] == "https://schema.org" and data["@type"] == schema_type
        assert data.get("url") == url or data.get("mainEntityOfPage") == url


def test_event_json_ld_names_its_source_reports(client, loaded_archive):
    event = Event.objects.filter(articles__isnull=False).first()
    data = json_ld(client.get(event.get_absolute_url()).content.decode())
    assert [a["@type"] for a in data["subjectOf"]] == ["NewsArticle"] * event.articles.count()
    assert data["name"] == event.title


def test_the_english_alternate_is_in_english(client, loaded_archive):
    event = Event.objects.first()
    vietnamese = client.get(event.get_absolute_url()).content.decode()
    english = client.get(event.get_absolute_url() + "?lang=en").content.decode()
    assert "How to cite" in english and "How to cite" not in vietnamese


def test_every_report_and_event_says_how_to_cite(client, loaded_archive):
    today = timezone.localdate().strftime("%d/%m/%Y")
    for obj in [*Article.objects.all(), *Event.objects.all()]:
        html = client.get(obj.get_absolute_url() + "?lang=en").content.decode()
        block = html[html.index('<section class="cite">') :]
        assert f"http://testserver{obj.get_absolute_url()}" in block
        assert f"accessed {today}" in block
        article = obj if isinstance(obj, Article) else obj.articles.first()
        if article.publisher:
            assert article.publisher in block
        if article.published_at:
            assert timezone.localtime(article.published_at).strftime("%d/%m/%Y") in block
        for fmt in ("bib", "ris", "json"):
            assert f"{obj.get_absolute_url()}cite.{fmt}" in block


def test_citation_files(client, loaded_archive):
    article = Article.objects.exclude(published_at=None).first()
    base = article.get_absolute_url()
    bib = client.get(base + "cite.bib").content.decode()
    assert bib.startswith(f"@online{{article{article.pk},")
    assert f"howpublished = {{http://testserver{base}}}" in bib
    assert "urldate = {" + timezone.localdate().isoformat() + "}" in bib
    ris = client.get(base + "cite.ris").content.decode()
    assert ris.startswith("TY  - NEWS\r\n") and ris.endswith("ER  - \r\n")
    assert f"UR  - http://testserver{base}\r\n" in ris
    assert f"PY  - {timezone.localtime(article.published_at).year}" in ris
    csl = json.loads(client.get(base + "cite.json").content)
    assert csl[0]["type"] == "article-newspaper"
    assert csl[0]["title"] == str(article)
    assert csl[0]["archive_location"] == f"http://testserver{base}"
    event = Event.objects.first()
    assert client.get(event.get_absolute_url() + "cite.ris").status_code == 200
    assert client.get(base + "cite.doc").status_code == 404
    assert client.get("/articles/999999/cite.bib").status_code == 404
