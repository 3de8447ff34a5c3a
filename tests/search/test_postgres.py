"""The PostgreSQL backend's two ways of ranking agree: with the RUM index (the nearest matches
first, then ranked by the table's formula) and without it (every match ranked)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from archive.search import get_backend, search
from archive.search.backends.base import Filters
from archive.search.schema import SINGLE_VALUED

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


def test_the_running_text_past_its_lead_matches_but_does_not_rank(postgres):
    from archive.models import SearchEntry
    from archive.search.backends.postgres_backend import LEAD
    from archive.search.indexing import all_documents
    from tests.factories import ArticleFactory

    filler = " ".join(["Hội nghị diễn ra trang trọng."] * LEAD)
    # The late one first: on equal ranks the order would be by id, and put it first.
    late = ArticleFactory(key="late", title="Tin", text=f"{filler} Xã Hòa Bình đón khách.")
    early = ArticleFactory(key="early", title="Tin", text=f"Xã Hòa Bình đón khách. {filler}")
    postgres.rebuild(all_documents())
    found = search("Hòa Bình", filters=Filters(values={"type": "article"}), per_page=50)
    ranked = [h.id for h in found.hits]
    assert ranked.index(early.pk) < ranked.index(late.pk)  # both found; the lead ranks first
    entry = SearchEntry.objects.get(doc_id=f"article:{late.pk}")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT length(vector), length(rank_vector), rank_vector @@ 'hoa'::tsquery"
            " FROM archive_searchentry WHERE id = %s",
            [entry.pk],
        )
        full, small, lead_has_it = cursor.fetchone()
    assert small < full and not lead_has_it


def test_a_search_row_keeps_its_long_values_out_of_line(db):
    """What a count reads per match is the row: a report's snippet source goes to TOAST with
    its vectors, and the row keeps what is matched, filtered and counted."""
    import random
    import string

    from django.contrib.postgres.search import SearchVectorField
    from django.db.models import Value
    from django.db.models.functions import Cast

    from archive.models import SearchEntry

    def scrambled(length):
        return "".join(random.choices(string.ascii_lowercase + " ", k=length))

    def entry(n):
        words = " ".join(f"'{w}':{i}" for i, w in enumerate(scrambled(3000).split(), 1) if w)
        return SearchEntry(
            doc_id=f"event:{n}",
            type="event",
            obj_id=n,
            title="Hội nghị",
            url=f"/events/{n}/",
            fingerprint="x",
            snippet=scrambled(1500),
            vector=Cast(Value(words), SearchVectorField()),
        )

    def heap_bytes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_relation_size('archive_searchentry')")
            return cursor.fetchone()[0]

    before = heap_bytes()
    SearchEntry.objects.bulk_create([entry(n) for n in range(100)])
    assert (heap_bytes() - before) / 100 < 500  # bytes per row; its snippet alone is 1 500


def reltuples(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def test_a_rebuild_leaves_the_planner_statistics_of_what_it_wrote(settings, loaded_archive):
    """Without them the planner takes the freshly filled tables for empty (autovacuum may
    be late or off)."""
    from archive.models import SearchEntry
    from archive.search.indexing import all_documents

    settings.ARCHIVE_SEARCH_BACKEND = "postgres"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_searchentry")  # of the table as it is: empty
    assert reltuples("archive_searchentry") == 0
    get_backend().rebuild(all_documents())
    assert reltuples("archive_searchentry") == SearchEntry.objects.count() > 0


def scans():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
        )
        return cursor.fetchone()


def test_searches_plan_through_the_index_and_leave_the_settings_as_they_were(postgres):
    from archive.search.backends.postgres_backend import index_scans

    with index_scans(filtered=False):
        assert scans() == ("off", "on")
    with index_scans(filtered=True):
        assert scans() == ("off", "off")
    assert scans() == ("on", "on")
    search("quốc phòng", filters=Filters(values={"type": "event"}), facets=("type", "person"))
    assert scans() == ("on", "on")
    with pytest.raises(ZeroDivisionError), index_scans(filtered=True):
        1 / 0  # noqa: B018
    assert scans() == ("on", "on")


@pytest.mark.parametrize("name", sorted(SINGLE_VALUED))
def test_every_single_valued_facet_is_filtered_through_an_index_of_its_own(postgres, name):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT id FROM archive_searchentry WHERE {name} = %s", ["x"])
        plan = "\n".join(row for (row,) in cursor.fetchall())
    assert f"searchentry_{name}_idx" in plan, plan


def searched(text, **options):
    """The results of a search, and the SQL of the queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        results = search(text, **options)
    return results, [query["sql"] for query in queries.captured_queries]


def test_phrases_are_ranked_without_the_rum_step(postgres):
    if not postgres.has_rum():
        pytest.skip("postgresql-15-rum is not installed")

    def ordered_by_distance(text):
        _results, sqls = searched(text)
        return any("<=>" in sql for sql in sqls)

    assert ordered_by_distance("khu vực phòng thủ")
    assert not ordered_by_distance('"khu vực phòng thủ"')
    assert not ordered_by_distance("UBND")  # its expansion is a phrase


def matching_queries(text, **options):
    results, sqls = searched(text, **options)
    return results, sum("@@" in sql for sql in sqls)


@pytest.mark.parametrize(
    "text, options",
    [
        ('"khu vực phòng thủ"', {}),
        ('"khu vực phòng thủ"', {"facets": ("type", "year", "person")}),
        ("quốc phòng", {"filters": Filters(values={"type": "event"}), "facets": ("province",)}),
        ("quốc phòng", {"filters": Filters(values={"type": "event"}), "sort": "date"}),
    ],
)
def test_a_search_that_ranks_every_match_reads_them_once(postgres, text, options):
    results, matched = matching_queries(text, **options)
    assert results.hits
    assert matched == 1
    assert results.total >= len(results.hits)


def test_a_page_past_the_last_still_counts_the_matches(postgres):
    first, _ = matching_queries('"khu vực phòng thủ"', per_page=2, facets=("type",))
    past, _ = matching_queries('"khu vực phòng thủ"', per_page=2, page=999, facets=("type",))
    assert first.hits and not past.hits
    assert past.total == first.total
    assert past.facets == first.facets


def test_where_rum_exists_it_alone_answers_matches_and_checks_phrases_itself(postgres):
    if not postgres.has_rum():
        pytest.skip("no rum extension on this PostgreSQL")
    phrase = "'khu' <-> 'vuc' <-> 'phong'"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'searchentry_vector%'"
        )
        assert [name for (name,) in cursor.fetchall()] == ["searchentry_vector_rum"]
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT count(*) FROM archive_searchentry WHERE vector @@ %s::tsquery", [phrase]
        )
        plan = "\n".join(row for (row,) in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
    assert "searchentry_vector_rum" in plan
