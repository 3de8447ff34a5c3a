"""Tantivy: the default embedded backend, its index in the folder `tantivy/` of ARCHIVE_INDEX_DIR.

Generations, the write lock, pending writes and atomic rebuilds are those of every embedded
backend (`embedded.py`); Tantivy's own writer lock is taken inside ours.

Analysis stays ours. Each document's texts are cut into tokens by `archive.text.tokens` (the
analysis the contract suite defines: NFC, one tone-mark placement, đ → d, codes whole and by
their start, "QK1" = "Quân khu 1", …) and handed to Tantivy as those tokens joined by spaces, in a
field whose tokenizer only splits on whitespace: Tantivy counts the same terms and the same
positions as ours, for a fraction of the cost of handing over token objects (docs/performance.md,
"Feeding Tantivy"). The syllables come first, numbered 0, 1, 2 … exactly as `tokenize` numbers
them; a code's whole forms ("21/2019/nđ-cp") follow after a separator no query contains, since
they are matched as terms, never inside a phrase, and so need no position of their own. Queries
are built term by term from our parse tree; Tantivy never analyses what was typed.

Fields, per weight W of the ranking table (`schema.py`): `folded_W` (every syllable and code
form, with positions: terms), `exact_W` (syllables with diacritics, only where they differ from
the folded form), `pairs_W` (adjacent syllable pairs that can be one word: the adjacency bonus),
`bigrams_W` (every two consecutive syllables, at the first one's position: phrases). A phrase of
two syllables is one bigram term, a longer one a phrase of bigrams two positions apart (and the
last): the same matches as a phrase of its syllables, from far shorter posting lists, since a
broad phrase ("khu vực phòng thủ") is made of words that each occur nearly everywhere. Scores
are Tantivy's BM25 per field, multiplied by the field's weight, the exact bonus and the
adjacency bonus of the table. Facets are raw, fast text fields; counts come from one terms
aggregation over the matches, and the total from Tantivy's count, nothing per match in Python.

Readers keep one `Index` per generation and reload it only when its `meta.json` changed (a stat
per search): a commit by any process is seen by the next search, without reopening the index.
"""

import itertools
import json
import os
import threading
from pathlib import Path

import tantivy

from archive.search import query as q
from archive.search.backends.base import IndexUnavailable, Match, Matches, ranked_counts
from archive.search.backends.embedded import GenerationalIndex, settled
from archive.search.schema import (
    ADJACENCY_BONUS,
    EXACT_BONUS,
    FACET_VALUES,
    FACETS,
    FIELD_WEIGHTS,
    WEIGHTS,
)
from archive.text.tokens import pairs, tokenize

# Raised with the fields: an index of an older layout is never written as if it were this one;
# `rebuild_index` fills the new folder.
FOLDER = "tantivy-3"
SEPARATOR = "\u00a7"  # between the syllables and the whole forms: never a token (not \\w)
WRITER_HEAP = 64_000_000  # bytes; a save writes a few documents
BUILD_HEAP = 256_000_000  # a rebuild: shared by its two indexing threads
BUILD_THREADS = 2
# Values each segment hands over before the counts are merged: ten times what is shown, as
# search engines do. Exact while a segment holds fewer distinct values (years, provinces, kinds:
# always); officials and organisations of a broad query at 100 000 reports may count a value
# low when a segment's thousand most frequent leave it out. Keeping every value costs the person
# facet 33 ms instead of 11 there (docs/performance.md).
SEGMENT_TERMS = 10 * FACET_VALUES
OPEN_ERRORS = (ValueError, OSError)  # a file of the index vanished under a concurrent commit


def index_folder(index_dir):
    """Where the Tantivy index lives: beside, never inside, Whoosh's generations."""
    return Path(index_dir) / FOLDER


def field(kind, weight):
    return f"{kind}_{weight.lower()}"


def make_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("fingerprint", stored=True, tokenizer_name="raw", index_option="basic")
    # What a hit shows (title, URL, snippet source, …): one stored JSON value, never indexed.
    builder.add_bytes_field("stored", stored=True)
    builder.add_integer_field("sort_date", indexed=True, fast=True)
    for name in FACETS:
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    for weight in WEIGHTS:
        builder.add_text_field(field("folded", weight), tokenizer_name="whitespace")
        for kind in ("exact", "pairs"):
            builder.add_text_field(
                field(kind, weight), tokenizer_name="whitespace", index_option="freq"
            )
        builder.add_text_field(field("bigrams", weight), tokenizer_name="whitespace")
    return builder.build()


SCHEMA = make_schema()


def token_fields(text):
    """{kind: tokens joined by spaces} of one text: the folded syllables in position order, then
    the whole forms; the accented syllables that differ from their folded form; the adjacent
    pairs that may be one word; every two consecutive syllables, in position order."""
    tokens = tokenize(text or "")
    syllables = [t for t in tokens if not t.whole]
    plain = [t.folded for t in syllables]
    folded = " ".join(plain)
    wholes = " ".join(t.folded for t in tokens if t.whole)
    if wholes:
        folded = f"{folded} {SEPARATOR} {wholes}"
    return {
        "folded": folded,
        "exact": " ".join(t.exact for t in syllables if t.exact != t.folded),
        "pairs": " ".join(pairs(syllables)),
        "bigrams": " ".join(map(bigram, itertools.pairwise(plain))),
    }


bigram = "_".join  # of two consecutive folded syllables: one term of a `bigrams_W` field


def bigram_phrase(words):
    """(offset, bigram) pairs that match where `words` (three or more) stand in a row: every
    other bigram, and the last, so that every word is covered."""
    starts = [*range(0, len(words) - 1, 2), len(words) - 2]
    return [(start, bigram(words[start : start + 2])) for start in dict.fromkeys(starts)]


def tantivy_document(document):
    doc = tantivy.Document()
    doc.add_text("doc_id", document.doc_id)
    doc.add_text("fingerprint", document.fingerprint)
    shown = {
        "type": document.type,
        "obj_id": document.obj_id,
        "title": document.title,
        "url": document.url,
        "date": document.date,
        "province": document.province,
        "article_ids": document.article_ids,
        "snippet": document.snippet_source,
    }
    doc.add_bytes("stored", json.dumps(shown, ensure_ascii=False).encode("utf-8"))
    doc.add_integer("sort_date", int(document.date.replace("-", "")) if document.date else 0)
    for name, value in dict.fromkeys(document.facet_values()):
        if value:
            doc.add_text(name, value)
    for weight in WEIGHTS:
        for kind, text in token_fields(document.texts.get(weight)).items():
            if text:
                doc.add_text(field(kind, weight), text)
    return doc


# --- Compiling parsed queries -----------------------------------------------------------------

MUST, SHOULD, MUST_NOT = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


def term(name, value):
    return tantivy.Query.term_query(SCHEMA, name, value)


def weighted(kind, make, bonus=1.0):
    """`make(field)` in the fields of every weight, each scored by its weight (and `bonus`)."""
    return tantivy.Query.boolean_query(
        [
            (SHOULD, tantivy.Query.boost_query(make(field(kind, w)), FIELD_WEIGHTS[w] * bonus))
            for w in WEIGHTS
        ]
    )


def any_of(queries):
    return tantivy.Query.boolean_query([(SHOULD, query) for query in queries])


def all_of(queries):
    return tantivy.Query.boolean_query([(MUST, query) for query in queries])


def prefix(name, folded):
    """Terms of `name` that begin with `folded` (Tantivy's regex query; constant score)."""
    # Every character that is not a letter or digit as a code point: never regex syntax.
    pattern = "".join(c if c.isalnum() else f"\\x{{{ord(c):x}}}" for c in folded) + ".*"
    return tantivy.Query.regex_query(SCHEMA, name, pattern)


def folded_form(node):
    return weighted("folded", lambda name: term(name, node.folded))


def exact_form(node):
    """What a word typed with diacritics adds to the score where it stands as typed."""
    return weighted("exact", lambda name: term(name, node.exact), EXACT_BONUS)


def compile_node(node):
    if isinstance(node, q.Term):
        return any_of([folded_form(node), exact_form(node)]) if node.accented else folded_form(node)
    if isinstance(node, q.Whole):
        return folded_form(node)
    if isinstance(node, q.Phrase):
        words = [t.folded for t in node.terms]
        if len(words) == 1:
            return weighted("folded", lambda name: term(name, words[0]))
        if len(words) == 2:
            return weighted("bigrams", lambda name: term(name, bigram(words)))
        return weighted(
            "bigrams",
            lambda name: tantivy.Query.phrase_query(SCHEMA, name, bigram_phrase(words)),
        )
    if isinstance(node, q.Prefix):
        names = prefix(field("folded", "A"), node.folded)
        if node.names_only:
            return all_of([names, tantivy.Query.const_score_query(term("type", "person"), 0.0)])
        return any_of(
            [
                tantivy.Query.boost_query(names, FIELD_WEIGHTS["A"]),
                tantivy.Query.boost_query(
                    prefix(field("folded", "B"), node.folded), FIELD_WEIGHTS["B"]
                ),
            ]
        )
    if isinstance(node, q.Any):
        return any_of([compile_node(part) for part in node.parts])
    if isinstance(node, q.All):
        return all_of([compile_node(part) for part in node.parts])
    raise TypeError(node)


def compile_query(parsed, filters=None):
    """The query of `parsed` under `filters`; with no words, every document the filters allow."""
    clauses = []
    for node in parsed.required:
        if isinstance(node, q.Term) and node.accented:
            # Its folded form decides the match and the exact form only scores, as an optional
            # clause beside it: the same hits and scores as one clause holding both (every exact
            # form is also a folded one), without the exact postings in every intersection.
            clauses += [
                (MUST, folded_form(node)),
                (SHOULD, exact_form(node)),
            ]
        else:
            clauses.append((MUST, compile_node(node)))
    if not clauses:
        clauses.append((MUST, tantivy.Query.all_query()))
    clauses += [(MUST_NOT, compile_node(node)) for node in parsed.excluded]
    for pair in parsed.adjacent_pairs():
        adjacent = weighted("pairs", lambda name, p=pair: term(name, p), ADJACENCY_BONUS)
        clauses.append((SHOULD, adjacent))
    restriction = compile_filters(filters)
    if restriction is not None:
        # Scored 0: a filter narrows, it does not rank.
        clauses.append((MUST, tantivy.Query.const_score_query(restriction, 0.0)))
    return tantivy.Query.boolean_query(clauses)


def compile_filters(filters):
    if not filters:
        return None
    clauses = [term(name, str(value)) for name, value in filters.values.items() if value]
    if filters.date_from or filters.date_to:
        low = int(filters.date_from.replace("-", "")) if filters.date_from else None
        high = int(filters.date_to.replace("-", "")) if filters.date_to else None
        clauses.append(
            tantivy.Query.range_query(SCHEMA, "sort_date", tantivy.FieldType.Integer, low, high)
        )
    return all_of(clauses) if clauses else None


def facet_aggregation(names):
    return {
        name: {"terms": {"field": name, "size": FACET_VALUES, "segment_size": SEGMENT_TERMS}}
        for name in names
    }


def read_facets(answer, names):
    counted = {}
    for name in names:
        buckets = (answer.get(name) or {}).get("buckets", [])
        counted[name] = ranked_counts({b["key"]: b["doc_count"] for b in buckets})
    return counted


# --- The backend --------------------------------------------------------------------------------


def meta_signature(path):
    """Changes with every commit: Tantivy replaces meta.json (a new file) each time."""
    try:
        status = os.stat(Path(path) / "meta.json")
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_size)


class TantivyBackend(GenerationalIndex):
    name = "tantivy"
    _opened = {}  # generation path → [Index, meta signature], shared by the process's threads
    _opened_lock = threading.Lock()

    def create(self, path):
        tantivy.Index(SCHEMA, path=str(path), reuse=False)

    # Reading

    def index(self):
        """The served generation's Index, reloaded when a commit changed it since."""
        self.ensure()
        path = str(self.current.resolve())
        signature = meta_signature(path)
        with self._opened_lock:
            entry = self._opened.get(path)
            if entry is None:
                index = settled(lambda: tantivy.Index.open(path), errors=OPEN_ERRORS)
                index.config_reader("Manual", 0)
                self._opened.clear()  # another generation's: no longer served
                entry = self._opened[path] = [index, signature]
            elif entry[1] != signature:
                settled(entry[0].reload, errors=OPEN_ERRORS)
                entry[1] = signature
            return entry[0]

    def searcher(self):
        return self.index().searcher()

    def stamp(self):
        self.ensure()
        path = str(self.current.resolve())
        return path, meta_signature(path)

    def search(self, parsed, filters=None, offset=0, limit=20, sort="relevance", facets=()):
        query = compile_query(parsed, filters)
        searcher = self.searcher()
        # Tantivy panics (an exception no `except Exception` catches) on a limit of 0.
        options = {"limit": max(limit, 1), "offset": max(offset, 0), "count": True}
        if sort == "date":
            options.update(order_by_field="sort_date", order=tantivy.Order.Desc)
        found = searcher.search(query, **options)
        matches = []
        for score, address in found.hits[:limit]:
            doc = searcher.doc(address)
            shown = json.loads(bytes(doc.get_first("stored")))
            matches.append(
                Match(
                    doc_id=doc.get_first("doc_id"),
                    type=shown["type"],
                    obj_id=shown["obj_id"],
                    title=shown["title"],
                    url=shown["url"],
                    score=round(float(score), 4) if sort != "date" else 0.0,
                    snippet_source=shown.get("snippet") or "",
                    article_ids=shown.get("article_ids") or [],
                    date=shown.get("date"),
                    province=shown.get("province") or "",
                )
            )
        wanted = [name for name in facets if name in FACETS]
        if not wanted:
            return Matches(total=found.count, matches=matches)
        answer = searcher.aggregate(query, facet_aggregation(wanted))
        return Matches(total=found.count, matches=matches, facets=read_facets(answer, wanted))

    def fingerprints(self):
        searcher = self.searcher()
        if not searcher.num_docs:
            return {}
        found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs, count=False)
        fingerprints = {}
        for _score, address in found.hits:
            doc = searcher.doc(address)
            fingerprints[doc.get_first("doc_id")] = doc.get_first("fingerprint")
        return fingerprints

    def names(self, prefix_terms, limit=10):
        if not prefix_terms:
            return []
        *whole, last = prefix_terms
        names = field("folded", "A")
        clauses = [term(names, word) for word in whole] + [prefix(names, last)]
        clauses.append(tantivy.Query.const_score_query(term("type", "person"), 0.0))
        searcher = self.searcher()
        found = searcher.search(all_of(clauses), limit=limit, count=False)
        shown = [json.loads(bytes(searcher.doc(a).get_first("stored"))) for _s, a in found.hits]
        return [(item["title"], item["url"]) for item in shown]

    # Writing

    def indexed_fingerprints(self, path, doc_ids):
        if not doc_ids:
            return {}
        index = settled(lambda: tantivy.Index.open(str(path)), errors=OPEN_ERRORS)
        searcher = index.searcher()
        query = tantivy.Query.term_set_query(SCHEMA, "doc_id", list(doc_ids))
        found = searcher.search(query, limit=len(doc_ids), count=False)
        indexed = {}
        for _score, address in found.hits:
            doc = searcher.doc(address)
            indexed[doc.get_first("doc_id")] = doc.get_first("fingerprint")
        return indexed

    def writer(self, path, heap, threads):
        index = settled(lambda: tantivy.Index.open(str(path)), errors=OPEN_ERRORS)
        try:
            return index.writer(heap_size=heap, num_threads=threads)
        except ValueError as error:  # Tantivy's own lock: another writer in this folder
            raise IndexUnavailable(str(error)) from error

    def write(self, path, documents, removed_ids):
        if not documents and not removed_ids:
            return
        writer = self.writer(path, WRITER_HEAP, 1)
        try:
            for doc_id in removed_ids:
                writer.delete_documents_by_term("doc_id", doc_id)
            for document in documents:
                writer.delete_documents_by_term("doc_id", document.doc_id)
                writer.add_document(tantivy_document(document))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            # Merges finish, and Tantivy's lock is released, before ours is.
            writer.wait_merging_threads()

    def build(self, path, documents):
        writer = self.writer(path, BUILD_HEAP, BUILD_THREADS)
        count = 0
        try:
            for document in documents:
                writer.add_document(tantivy_document(document))
                count += 1
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        return count


os.register_at_fork(after_in_child=TantivyBackend._opened.clear)
