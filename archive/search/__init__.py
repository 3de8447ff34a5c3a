"""Vietnamese full-text search: one interface, Tantivy, Whoosh and PostgreSQL backends.

`search(text, …)` parses the query, asks the configured backend, and returns hits with
highlighted snippets, facet counts and, when little is found, a spelling suggestion.
"""

import datetime as dt
import difflib
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from archive.search import query as q
from archive.search.backends.base import Filters
from archive.search.highlight import highlight, snippet
from archive.search.schema import PAGE_SIZE
from archive.text import fold


@dataclass
class Hit:
    type: str
    id: int
    title: str
    url: str
    score: float
    snippet: str
    article_ids: list
    date: dt.date | None = None
    title_html: str = ""

    def as_json(self):
        return {
            "type": self.type,
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "score": self.score,
            "snippet": str(self.snippet),
            "article_ids": self.article_ids,
        }


@dataclass
class Results:
    query: str
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    suggestion: str | None = None
    message: str = ""


BACKENDS = ("tantivy", "whoosh", "postgres")


def get_backend(name=None):
    name = name or settings.ARCHIVE_SEARCH_BACKEND
    return _backend(name, str(settings.ARCHIVE_INDEX_DIR))


@lru_cache(maxsize=4)
def _backend(name, index_dir):
    from archive.search.indexing import documents_for_ids

    if name == "tantivy":
        from archive.search.backends.tantivy_backend import TantivyBackend, index_folder

        return TantivyBackend(index_folder(index_dir), load_documents=documents_for_ids)
    if name == "whoosh":
        from archive.search.backends.whoosh_backend import WhooshBackend

        return WhooshBackend(index_dir, load_documents=documents_for_ids)
    if name == "postgres":
        from archive.search.backends.postgres_backend import PostgresBackend

        return PostgresBackend()
    raise ImproperlyConfigured(f"ARCHIVE_SEARCH_BACKEND must be one of {BACKENDS}, not {name!r}")


def search(
    text, filters=None, page=1, per_page=PAGE_SIZE, sort="relevance", facets=(), backend=None
):
    parsed = q.parse(text)
    results = Results(query=parsed.text)
    if parsed.is_empty:
        results.message = "empty" if not parsed.text else "nothing searchable"
        return results
    offset = (max(page, 1) - 1) * per_page
    found = get_backend(backend).search(
        parsed, filters or Filters(), offset=offset, limit=per_page, sort=sort, facets=facets
    )
    results.total, results.facets = found.total, found.facets
    results.hits = [
        Hit(
            type=m.type,
            id=m.obj_id,
            title=m.title,
            url=m.url,
            score=m.score,
            snippet=snippet(m.snippet_source, parsed),
            article_ids=m.article_ids,
            date=dt.date.fromisoformat(m.date) if m.date else None,
            title_html=highlight(m.title, parsed),
        )
        for m in found.matches
    ]
    if results.total < FEW and words_find_little(parsed, filters, backend, results.total):
        results.suggestion = suggest(parsed.text)
    return results


FEW = 3  # results below which a spelling suggestion is offered


def words_find_little(parsed, filters, backend, total):
    """Whether the words themselves find few results: filters that narrow a common word to
    nothing call for no spelling suggestion."""
    if not filters or not (filters.values or filters.date_from or filters.date_to):
        return True
    return get_backend(backend).search(parsed, Filters(), offset=0, limit=1).total < FEW


def autocomplete(text, limit=10, backend=None):
    """Names of people that begin with what was typed: "Nguyễn Đ" → Nguyễn Đăng Bình."""
    words = [fold(w) for w in q.clean(text).replace("*", " ").split()]
    words = [w for w in words if w]
    if not words or (len(words) == 1 and len(words[0]) < 2):
        return []
    return get_backend(backend).names(words, limit=limit)


def suggest(text):
    """A known name close to what was typed (misspelt or without diacritics), if any."""
    folded = fold(text).strip()
    if len(folded) < 4:
        return None
    names = known_names()
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.8)
    if close and names[close[0]] != text:
        return names[close[0]]
    return None


def known_names():
    from archive.models import Organisation, Person

    names = {}
    for value in Organisation.objects.values_list("name", flat=True):
        names[fold(value)] = value
    for value in Person.objects.values_list("full_name", flat=True):
        names[fold(value)] = value
    return names
