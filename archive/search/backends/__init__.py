"""Search backends behind one interface (`base.SearchBackend`): Tantivy, Whoosh, PostgreSQL,
and the registry that builds the configured one.

Backends sit below everything else of the search: they never import `archive.search.indexing`
(nor the package). Reading documents again from the database, which writes that had to wait
and saves need, is given to them: `archive.search.indexing` registers its loader here
(`set_document_loader`) when it is imported, and every backend the registry builds reads
through it.
"""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BACKENDS = ("tantivy", "whoosh", "postgres")

_document_loader = None


def set_document_loader(load):
    """`load(doc_ids)` → (documents of the ids that still exist, ids that no longer do)."""
    global _document_loader
    _document_loader = load


def load_documents(doc_ids):
    if _document_loader is None:
        raise RuntimeError("no document loader: import archive.search.indexing first")
    return _document_loader(doc_ids)


def get_backend(name=None):
    name = name or settings.ARCHIVE_SEARCH_BACKEND
    return _backend(name, str(settings.ARCHIVE_INDEX_DIR))


@lru_cache(maxsize=4)
def _backend(name, index_dir):
    if name == "tantivy":
        from archive.search.backends.tantivy_backend import TantivyBackend, index_folder

        return TantivyBackend(index_folder(index_dir), load_documents=load_documents)
    if name == "whoosh":
        from archive.search.backends.whoosh_backend import WhooshBackend

        return WhooshBackend(index_dir, load_documents=load_documents)
    if name == "postgres":
        from archive.search.backends.postgres_backend import PostgresBackend

        return PostgresBackend(load_documents=load_documents)
    raise ImproperlyConfigured(f"ARCHIVE_SEARCH_BACKEND must be one of {BACKENDS}, not {name!r}")
