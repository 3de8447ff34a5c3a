"""The interface every search backend implements, and what it answers with."""

import itertools
from dataclasses import dataclass, field

# Declared in `archive.search.schema`; importable from here as before.
from archive.search.schema import FACET_VALUES, PAGE_SIZE
from archive.search.schema import FACETS as FACETS


@dataclass
class Match:
    """One matching document as the backend stores it, with its score."""

    doc_id: str
    type: str
    obj_id: int
    title: str
    url: str
    score: float
    snippet_source: str
    article_ids: list
    date: str | None = None
    province: str = ""


@dataclass
class Matches:
    total: int
    matches: list
    facets: dict = field(default_factory=dict)  # facet → [(value, count), …], most first


@dataclass
class Filters:
    """Facet values every hit must have, and a date range (ISO dates)."""

    values: dict = field(default_factory=dict)  # facet → value
    date_from: str | None = None
    date_to: str | None = None

    def narrow(self):
        """Whether they narrow anything (a facet value or a date bound)."""
        return bool(any(self.values.values()) or self.date_from or self.date_to)


class IndexUnavailable(RuntimeError):
    """The index cannot be written now; the change is kept for the next write."""


class SearchBackend:
    name = ""

    def search(self, query, filters=None, offset=0, limit=PAGE_SIZE, sort="relevance", facets=()):
        """Matches of a parsed query: `Matches`. Never raises on any parsed query. A query with
        no words matches every document the filters allow (`archive.search.search` asks so only
        when some filter narrows)."""
        raise NotImplementedError

    def stamp(self):
        """A value that changes whenever the index is written (what is cached per index, such
        as the known names, is kept while it stays); None when the backend cannot tell."""
        return None

    def update(self, documents, removed_ids=()):
        """Add or replace documents and remove others, as one write."""
        raise NotImplementedError

    def apply(self, doc_ids):
        """Bring these documents up to date with the database (what saves trigger)."""
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        """Replace the whole index; the old one answers until the new one is complete."""
        raise NotImplementedError

    def fingerprints(self):
        """{doc_id: fingerprint} of everything indexed, for `check_index`."""
        raise NotImplementedError

    def names(self, prefix_terms, limit=10):
        """Person names whose words begin with the given folded words, for autocomplete."""
        raise NotImplementedError


def no_loader(doc_ids):
    raise RuntimeError("this backend was built without a document loader (load_documents)")


def chunks(items, size=500):
    """Lists of at most `size` items, in order, from any iterable."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def changed_only(documents, indexed):
    """The documents whose fingerprint differs from `indexed` (doc_id → fingerprint): a person
    named at one more event is read again, but written only if what the index shows changed."""
    return [d for d in documents if indexed.get(d.doc_id) != d.fingerprint]


def ranked_counts(counts, limit=FACET_VALUES):
    """(value, count) pairs, most first (ties by value), at most `limit`, empty values left
    out: what every backend answers for one facet."""
    pairs = [(str(value), n) for value, n in counts.items() if value not in ("", None)]
    return sorted(pairs, key=lambda item: (-item[1], item[0]))[:limit]


def reporting(documents, progress=None):
    """The documents, calling `progress(count so far)` as each goes by."""
    for count, document in enumerate(documents, start=1):
        if progress:
            progress(count)
        yield document
