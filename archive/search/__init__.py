"""Vietnamese full-text search: one interface, Tantivy, Whoosh and PostgreSQL backends.

`search(text, …)` parses the query, asks the configured backend, and returns hits with
highlighted snippets, facet counts and, when little is found, a spelling suggestion.
"""

import datetime as dt
import difflib
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from archive.search import indexing  # noqa: F401  (gives the backends their document loader)
from archive.search import query as q
from archive.search.backends import BACKENDS, _backend, get_backend
from archive.search.backends.base import Filters
from archive.search.highlight import highlight, snippet
from archive.search.schema import PAGE_SIZE
from archive.text import fold

__all__ = ["BACKENDS", "Filters", "Hit", "Results", "_backend", "get_backend", "search", "suggest"]


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
    province: str = ""

    def as_json(self):
        return {
            "type": self.type,
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "score": self.score,
            "snippet": str(self.snippet),
            "article_ids": self.article_ids,
            "province": self.province,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class Results:
    query: str
    total: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    suggestion: str | None = None
    message: str = ""


def search(
    text, filters=None, page=1, per_page=PAGE_SIZE, sort="relevance", facets=(), backend=None
):
    """One page of hits of `text` under `filters`. Filters alone, with nothing typed, are a
    search too: they list what they select, newest first. Nothing typed and no filter, or only
    what cannot be searched, finds nothing (`message` says which)."""
    parsed = q.parse(text)
    results = Results(query=parsed.text)
    filters = filters or Filters()
    if parsed.is_empty:
        if parsed.text or not filters.narrow():
            results.message = "empty" if not parsed.text else "nothing searchable"
            return results
        sort = "date"  # no words to rank by
    offset = (max(page, 1) - 1) * per_page
    found = get_backend(backend).search(
        parsed, filters, offset=offset, limit=per_page, sort=sort, facets=facets
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
            province=m.province,
        )
        for m in found.matches
    ]
    if (
        not parsed.is_empty
        and results.total < FEW
        and words_find_little(parsed, filters, backend, results.total)
    ):
        results.suggestion = suggest(parsed.text, backend=backend)
    return results


FEW = 3  # results below which a spelling suggestion is offered


def words_find_little(parsed, filters, backend, total):
    """Whether the words themselves find few results: filters that narrow a common word to
    nothing call for no spelling suggestion."""
    if not filters.narrow():
        return True
    return get_backend(backend).search(parsed, Filters(), offset=0, limit=1).total < FEW


def autocomplete(text, limit=10, backend=None):
    """Names of people that begin with what was typed: "Nguyễn Đ" → Nguyễn Đăng Bình."""
    words = [fold(w) for w in q.clean(text).replace("*", " ").split()]
    words = [w for w in words if w]
    if not words or (len(words) == 1 and len(words[0]) < 2):
        return []
    return get_backend(backend).names(words, limit=limit)


def suggest(text, backend=None):
    """A known name close to what was typed (misspelt or without diacritics), if any."""
    folded = fold(text).strip()
    if len(folded) < 4:
        return None
    names = known_names(backend)
    close = difflib.get_close_matches(folded, names.candidates(folded), n=1, cutoff=0.8)
    if close and names.shown[close[0]] != text:
        return names.shown[close[0]]
    return None


MAX_CANDIDATES = 1000  # names compared with difflib at most, those sharing the most syllables


class KnownNames:
    """Every person's and organisation's name, folded, with the way to the few worth comparing
    with a query: names are found by their syllables, each syllable also by its forms with one
    letter left out (so "tai" finds "thai", "nguyn" finds "nguyen"), and only the names where
    most of the query's syllables find one of theirs are compared letter by letter."""

    def __init__(self, shown):
        self.shown = shown  # folded name → name as written
        self.names_of = defaultdict(list)  # folded syllable → folded names holding it
        for name in shown:
            for syllable in set(name.split()):
                self.names_of[syllable].append(name)
        self.syllables_of = defaultdict(set)  # syllable or a deletion of it → syllables
        for syllable in self.names_of:
            for key in deletions(syllable):
                self.syllables_of[key].add(syllable)

    def near(self, syllable):
        """Known syllables at most one letter left out, added or changed from `syllable`."""
        found = set()
        for key in deletions(syllable):
            found |= self.syllables_of.get(key, set())
        return found

    def candidates(self, folded):
        shared = Counter()
        for syllable in set(folded.split()):
            holders = set()
            for near in self.near(syllable):
                holders.update(self.names_of[near])
            shared.update(holders)
        if not shared:
            return []
        best = max(shared.values())
        kept = sorted(name for name, count in shared.items() if count >= best)
        return kept[:MAX_CANDIDATES]


def deletions(syllable):
    return {syllable, *(syllable[:i] + syllable[i + 1 :] for i in range(len(syllable)))}


_known = {}  # (backend, index stamp) → KnownNames, the latest one per backend
_known_lock = threading.Lock()


def known_names(backend=None):
    """The known names of the index as it stands: read from the database again only when the
    backend's index changed (its stamp), not on every search."""
    engine = get_backend(backend)
    key = (engine.name, engine.stamp())
    with _known_lock:
        cached = _known.get(engine.name)
        if cached is not None and cached[0] == key and key[1] is not None:
            return cached[1]
    names = KnownNames(read_names())
    with _known_lock:
        _known[engine.name] = (key, names)
    return names


def read_names():
    from archive.models import Organisation, Person

    names = {}
    for value in Organisation.objects.values_list("name", flat=True):
        names[fold(value)] = value
    for value in Person.objects.values_list("full_name", flat=True):
        names[fold(value)] = value
    return names
