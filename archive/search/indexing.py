"""Keeping the index true to the database: which documents a change touches, and writing them
after the transaction commits."""

import collections
import fcntl
import logging
import multiprocessing
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction

from archive.search.backends import get_backend, set_document_loader
from archive.search.backends.base import IndexUnavailable, chunks
from archive.search.documents import doc_id, document_for

log = logging.getLogger("archive.search")
CHUNK = 500
REBUILD_FROM = 5000
SHARED_FROM = 2000  # documents: fewer are built faster here than the workers start
BEHIND = "index-behind-"  # flag files in ARCHIVE_VAR_DIR, one per deferred run


def indexed():
    """model name → declaration of every indexed model."""
    from archive.search.declarations import INDEXED

    return INDEXED


def documents_for_ids(doc_ids):
    """(documents of the ids that still exist, ids that no longer do)."""
    models = indexed()
    wanted = {}
    for item in doc_ids:
        name, _, pk = item.partition(":")
        if name in models and pk.isdigit():
            wanted.setdefault(name, set()).add(int(pk))
    documents, removed = [], []
    for name, pks in wanted.items():
        # In chunks: SQLite refuses a prefetch over thousands of ids at once.
        for chunk in chunks(sorted(pks), CHUNK):
            found, missing = documents_of(name, chunk)
            documents += found
            removed += [f"{name}:{pk}" for pk in missing]
    return documents, removed


def documents_of(name, pks):
    """(documents of the objects of model `name` among `pks`, in that order; pks not found)."""
    found = {obj.pk: obj for obj in indexed()[name].queryset().filter(pk__in=pks)}
    documents = [document_for(found[pk]) for pk in pks if pk in found]
    return documents, [pk for pk in pks if pk not in found]


set_document_loader(documents_for_ids)


def all_documents(workers=1):
    """Every indexed object's document, model by model in pk order. With `workers` > 1 and
    enough documents, other processes build them (reading the rows and building the documents
    is most of a rebuild's time) while this one writes the index; started here, before any
    index writer has threads that a fork would leave behind."""
    if workers > 1 and can_share() and count_documents() >= SHARED_FROM:
        return shared_documents(workers)
    return serial_documents()


def serial_documents():
    for declaration in indexed().values():
        for obj in declaration.queryset().order_by("pk").iterator(chunk_size=CHUNK):
            yield document_for(obj)


def can_share():
    """Whether other processes see what this one sees: committed rows in a database file or
    server (not an in-memory database, not inside a transaction)."""
    if connection.in_atomic_block:
        return False
    return connection.vendor != "sqlite" or not connection.is_in_memory_db()


def shared_documents(workers):
    slices = [
        (name, chunk)
        for name, declaration in indexed().items()
        for chunk in chunks(
            declaration.queryset().order_by("pk").values_list("pk", flat=True), CHUNK
        )
    ]
    connections.close_all()  # each worker opens its own connection; none shares this one's
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=own_connections)
    return built_in(pool, slices, ahead=2 * workers)


def own_connections():
    """In a worker: forget every connection it was forked with, unclosed (closing one would end
    it for the process that opened it), so that its first query opens its own."""
    for wrapper in connections.all():
        wrapper.connection = None


def built_in(pool, slices, ahead):
    """The documents of `slices`, in order, with at most `ahead` slices built and waiting."""
    try:
        waiting = collections.deque()
        for item in slices:
            waiting.append(pool.apply_async(documents_of, item))
            if len(waiting) >= ahead:
                yield from waiting.popleft().get()[0]
        while waiting:
            yield from waiting.popleft().get()[0]
    finally:
        pool.terminate()
        pool.join()


def count_documents():
    return sum(declaration.queryset().count() for declaration in indexed().values())


# --- Changes waiting for their transaction to commit -------------------------------------------

_pending = threading.local()


def pending():
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


def mark(*objects):
    """Re-index these objects once the current transaction commits (at once outside one)."""
    pending().update(doc_id(obj) for obj in objects if obj is not None and obj.pk is not None)
    if getattr(_pending, "deferred", False):
        return
    # Registered every time: ids left by a rolled-back transaction must not stop the next
    # commit from flushing. A flush takes every pending id, so later callbacks find nothing.
    transaction.on_commit(flush)


@contextmanager
def deferred(workers=1):
    """Collect index updates instead of writing them at each commit; the caller calls
    `flush()` when it likes, and it runs once at the end (bulk ingest: one index write for
    the whole run, a rebuild when most of the index changed, its documents built by `workers`
    processes).

    While it runs, it holds a lock on a flag file saying the index may be behind the database.
    A run killed before its end leaves its flag unlocked, and the next deferred run rebuilds the
    whole index at its end."""
    left_behind = [flag for flag in Path(settings.VAR_DIR).glob(f"{BEHIND}*") if abandoned(flag)]
    mine = Path(settings.VAR_DIR) / f"{BEHIND}{uuid.uuid4().hex}"
    with open(mine, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        _pending.deferred = True
        try:
            yield
        finally:
            _pending.deferred = False
            if flush(rebuild=bool(left_behind), workers=workers):
                for flag in [*left_behind, mine]:
                    flag.unlink(missing_ok=True)


def abandoned(flag):
    """Whether no running process holds this flag (its run died before writing the index)."""
    try:
        with open(flag) as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except FileNotFoundError:
        return False  # its run has just finished
    return True


def worth_rebuilding(changed):
    """Whether writing the index anew beats writing `changed` documents: when most of it
    changed (a bulk ingest)."""
    return changed >= REBUILD_FROM and changed * 2 >= count_documents()


def flush(rebuild=False, workers=1):
    """Write every marked document (or, with `rebuild`, the whole index, its documents built by
    `workers` processes); on failure the database keeps its change and `check_index` (or the
    next write) reports and repairs the index. Whether it succeeded."""
    ids = sorted(pending())
    pending().clear()
    if not ids and not rebuild:
        return True
    backend = get_backend()
    try:
        if rebuild or worth_rebuilding(len(ids)):
            backend.rebuild(all_documents(workers))
        else:
            backend.apply(ids)
    except IndexUnavailable as error:
        log.warning("Index busy (%s); %d documents queued for the next write.", error, len(ids))
        return False
    except Exception:
        log.exception("Index update failed for %d documents; run check_index.", len(ids))
        return False
    return True
