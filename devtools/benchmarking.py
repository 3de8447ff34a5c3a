"""What `manage.py benchmark` measures, in the child process that owns a fresh database."""

import os
import resource
import statistics
import time
from functools import partial

from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.ingest import source
from archive.ingest.loader import FAILED
from archive.ingest.pipeline import ingest_sources
from archive.models import Article, Event, Participation, Person
from archive.models.base import refresh_statistics
from archive.search import get_backend, search
from archive.search.backends.base import Filters
from archive.search.indexing import (
    all_documents,
    count_documents,
    deferred,
    pending,
    worth_rebuilding,
)
from devtools.synthetic import generate

WORKERS = os.cpu_count() or 1  # as `ingest` and `rebuild_index` use by default


def percentile(values, fraction, digits=2):
    """The value (seconds) at `fraction` of the sorted values, in milliseconds; 0 if none."""
    ordered = sorted(values) or [0]
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000, digits)


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def ingest(docs, seed):
    """Seconds to load N reports through the pipeline `manage.py ingest` runs, and whether its
    index write at the end would be a full rebuild (as it is for a fresh archive)."""
    openers = (
        (name, partial(source.from_text, text, name=name))
        for name, text in generate(docs, seed=seed)
    )
    started = time.perf_counter()
    # As `manage.py ingest` does: the index is written after the last batch.
    with deferred(WORKERS):
        results = list(ingest_sources(openers, workers=WORKERS))
        would_rebuild = worth_rebuilding(len(pending()))
        if would_rebuild:
            # The full rebuild `flush()` would run now is the one `run_benchmark` times next:
            # run once, it serves both figures.
            pending().clear()
    refresh_statistics()
    failed = [r for r in results if r.status == FAILED]
    if failed:
        raise RuntimeError(f"{len(failed)} synthetic reports failed: {failed[0].error}")
    return time.perf_counter() - started, would_rebuild


def build_archive(docs, seed):
    loading, rebuild_pending = ingest(docs, seed)
    total = count_documents()
    started = time.perf_counter()
    get_backend().rebuild(all_documents(WORKERS))
    indexing = time.perf_counter() - started
    return {
        "ingest_per_s": round(docs / (loading + (indexing if rebuild_pending else 0)), 1),
        "index_per_s": round(total / indexing, 1),
    }


def query_mix():
    """What people type here: a rare name, broad words, a phrase typed with and without
    diacritics, a rank with a name, a province, an award kind, facets, filters without words."""
    person = Person.objects.order_by("pk")[Person.objects.count() // 2]
    year = Event.objects.exclude(date_held=None).order_by("pk").first().date_held.year
    with_rank = (
        Participation.objects.exclude(rank="").exclude(person=None).select_related("person")
    ).order_by("pk")
    ranked = with_rank[with_rank.count() // 2]
    province = Event.objects.exclude(province="").order_by("pk").first().province
    return (
        [
            ("rare name", person.full_name, None),
            ("common word", "quốc phòng", None),
            ("phrase", '"khu vực phòng thủ"', None),
            ("unaccented", "chi huy truong", None),
            ("unaccented phrase", '"khu vuc phong thu"', None),
            ("rank and name", f"{ranked.get_rank_display()} {ranked.person.full_name}", None),
            ("province", province, None),
            ("award kind", "Bằng khen", None),
            ("two facets", "quốc phòng", Filters(values={"type": "event", "year": str(year)})),
            ("filters alone", "", Filters(values={"province": province, "year": str(year)})),
        ],
        person,
        year,
    )


def alternatives(mix, repeat):
    """The same queries as a Django developer would otherwise write them (those with words:
    a substring of nothing is no alternative to filters)."""
    from django.contrib.postgres.search import SearchQuery, SearchVector

    icontains, vectors = [], []
    for _label, text, _filters in mix:
        term = text.strip('"')
        if not term:
            continue

        def contains(term=term):
            queryset = Article.objects.filter(text__icontains=term)
            return queryset.count(), list(queryset[:20])

        icontains += timed(contains, max(1, repeat // 4))
        if connection.vendor == "postgresql":

            def vector(term=term):
                queryset = Article.objects.annotate(
                    document=SearchVector("title", "text", config="simple")
                ).filter(document=SearchQuery(term, config="simple", search_type="websearch"))
                return queryset.count(), list(queryset[:20])

            vectors += timed(vector, max(1, repeat // 4))
    return icontains, vectors


def page_times(client, url, repeat):
    response = client.get(url)  # warm, and make sure it is the page and not an error
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    reset_queries()  # a request starts by clearing the log; start from empty so counts agree
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # now: the context reads the log lazily, and requests clear it
    times = timed(lambda: client.get(url), repeat)
    reset_queries()
    return times, queries


def export_memory(client, url):
    """Rows and peak Python memory (MB, tracemalloc) while streaming a download to nowhere."""
    import tracemalloc

    tracemalloc.start()
    try:
        response = client.get(url)
        size = sum(len(chunk) for chunk in response.streaming_content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {"mb_written": round(size / 2**20, 1), "peak_mb": round(peak / 2**20, 1)}


def run_benchmark(docs, seed=0, repeat=20, build=True):
    """Everything measured, on a fresh archive of `docs` reports built here or (`build` off)
    on the archive already there, in a fresh process as a web worker would read it."""
    call_command("migrate", verbosity=0)
    if build:
        result = {"docs": docs, "backend": get_backend().name, **build_archive(docs, seed)}
    else:
        result = {"docs": Article.objects.count(), "backend": get_backend().name}
        result.update(ingest_per_s=None, index_per_s=None)
    result["documents"] = count_documents()

    mix, person, year = query_mix()
    search_times, worded_times, by_kind = [], [], {}
    for label, text, filters in mix:
        times = timed(lambda text=text, filters=filters: search(text, filters=filters), repeat)
        by_kind[label] = percentile(times, 0.5)
        search_times += times
        worded_times += times if text else []
    result["search_ms"] = {
        "p50": percentile(search_times, 0.5),
        "p95": percentile(search_times, 0.95),
        "p99": percentile(search_times, 0.99),
    }
    result["search_ms_p50_by_kind"] = by_kind
    icontains, vectors = alternatives(mix, repeat)
    median = statistics.median(worded_times)
    result["icontains_ms_p50"] = percentile(icontains, 0.5)
    result["speedup_vs_icontains"] = round(statistics.median(icontains) / median, 1)
    if vectors:
        result["searchvector_ms_p50"] = percentile(vectors, 0.5)
        result["speedup_vs_searchvector"] = round(statistics.median(vectors) / median, 1)
    else:
        result["searchvector_ms_p50"] = None
        result["speedup_vs_searchvector"] = None

    client = Client()
    search_page, search_queries = page_times(
        client, f"/search/?q=qu%E1%BB%91c+ph%C3%B2ng&type=event&year={year}", repeat
    )
    event = Event.objects.order_by("pk")[Event.objects.count() // 2]
    event_page, event_queries = page_times(client, event.get_absolute_url(), repeat)
    person_page, person_queries = page_times(client, person.get_absolute_url(), repeat)
    result["search_page_ms"] = {
        "p50": percentile(search_page, 0.5),
        "p95": percentile(search_page, 0.95),
    }
    result["search_page_queries"] = search_queries
    detail = event_page + person_page
    result["detail_page_ms"] = {"p50": percentile(detail, 0.5), "p95": percentile(detail, 0.95)}
    result["detail_page_queries"] = {"event": event_queries, "person": person_queries}
    result["export_events_csv"] = {
        "rows": Event.objects.count(),
        **export_memory(client, "/export/events.csv"),
    }
    result["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result
