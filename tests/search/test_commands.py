"""search, rebuild_index and check_index as scripts use them."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.search import get_backend


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_search_json_has_the_documented_shape(indexed, backend_name):
    document = json.loads(run("search", "Nguyễn Đăng Bình", "--format", "json", "--limit", "5"))
    assert document["query"] == "Nguyễn Đăng Bình"
    assert document["total"] >= len(document["hits"]) > 0
    assert len(document["hits"]) <= 5
    first = document["hits"][0]
    assert set(first) == {
        *("type", "id", "title", "url", "score", "snippet", "article_ids"),
        *("province", "date"),
    }
    assert (first["type"], first["title"]) == ("person", "Nguyễn Đăng Bình")
    events = [h for h in document["hits"] if h["type"] == "event"]
    assert events and all(h["article_ids"] for h in events)


def test_search_json_tells_events_apart_by_province_and_date(indexed, backend_name):
    from archive.models import Event

    document = json.loads(run("search", "hội nghị", "--format", "json", "--limit", "50"))
    events = [h for h in document["hits"] if h["type"] == "event"]
    assert events
    for hit in events:
        event = Event.objects.get(pk=hit["id"])
        assert hit["province"] == event.province
        assert hit["date"] == (event.date_held.isoformat() if event.date_held else None)
    assert any(h["province"] for h in events)


def test_rebuild_then_check_is_clean(backend_name, loaded_archive):
    from archive.models import Article, Event, Organisation, Person

    # One document per event, official and organisation, and per report of no event.
    expected = (
        Event.objects.count()
        + Person.objects.count()
        + Organisation.objects.count()
        + Article.objects.filter(events=None).count()
    )
    assert f"Indexed {expected} documents" in run("rebuild_index")
    assert "0 missing, 0 stale, 0 left over" in run("check_index")


def test_check_index_finds_missing_and_left_over_documents(indexed, backend_name):
    from archive.models import Person
    from archive.search.documents import document_for

    ghost = document_for(Person.objects.first())
    get_backend().update([], removed_ids=[ghost.doc_id])
    ghost.doc_id = "person:99999999"
    get_backend().update([ghost])
    with pytest.raises(CommandError, match="1 missing, 0 stale, 1 left over"):
        run("check_index")
