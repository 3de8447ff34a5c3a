"""PostgreSQL full-text search: for sites with several web servers sharing one database.

The tsvector and tsquery are written here, from `archive.text.tokens`, rather than by
PostgreSQL's own parser, so that both backends see the same syllables, codes and folding. The
vector holds folded syllables with weights A–D, `=exact` syllables (diacritics kept, for
ranking "Bình" above "Bính") and `~pair` tokens for adjacent syllables. User input never reaches
`to_tsquery`: every lexeme is quoted here.

Two vectors per entry: `vector` (everything) decides what matches, through the RUM index
where the extension exists (it checks phrases on the positions it holds) and the GIN index
otherwise; `rank_vector` (the same lexemes of the weights A–C and of the running text's lead
only) ranks them. Both are stored out of line (TOAST) for a report, so what a search reads per
match is what bounds it at 100 000 reports: the ranking vector is 2.9 KB to the full one's 7 KB
(docs/performance.md).
"""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchVectorField
from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from archive.models import SearchEntry, SearchFacet
from archive.models.base import refresh_statistics
from archive.search import query as q
from archive.search.backends.base import (
    Match,
    Matches,
    SearchBackend,
    changed_only,
    chunks,
    no_loader,
    ranked_counts,
    reporting,
)
from archive.search.schema import (
    ADJACENCY_BONUS,
    EXACT_BONUS,
    FACETS,
    SINGLE_VALUED,
    WEIGHTS,
    relative_weights,
)
from archive.text.tokens import pairs, tokenize

FIELD_GAP = 100
BONUS_SCALE = 3.5  # exact 1.5 → 0.43, adjacency 2.0 → 0.57 of a rank (see `matching`)
WRITERS_LOCK = 0x6172636869  # pg_advisory_xact_lock key shared by index writers
MAX_POSITION = 16383
RUM_INDEX = "searchentry_vector_rum"
# Matches ranked by the table's formula when the RUM index orders them first: the nearest by
# RUM's own distance. A page past them is ranked over every match.
CANDIDATES = 200
# How a page is ordered, by the sort asked for (ties by document id).
PAGE_ORDERS = {
    "relevance": "rank DESC, doc_id",
    "date": "date DESC NULLS LAST, rank DESC, doc_id",
}
PAGE_ROW = "#"  # marks the page's rows among the facet counts' (see `counting_query`)
LEAD = 60  # syllables of the running text (D) that the ranking vector keeps
# ts_rank wants the weights of D, C, B, A, each in 0–1: the ranking table, scaled.
RANK_WEIGHTS = "{" + ", ".join(f"{w:g}" for w in reversed(relative_weights())) + "}"


def lexeme(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def vector_literals(texts):
    """(matching, ranking) tsvector literals: 'lexeme':position+weight …, from our own tokens;
    the ranking one without the running text past its lead."""
    everything, ranked = {}, {}
    offset = 1
    for weight in WEIGHTS:
        tokens = tokenize(texts.get(weight, ""))
        lead = [t for t in tokens if t.position < LEAD] if weight == "D" else tokens
        for found, kept in ((everything, tokens), (ranked, lead)):
            for token in kept:
                position = f"{min(offset + token.position, MAX_POSITION)}{weight}"
                found.setdefault(token.folded, []).append(position)
                if not token.whole and token.exact != token.folded:
                    found.setdefault("=" + token.exact, []).append(position)
            for pair in pairs(kept):
                found.setdefault("~" + pair, []).append(f"{offset}{weight}")
        offset += (tokens[-1].position + FIELD_GAP) if tokens else 0
        offset = min(offset, MAX_POSITION)
    return literal(everything), literal(ranked)


def literal(positions):
    return " ".join(
        f"{lexeme(word)}:{','.join(places[:256])}" for word, places in positions.items()
    )


def indexed_fingerprints(doc_ids):
    indexed = {}
    for chunk in chunks(doc_ids):
        entries = SearchEntry.objects.filter(doc_id__in=chunk)
        indexed.update(entries.values_list("doc_id", "fingerprint"))
    return indexed


def entry_for(document):
    matching, ranking = vector_literals(document.texts)
    return SearchEntry(
        doc_id=document.doc_id,
        type=document.type,
        obj_id=document.obj_id,
        title=document.title,
        url=document.url,
        date=document.date,
        year=str(document.year or ""),
        kind=document.kind,
        province=document.province,
        article_ids=document.article_ids,
        snippet=document.snippet_source,
        fingerprint=document.fingerprint,
        vector=Cast(Value(matching), SearchVectorField()),
        rank_vector=Cast(Value(ranking), SearchVectorField()),
    )


def compile_node(node):
    if isinstance(node, q.Term | q.Whole):
        return lexeme(node.folded)
    if isinstance(node, q.Phrase):
        return "(" + " <-> ".join(lexeme(t.folded) for t in node.terms) + ")"
    if isinstance(node, q.Prefix):
        return f"{lexeme(node.folded)}:*" + ("A" if node.names_only else "")
    if isinstance(node, q.Any):
        return "(" + " | ".join(compile_node(part) for part in node.parts) + ")"
    if isinstance(node, q.All):
        return "(" + " & ".join(compile_node(part) for part in node.parts) + ")"
    raise TypeError(node)


def compile_query(parsed):
    text = " & ".join(compile_node(node) for node in parsed.required)
    if parsed.excluded:
        text = f"({text}) & !(" + " | ".join(compile_node(n) for n in parsed.excluded) + ")"
    return text


def ranking_queries(parsed):
    """(exact, adjacent): tsqueries of the exact (accented) syllables and of the adjacent pairs
    of the query; matching them ranks a document higher, by the bonuses of the ranking table."""
    exact = [lexeme("=" + t.exact) for t in parsed.terms() if isinstance(t, q.Term) and t.accented]
    adjacent = [lexeme("~" + pair) for pair in parsed.adjacent_pairs()]
    return " | ".join(exact), " | ".join(adjacent)


@contextmanager
def index_scans(filtered):
    """Inside, the planner finds the matches through the full-text index. It counts a match test
    as cheap, but each row's full vector must first be fetched back from TOAST: with the tables'
    statistics at 100 000 reports it read the whole table to test `@@` row by row for a broad
    query, or every event through the type index under a filter, and tested each. Without
    sequential scans, and under filters without plain index scans too (bitmaps of the full-text
    and the filters' indexes are then combined), measured there: "quốc phòng" 740 → 322 ms,
    under a type and a year 1 102 → 250 ms (docs/performance.md). Undone on the way out (and by
    the savepoint's rollback on an error)."""
    switched = ("enable_seqscan", "enable_indexscan") if filtered else ("enable_seqscan",)
    with transaction.atomic(), connection.cursor() as cursor:
        for name in switched:
            cursor.execute(f"SET LOCAL {name} = off")
        yield
        for name in switched:
            cursor.execute(f"SET LOCAL {name} TO DEFAULT")


def holds_phrase(nodes):
    return any(
        isinstance(node, q.Phrase) or (isinstance(node, q.Any | q.All) and holds_phrase(node.parts))
        for node in nodes
    )


def counting_query(entries, names, page):
    """(sql, params): the matching entries materialised once; their total (a row named ''),
    each facet's value counts, and with `page` (sort, offset, limit) the page's ids and ranks,
    numbered in its order (rows named PAGE_ROW, which no facet is)."""
    single = [name for name in names if name in SINGLE_VALUED]
    multiple = [name for name in names if name not in SINGLE_VALUED]
    columns = ["id", *single, *(("doc_id", "date", "rank") if page else ())]
    matched_sql, params = entries.values(*columns).query.sql_with_params()
    parts = ["SELECT '' AS name, '' AS value FROM matched"]  # the total
    parts += [f"SELECT '{name}', {name} FROM matched WHERE {name} <> ''" for name in single]
    params = list(params)
    if multiple:
        parts.append(
            "SELECT f.name, f.value FROM archive_searchfacet f"
            " JOIN matched ON f.entry_id = matched.id WHERE f.name = ANY(%s)"
        )
        params.append(multiple)
    sql = (
        f"WITH matched AS MATERIALIZED ({matched_sql}) "
        f"SELECT name, value, count(*), NULL::float8 FROM ({' UNION ALL '.join(parts)}) "
        "AS facet GROUP BY name, value"
    )
    if page:
        sort, offset, limit = page
        order = PAGE_ORDERS.get(sort, PAGE_ORDERS["relevance"])
        sql += (
            f" UNION ALL SELECT '{PAGE_ROW}', id::text, row_number() OVER (ORDER BY {order}),"
            f" rank FROM (SELECT * FROM matched ORDER BY {order} LIMIT %s OFFSET %s) AS top"
        )
        params += [limit, offset]
    return sql, params


def page_entries(shown):
    """(entry, rank) pairs of (number, entry id, rank) rows, in their numbers' order; the
    vectors, never shown, are not fetched."""
    loaded = SearchEntry.objects.defer("vector", "rank_vector").in_bulk(
        [entry_id for _n, entry_id, _rank in shown]
    )
    return [(loaded[entry_id], rank) for _n, entry_id, rank in shown]


class PostgresBackend(SearchBackend):
    name = "postgres"

    def __init__(self, load_documents=None):
        self.load_documents = load_documents or no_loader
        self._rum = {}

    def check(self):
        if connection.vendor != "postgresql":
            raise RuntimeError("ARCHIVE_SEARCH_BACKEND=postgres needs DATABASE_URL=postgres://…")

    def matching(self, parsed, filters):
        """(entries matching, ranked; entries matching, unranked: what a RUM index orders)."""
        if parsed.is_empty:  # no words: every entry the filters allow, unranked
            entries = self.filtered(SearchEntry.objects.all(), filters)
            return entries.annotate(rank=Value(0.0, output_field=FloatField())), None
        match = compile_query(parsed)
        # ts_rank, not ts_rank_cd: proximity comes from our pair lexemes, which know word
        # boundaries; cover density would reward "vị tiên" inside "đơn vị tiên tiến".
        # Entries written before the ranking vector existed rank by their full one.
        ranked_by = "coalesce(rank_vector, vector)"
        rank_sql = f"ts_rank('{RANK_WEIGHTS}', {ranked_by}, %s::tsquery, 1)"
        params = [match]
        # The bonuses' ratio is the table's; BONUS_SCALE keeps their size near the 0.5 of a
        # length-normalised rank that this backend was tuned with.
        for bonus, extra in zip(
            (EXACT_BONUS, ADJACENCY_BONUS), ranking_queries(parsed), strict=True
        ):
            if extra:
                rank_sql += (
                    f" + {bonus / BONUS_SCALE:g}"
                    f" * ts_rank('{RANK_WEIGHTS}', {ranked_by}, %s::tsquery)"
                )
                params.append(extra)
        entries = SearchEntry.objects.annotate(
            matched=RawSQL("vector @@ %s::tsquery", [match], output_field=BooleanField())
        ).filter(matched=True)
        if any(isinstance(t, q.Prefix) and t.names_only for t in parsed.terms()):
            entries = entries.filter(type="person")
        entries = self.filtered(entries, filters)
        rank = RawSQL(rank_sql, params, output_field=FloatField())
        nearest = entries.annotate(
            distance=RawSQL("vector <=> %s::tsquery", [match], output_field=FloatField())
        )
        return entries.annotate(rank=rank), (nearest, rank)

    @staticmethod
    def filtered(entries, filters):
        if not filters:
            return entries
        for name, value in filters.values.items():
            if not value:
                continue
            if name in SINGLE_VALUED:
                entries = entries.filter(**{name: value})
            else:
                entries = entries.filter(facet_values__name=name, facet_values__value=value)
        if filters.date_from:
            entries = entries.filter(date__gte=filters.date_from)
        if filters.date_to:
            entries = entries.filter(date__lte=filters.date_to)
        return entries

    def has_rum(self):
        """Whether the RUM index of migration 0010 exists (read once per database)."""
        alias = connection.settings_dict.get("NAME")
        if alias not in self._rum:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
                self._rum[alias] = cursor.fetchone() is not None
        return self._rum[alias]

    def stamp(self):
        """The newest entry's id: every write inserts entries anew (a removal alone leaves it,
        so a removed name may be suggested until the next write; it then finds nothing)."""
        self.check()
        with connection.cursor() as cursor:
            cursor.execute("SELECT max(id) FROM archive_searchentry")
            return cursor.fetchone()[0]

    def search(self, parsed, filters=None, offset=0, limit=20, sort="relevance", facets=()):
        self.check()
        if parsed.is_empty:  # filters alone: the planner's choice is right
            return self.answer(parsed, filters, offset, limit, sort, facets)
        with index_scans(filtered=bool(filters and filters.narrow())):
            return self.answer(parsed, filters, offset, limit, sort, facets)

    def answer(self, parsed, filters, offset, limit, sort, facets):
        entries, nearest = self.matching(parsed, filters)
        wanted = [name for name in facets if name in FACETS]
        if self.orders_by_index(parsed, filters, sort, offset + limit):
            # Two steps: the RUM index hands over the CANDIDATES nearest matches without
            # reading the others' vectors, and only those are ranked by the table's formula.
            candidates, rank = nearest
            firsts = candidates.order_by("distance").values("id")[:CANDIDATES]
            ranked = SearchEntry.objects.filter(id__in=firsts).annotate(rank=rank)
            # Ranked in the query, never shown: the vectors are not fetched for the page. The
            # order is PAGE_ORDERS["relevance"], in the ORM's terms.
            page = ranked.defer("vector", "rank_vector").order_by("-rank", "doc_id")
            page = [(e, e.rank) for e in page[offset : offset + limit]]
            total, counted, _ = self.counts(entries, wanted)
        else:
            total, counted, page = self.counts(entries, wanted, page=(sort, offset, limit))
        matches = [
            Match(
                doc_id=e.doc_id,
                type=e.type,
                obj_id=e.obj_id,
                title=e.title,
                url=e.url,
                score=round(rank, 4),
                snippet_source=e.snippet,
                article_ids=e.article_ids,
                date=e.date.isoformat() if e.date else None,
                province=e.province,
            )
            for e, rank in page
        ]
        return Matches(total=total, matches=matches, facets=counted)

    def orders_by_index(self, parsed, filters, sort, needed):
        """Whether RUM's ordered scan picks the candidates to rank. Not under filters: the
        ordered scan then skips most of what it reads (measured slower at 10 000 reports than
        ranking the filtered matches, docs/performance.md). Nor for phrases: RUM's distance to
        a phrase is slower to order by than ranking every match (959 against 798 ms for "khu
        vực phòng thủ" at 100 000 reports)."""
        return (
            sort != "date"
            and not parsed.is_empty
            and not (filters and filters.narrow())
            and not holds_phrase(parsed.required)
            and needed <= CANDIDATES
            and self.has_rum()
        )

    @staticmethod
    def counts(entries, names, page=None):
        """(total, facet counts, page) from one query that matches once: the matching entries
        are materialised, then each facet's values counted over them. With `page` (sort,
        offset, limit) the same query ranks them too, and the page is its (entry, rank) pairs
        (empty without): a search then reads each match once, not once to rank and again to
        count."""
        if not names and not page:
            return entries.count(), {}, []
        with connection.cursor() as cursor:
            cursor.execute(*counting_query(entries, names, page))
            rows = cursor.fetchall()
        total = next((n for name, _value, n, _rank in rows if name == ""), 0)
        counted = {name: [] for name in names}
        shown = []
        for name, value, n, rank in rows:
            if name == PAGE_ROW:
                shown.append((n, int(value), rank))
            elif name:
                counted[name].append((str(value), n))
        counted = {name: ranked_counts(dict(pairs)) for name, pairs in counted.items()}
        return total, counted, page_entries(sorted(shown))

    def update(self, documents, removed_ids=()):
        self.check()
        documents = list(documents)
        with transaction.atomic():
            self.write([*removed_ids, *(d.doc_id for d in documents)], documents)

    def apply(self, doc_ids):
        """Re-index these ids from the database; writers take turns (an advisory lock), and
        each reads its documents inside its turn, so the later commit is written last."""
        self.check()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITERS_LOCK])
            documents, removed = self.load_documents(list(doc_ids))
            documents = changed_only(documents, indexed_fingerprints([d.doc_id for d in documents]))
            self.write([*removed, *(d.doc_id for d in documents)], documents)

    def write(self, replaced_ids, documents):
        """Delete the entries of `replaced_ids`, then insert `documents`, a chunk at a time;
        how many were inserted."""
        for chunk in chunks(replaced_ids):
            SearchEntry.objects.filter(doc_id__in=chunk).delete()
        inserted = 0
        for chunk in chunks(documents):
            self.insert(chunk)
            inserted += len(chunk)
        return inserted

    def insert(self, documents):
        entries = SearchEntry.objects.bulk_create([entry_for(d) for d in documents])
        SearchFacet.objects.bulk_create(
            [
                SearchFacet(entry=entry, name=name, value=value[:200])
                for entry, document in zip(entries, documents, strict=True)
                for name, value in dict.fromkeys(document.facet_values())
                if name not in SINGLE_VALUED
            ]
        )

    def rebuild(self, documents, progress=None):
        """Everything in one transaction: readers see the old entries until it commits."""
        self.check()
        with transaction.atomic():
            with connection.cursor() as cursor:
                # Plain DELETEs, not TRUNCATE, so that readers keep the old entries meanwhile.
                cursor.execute("DELETE FROM archive_searchfacet")
                cursor.execute("DELETE FROM archive_searchentry")
            written = self.write([], reporting(documents, progress))
        refresh_statistics(SearchEntry, SearchFacet)
        return written

    def fingerprints(self):
        self.check()
        return dict(SearchEntry.objects.values_list("doc_id", "fingerprint"))

    def names(self, prefix_terms, limit=10):
        self.check()
        *whole, last = prefix_terms
        tsquery = " & ".join([f"{lexeme(t)}:A" for t in whole] + [f"{lexeme(last)}:*A"])
        entries = (
            SearchEntry.objects.filter(type="person")
            .annotate(
                matched=RawSQL("vector @@ %s::tsquery", [tsquery], output_field=BooleanField())
            )
            .filter(matched=True)
            .order_by("title")[:limit]
        )
        return [(e.title, e.url) for e in entries]
