"""The benchmark completes at a small N and reports every field (not timings)."""

import json
from io import StringIO

import psycopg
import pytest
from django.core.management import CommandError, call_command

from devtools.management.commands.benchmark import POSTGRES_SERVER

FIELDS = {
    "docs",
    "backend",
    "ingest_per_s",
    "index_per_s",
    "documents",
    "search_ms",
    "search_ms_p50_by_kind",
    "icontains_ms_p50",
    "speedup_vs_icontains",
    "searchvector_ms_p50",
    "speedup_vs_searchvector",
    "search_page_ms",
    "search_page_queries",
    "detail_page_ms",
    "detail_page_queries",
    "rss_mb",
    "wall_s",
}


def postgres_reachable():
    try:
        psycopg.connect(POSTGRES_SERVER, connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.mark.parametrize("backend", ["tantivy", "whoosh", "postgres"])
def test_benchmark_reports_every_field(backend):
    if backend == "postgres" and not postgres_reachable():
        pytest.skip("PostgreSQL is not reachable for the PostgreSQL benchmark")
    out = StringIO()
    call_command("benchmark", docs=12, backend=backend, format="json", repeat=2, stdout=out)
    result = json.loads(out.getvalue())["backends"][backend]
    assert set(result) >= FIELDS
    assert result["docs"] == 12 and result["backend"] == backend
    # Each synthetic report is an article and an event at least, all of them indexed.
    assert result["documents"] >= 2 * 12
    assert result["ingest_per_s"] > 0 and result["index_per_s"] > 0
    assert (
        0 < result["search_ms"]["p50"] <= result["search_ms"]["p95"] <= result["search_ms"]["p99"]
    )
    assert result["rss_mb"] > 0 and result["wall_s"] > 0
    kinds = {
        "rare name",
        "common word",
        "phrase",
        "unaccented",
        "unaccented phrase",
        "rank and name",
        "province",
        "award kind",
        "two facets",
        "filters alone",
    }
    assert set(result["search_ms_p50_by_kind"]) == kinds
    assert result["search_page_queries"] > 0
    assert all(n > 0 for n in result["detail_page_queries"].values())
    if backend == "postgres":
        assert result["speedup_vs_searchvector"] is not None


def test_a_kept_archive_is_measured_again_without_being_built(tmp_path):
    out = StringIO()
    call_command(
        "benchmark",
        docs=12,
        backend="tantivy",
        format="json",
        repeat=2,
        keep=str(tmp_path),
        stdout=out,
    )
    built = json.loads(out.getvalue())["backends"]["tantivy"]
    out = StringIO()
    call_command(
        "benchmark", backend="tantivy", format="json", repeat=2, kept=str(tmp_path), stdout=out
    )
    measured = json.loads(out.getvalue())["backends"]["tantivy"]
    assert set(measured) >= FIELDS
    assert measured["ingest_per_s"] is None and measured["index_per_s"] is None
    assert (measured["docs"], measured["documents"]) == (12, built["documents"])
    assert measured["search_ms"]["p50"] > 0
    with pytest.raises(CommandError, match="not found"):
        call_command("benchmark", backend="whoosh", kept=str(tmp_path), stdout=StringIO())
