"""Whoosh: the pure-Python embedded backend, its index in ARCHIVE_INDEX_DIR itself.

Generations, the write lock, pending writes and atomic rebuilds are those of every embedded
backend (`embedded.py`). No writer thread is ever left running (no AsyncWriter), so nothing is
lost when a process exits.
"""

import threading
from collections import Counter

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import LockError

from archive.search import query as q
from archive.search.backends.base import IndexUnavailable, Match, Matches, ranked_counts
from archive.search.backends.embedded import GenerationalIndex, settled
from archive.search.schema import (
    ADJACENCY_BONUS,
    EXACT_BONUS,
    FACETS,
    FIELD_WEIGHTS,
    MULTI_VALUED,
    WEIGHTS,
)
from archive.text.tokens import pairs, tokenize

WEIGHT_BOOST = FIELD_WEIGHTS
EXACT_BOOST = EXACT_BONUS
PAIR_BOOST = ADJACENCY_BONUS
WRITER_TIMEOUT = 30.0


SEPARATOR = "\x1e"  # between the weighted texts of one field value (A, B, C, D in order)
WEIGHT_GAP = 100  # positions between weighted texts, so that phrases do not span two


class SyllableTokenizer(Tokenizer):
    """Whoosh tokenizer over `archive.text.tokens`. `form` is "folded" (every syllable),
    "exact" (only syllables with diacritics: an unaccented query never asks for them) or
    "pairs". A value holds the texts of all weights, joined by SEPARATOR: each token is boosted
    by its text's weight, so one field ranks a name above the same word in running text."""

    def __init__(self, form="folded"):
        self.form = form

    def __eq__(self, other):
        return isinstance(other, SyllableTokenizer) and other.form == self.form

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, **kwargs):
        token = Token(positions, chars, removestops=False, **kwargs)
        token.stopped = False
        offset = 0
        for weight, text in zip(WEIGHTS, value.split(SEPARATOR), strict=False):
            tokens = tokenize(text)
            token.boost = WEIGHT_BOOST[weight]
            if self.form == "pairs":
                for index, pair in enumerate(pairs(tokens)):
                    token.text, token.pos = pair, offset + index
                    token.startchar = token.endchar = 0
                    yield token
            else:
                for item in tokens:
                    if self.form == "exact" and (item.whole or item.exact == item.folded):
                        continue
                    token.text = item.folded if self.form == "folded" else item.exact
                    token.pos = offset + item.position
                    token.startchar, token.endchar = item.start, item.end
                    yield token
            offset += (tokens[-1].position if tokens else 0) + WEIGHT_GAP


def make_schema():
    fields = {
        "doc_id": ID(stored=True, unique=True),
        "obj_id": STORED,
        "title": STORED,
        "url": STORED,
        "date": STORED,
        "article_ids": STORED,
        "snippet": STORED,
        "fingerprint": STORED,
        "sort_date": NUMERIC(sortable=True, bits=32),
        # Facets: terms to filter on, and a column each to count them from (see count_facets).
        "type": ID(stored=True, sortable=True),
        "year": ID(sortable=True),
        "kind": ID(sortable=True),
        "province": ID(stored=True, sortable=True),
        "person": KEYWORD(commas=True, sortable=True),
        "organisation": KEYWORD(commas=True, sortable=True),
        "award_kind": KEYWORD(commas=True, sortable=True),
        # Text: all weights in one field each (few fields, few postings to read per term) …
        "text": TEXT(analyzer=SyllableTokenizer("folded"), phrase=True),
        "exact": TEXT(analyzer=SyllableTokenizer("exact"), phrase=False),
        "pairs": TEXT(analyzer=SyllableTokenizer("pairs"), phrase=False),
        # … and the short texts of names and titles alone, for prefixes.
        "names": TEXT(analyzer=SyllableTokenizer("folded"), phrase=False),
        "headings": TEXT(analyzer=SyllableTokenizer("folded"), phrase=False),
    }
    return Schema(**fields)


def whoosh_fields(document):
    texts = [document.texts.get(weight, "").replace(SEPARATOR, " ") for weight in WEIGHTS]
    weighted = SEPARATOR.join(texts)
    fields = {
        "doc_id": document.doc_id,
        "type": document.type,
        "obj_id": document.obj_id,
        "title": document.title,
        "url": document.url,
        "date": document.date,
        "article_ids": document.article_ids,
        "snippet": document.snippet_source,
        "fingerprint": document.fingerprint,
        "sort_date": int(document.date.replace("-", "")) if document.date else 0,
        "year": str(document.year or ""),
        "kind": document.kind,
        "province": document.province,
        "person": ",".join(document.people),
        "organisation": ",".join(document.organisations),
        "award_kind": ",".join(document.award_kinds),
        "text": weighted,
        "exact": weighted,
        "pairs": weighted,
        "names": texts[0],
        "headings": SEPARATOR.join(texts[:2]),
    }
    return {
        name: value
        for name, value in fields.items()
        if value is not None and (not isinstance(value, str) or value.strip(SEPARATOR))
    }


# --- Compiling parsed queries -----------------------------------------------------------------


def compile_node(node):
    if isinstance(node, q.Term):
        folded = wq.Term("text", node.folded)
        if not node.accented:
            return folded
        return wq.Or([folded, wq.Term("exact", node.exact, boost=EXACT_BOOST)])
    if isinstance(node, q.Whole):
        return wq.Term("text", node.folded)
    if isinstance(node, q.Phrase):
        return wq.Phrase("text", [t.folded for t in node.terms])
    if isinstance(node, q.Prefix):
        if node.names_only:
            return wq.And([wq.Prefix("names", node.folded), wq.Term("type", "person")])
        return wq.Or(
            [
                wq.Prefix("names", node.folded, boost=WEIGHT_BOOST["A"]),
                wq.Prefix("headings", node.folded, boost=WEIGHT_BOOST["B"]),
            ]
        )
    if isinstance(node, q.Any):
        return wq.Or([compile_node(part) for part in node.parts])
    if isinstance(node, q.All):
        return wq.And([compile_node(part) for part in node.parts])
    raise TypeError(node)


def compile_query(parsed):
    if not parsed.required:
        return wq.Every()  # no words: every document (the filters narrow it)
    required = wq.And([compile_node(node) for node in parsed.required])
    if parsed.excluded:
        required = wq.AndNot(required, wq.Or([compile_node(n) for n in parsed.excluded]))
    adjacent = parsed.adjacent_pairs()
    if adjacent:
        boost = wq.Or([wq.Term("pairs", p, boost=PAIR_BOOST) for p in adjacent])
        required = wq.AndMaybe(required, boost)
    return required


def compile_filters(filters):
    if not filters:
        return None
    clauses = [wq.Term(name, value) for name, value in filters.values.items() if value]
    if filters.date_from or filters.date_to:
        low = int(filters.date_from.replace("-", "")) if filters.date_from else None
        high = int(filters.date_to.replace("-", "")) if filters.date_to else None
        clauses.append(wq.NumericRange("sort_date", low, high))
    return wq.And(clauses) if clauses else None


def open_index(path):
    return settled(lambda: whoosh_index.open_dir(str(path)))


def count_facets(searcher, numbers, names):
    """Facet counts over the matching documents (global numbers, ascending), read from each
    facet's column: one lookup per document and facet, without Whoosh's categorizers (which
    read every posting of a field). Segment by segment: a segment where no document has the
    facet has no column file, and a reader over all segments would then misplace documents."""
    counted = {name: Counter() for name in names if searcher.schema[name].column_type}
    for leaf, offset in searcher.leaf_searchers():
        end = offset + leaf.doc_count_all()
        local = [n - offset for n in numbers if offset <= n < end]
        for name, values in counted.items():
            column = leaf.reader().column_reader(name)
            if name in MULTI_VALUED:
                for number in local:
                    values.update(column[number].split(","))
            else:
                values.update(column[number] for number in local)
    return {name: ranked_counts(values) for name, values in counted.items()}


def indexed_fingerprints(path, doc_ids):
    with settled(lambda: open_index(path).searcher()) as searcher:
        numbers = {doc_id: searcher.document_number(doc_id=doc_id) for doc_id in doc_ids}
        return {
            doc_id: searcher.stored_fields(number).get("fingerprint")
            for doc_id, number in numbers.items()
            if number is not None
        }


# --- The backend --------------------------------------------------------------------------------


class WhooshBackend(GenerationalIndex):
    name = "whoosh"
    _searchers = {}
    _searchers_lock = threading.Lock()

    def create(self, path):
        whoosh_index.create_in(str(path), make_schema())

    # Reading

    def searcher(self):
        """One searcher per index generation, shared and refreshed when the index changes."""
        self.ensure()
        key = str(self.current.resolve())
        with self._searchers_lock:
            searcher = self._searchers.get(key)
            if searcher is None or not searcher.up_to_date():
                # A new searcher rather than refresh(): refresh() reuses segment readers and,
                # with them, their old deletions. Old searchers are never closed here, since
                # another thread may be reading with one; they close when garbage-collected.
                self._searchers.clear()
                searcher = self._searchers[key] = settled(lambda: open_index(key).searcher())
            return searcher

    def stamp(self):
        self.ensure()
        path = self.current.resolve()
        return str(path), open_index(path).latest_generation()

    def search(self, parsed, filters=None, offset=0, limit=20, sort="relevance", facets=()):
        searcher = self.searcher()
        query = compile_query(parsed)
        restriction = compile_filters(filters)
        if restriction is not None and parsed.is_empty:
            query = wq.ConstantScoreQuery(restriction, 0.0)
        elif restriction is not None:
            # Inside the query rather than as a `filter=`: the matcher then skips to the
            # documents the filter allows instead of scoring every match and dropping most.
            query = wq.And([query, wq.ConstantScoreQuery(restriction, 0.0)])
        options = {"limit": offset + max(limit, 1), "terms": False}  # Whoosh refuses 0
        if sort == "date":
            options.update(sortedby="sort_date", reverse=True)
        results = searcher.search(query, **options)
        matches = [
            Match(
                doc_id=hit["doc_id"],
                type=hit["type"],
                obj_id=hit["obj_id"],
                title=hit["title"],
                url=hit["url"],
                score=round(float(hit.score or 0.0), 4),
                snippet_source=hit.get("snippet", ""),
                article_ids=hit.get("article_ids") or [],
                date=hit.get("date"),
                province=hit.get("province") or "",
            )
            for hit in results[offset : offset + limit]
        ]
        wanted = [name for name in facets if name in FACETS]
        if not wanted:
            return Matches(total=len(results), matches=matches)
        numbers = list(searcher.docs_for_query(query))
        return Matches(
            total=len(numbers), matches=matches, facets=count_facets(searcher, numbers, wanted)
        )

    def fingerprints(self):
        searcher = self.searcher()
        return {
            fields["doc_id"]: fields.get("fingerprint", "")
            for fields in searcher.reader().all_stored_fields()
        }

    def names(self, prefix_terms, limit=10):
        if not prefix_terms:
            return []
        *whole, last = prefix_terms
        clauses = [wq.Term("names", t) for t in whole] + [wq.Prefix("names", last)]
        results = self.searcher().search(
            wq.And([*clauses, wq.Term("type", "person")]), limit=limit, terms=False
        )
        return [(hit["title"], hit["url"]) for hit in results]

    # Writing

    def indexed_fingerprints(self, path, doc_ids):
        return indexed_fingerprints(path, doc_ids)

    def write(self, path, documents, removed_ids):
        index = open_index(path)
        try:
            writer = index.writer(timeout=WRITER_TIMEOUT)
        except LockError as error:
            raise IndexUnavailable(str(error)) from error
        try:
            for doc_id in removed_ids:
                writer.delete_by_term("doc_id", doc_id)
            for document in documents:
                writer.update_document(**whoosh_fields(document))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise

    def build(self, path, documents):
        writer = open_index(path).writer(procs=2, limitmb=128, multisegment=True)
        count = 0
        try:
            for document in documents:
                writer.add_document(**whoosh_fields(document))
                count += 1
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        return count
