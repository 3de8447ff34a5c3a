"""What the embedded backends (Whoosh, Tantivy) share: an index directory of generations, one
writer at a time across processes, writes that must wait kept for later, atomic rebuilds.

Layout under the backend's folder: `current` is a symlink to the generation being served
(`gen-…`). A rebuild writes a new generation beside it and swaps the link atomically, so readers
always see a complete index, and a rebuild killed half-way leaves the old one answering. Writes
take `write.lock` first (flock: a killed holder's lock is released by the kernel, so none is
ever left stale); a write that cannot get it in a moment, because a rebuild holds it, leaves its
document ids in `pending/` instead, and whoever next holds the lock (the rebuild before it swaps,
or the next write) applies them from the database.

The backend never imports the models: documents are read again by `load_documents(ids)` →
(documents of the ids that still exist, ids that no longer do), given by whoever builds it.
"""

import fcntl
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from archive.search.backends.base import IndexUnavailable, SearchBackend, changed_only, reporting

LOCK_WAIT = 10.0  # writers wait for each other; a rebuild holds the write lock only to swap


def no_loader(doc_ids):
    raise RuntimeError("this backend was built without a document loader (load_documents)")


def settled(open_something, attempts=5, errors=(FileNotFoundError,)):
    """What `open_something()` returns, tried again when a file it needed vanished: a writer in
    another process committed meanwhile, replacing the table of contents or merged segments."""
    for attempt in range(attempts):
        try:
            return open_something()
        except errors:
            if attempt == attempts - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


class GenerationalIndex(SearchBackend):
    """An index in a folder of generations. Subclasses say how to create, write and bulk-build
    one generation (`create`, `write`, `build`) and read its fingerprints."""

    def __init__(self, directory, load_documents=None):
        self.root = Path(directory)
        self.lock_wait = LOCK_WAIT
        self.load_documents = load_documents or no_loader

    # What a subclass provides

    def create(self, path):
        """An empty index in the (new, empty) folder `path`."""
        raise NotImplementedError

    def write(self, path, documents, removed_ids):
        """Add or replace `documents` and remove `removed_ids` in the index at `path`, as one
        commit; raise IndexUnavailable when the index cannot be written now."""
        raise NotImplementedError

    def build(self, path, documents):
        """Write every document into the fresh index at `path`; how many."""
        raise NotImplementedError

    def indexed_fingerprints(self, path, doc_ids):
        """{doc_id: fingerprint} of those of `doc_ids` that the index at `path` holds."""
        raise NotImplementedError

    # Directory layout

    @property
    def current(self):
        return self.root / "current"

    def ensure(self):
        """Make sure there is a served index: an empty one the first time."""
        if self.current.exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "pending").mkdir(exist_ok=True)
        with self.write_lock(wait=True):
            if not self.current.exists():
                self.swap(self.new_generation())

    def new_generation(self):
        path = self.root / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        path.mkdir()
        self.create(path)
        return path

    def swap(self, generation):
        link = self.root / f".current-{uuid.uuid4().hex}"
        os.symlink(generation.name, link)
        os.replace(link, self.current)
        for old in self.root.glob("gen-*"):
            if old.name != generation.name:
                shutil.rmtree(old, ignore_errors=True)

    @contextmanager
    def write_lock(self, wait, name="write.lock"):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / name, "a+") as handle:
            deadline = time.monotonic() + (self.lock_wait if not wait else 3600)
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise IndexUnavailable("the index is being rebuilt") from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # Writing

    def update(self, documents, removed_ids=()):
        """Write these documents as they are (tests, tools); saves go through `apply`."""
        self.ensure()
        with self.write_lock(wait=False):
            self.write(self.current.resolve(), list(documents), list(removed_ids))

    def apply(self, doc_ids):
        """Re-index these ids from the database. The documents are read while holding the
        write lock, so of two concurrent commits the later one is always written last."""
        self.ensure()
        doc_ids = list(doc_ids)
        if self.rebuilding():
            # The rebuild started from an older snapshot; it applies these before it swaps.
            self.add_pending(doc_ids)
        try:
            with self.write_lock(wait=False):
                pending, files = ([], []) if self.rebuilding() else self.read_pending()
                documents, removed = self.load_documents([*doc_ids, *pending])
                path = self.current.resolve()
                indexed = self.indexed_fingerprints(path, [d.doc_id for d in documents])
                self.write(path, changed_only(documents, indexed), removed)
                self.forget(files)
        except IndexUnavailable:
            self.add_pending(doc_ids)
            raise

    def rebuilding(self):
        """Whether another process (or call) holds the rebuild lock now."""
        path = self.root / "rebuild.lock"
        if not path.exists():
            return False
        with open(path, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def rebuild(self, documents, progress=None):
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "pending").mkdir(exist_ok=True)
        # One rebuild at a time: a swap removes every other generation, including what a
        # killed rebuild left behind.
        with self.write_lock(wait=True, name="rebuild.lock"):
            return self.build_generation(documents, progress)

    def build_generation(self, documents, progress):
        generation = self.new_generation()
        try:
            count = self.build(generation, reporting(documents, progress))
            with self.write_lock(wait=True):
                pending, files = self.read_pending()
                if pending:
                    changed, removed = self.load_documents(pending)
                    self.write(generation, changed, removed)
                self.swap(generation)
                self.forget(files)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        return count

    # Pending writes: ids whose documents must be read again from the database

    def add_pending(self, doc_ids):
        if not doc_ids:
            return
        (self.root / "pending").mkdir(parents=True, exist_ok=True)
        path = self.root / "pending" / f"{time.time_ns()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        temporary = path.with_suffix(".tmp")
        temporary.write_text("\n".join(doc_ids), encoding="utf-8")
        os.replace(temporary, path)

    def read_pending(self):
        """(ids, files) left by writes that could not take the lock; forget the files only
        once their documents are written."""
        ids, files = [], []
        for path in sorted((self.root / "pending").glob("*")):
            if path.suffix != ".tmp":
                ids += path.read_text(encoding="utf-8").split()
                files.append(path)
        return list(dict.fromkeys(ids)), files

    def pending_ids(self):
        return self.read_pending()[0] if (self.root / "pending").exists() else []

    @staticmethod
    def forget(files):
        for path in files:
            path.unlink(missing_ok=True)
