"""The PostgreSQL backend's two ways of ranking agree: with the RUM index (the nearest matches
first, then ranked by the table's formula) and without it (every match ranked)."""

import pytest
from django.db import connection

from archive.search import get_backend, search
from archive.search.backends.base import Filters

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL backend needs DATABASE_URL"
)

QUERIES = [
    ("quốc phòng", None),
    ("quoc phong", Filters(values={"type": "event"})),
    ('"khu vực phòng thủ"', None),
    ("Nguyễn Đăng Bình", None),
    ("chi huy truong", None),
    ("Hàm OR Tuấn", None),
]


@pytest.fixture
def postgres(settings, loaded_archive):
    from archive.search.indexing import all_documents

    settings.ARCHIVE_SEARCH_BACKEND = "postgres"
    backend = get_backend()
    backend.rebuild(all_documents())
    return backend


def page(query, filters):
    results = search(query, filters=filters, per_page=50, facets=("type",))
    return [(h.type, h.id, h.score) for h in results.hits], results.total, results.facets


def test_the_rum_index_exists_where_the_extension_does(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        available = cursor.fetchone() is not None
    assert get_backend("postgres").has_rum() == available


def test_ranking_with_and_without_the_rum_index_agree(postgres, monkeypatch):
    if not postgres.has_rum():
        pytest.skip("no rum extension on this PostgreSQL")
    with_rum = [page(query, filters) for query, filters in QUERIES]
    assert all(hits for hits, _total, _facets in with_rum)
    monkeypatch.setattr(type(postgres), "has_rum", lambda self: False)
    without = [page(query, filters) for query, filters in QUERIES]
    assert with_rum == without


def test_past_the_candidates_every_match_is_ranked(postgres, monkeypatch):
    from archive.search.backends import postgres_backend

    first = search("quốc phòng", per_page=3)
    monkeypatch.setattr(postgres_backend, "CANDIDATES", 2)  # the page is past the candidates
    assert [h.id for h in search("quốc phòng", per_page=3).hits] == [h.id for h in first.hits]
