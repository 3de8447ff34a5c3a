"""Files through the whole pipeline: read, parse, load, with failures kept to their file."""

import itertools
import multiprocessing
import sys
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from archive.ingest import loader, source
from archive.ingest.parser import ParseError, parse_source


@dataclass
class FileResult:
    file: str
    status: str
    article_id: int | None = None
    error: str | None = None

    def as_dict(self):
        return {
            "file": self.file,
            "status": self.status,
            "article_id": self.article_id,
            "error": self.error,
        }


class DryRunRollback(Exception):
    pass


def extract_path(path):
    """The parsed article of one file (no database): raises SourceError or ParseError."""
    return parse_source(read(path))


def read(path):
    if str(path) == "-":
        # No name: the key comes from the content, so two pasted articles stay two.
        # One byte past the limit is enough to refuse it.
        return source.from_bytes(sys.stdin.buffer.read(source.MAX_REPORT_BYTES + 1), name=None)
    try:
        return source.read_path(path)
    except OSError as error:
        raise source.SourceError(error.strerror or str(error)) from None


BATCH = 200
PARSE_WINDOW = 1000


def ingest_path(path, dry_run=False):
    """Ingest one file; a failure is reported in the result and leaves nothing behind."""
    name, parsed, checksum, error = parse_one((str(path), partial(read, path)))
    if error:
        return FileResult(name, loader.FAILED, error=error)
    if dry_run:
        return guarded(name, lambda: dry_load(name, parsed, checksum))
    return load_one(name, parsed, checksum)


def ingest_paths(paths, batch_size=BATCH, workers=0):
    """Ingest many files, a batch of articles per transaction; one FileResult per file, in
    order. A batch the database refuses is loaded again article by article, so a bad file
    fails alone and the others are kept. With `workers`, that many other processes read and
    parse while this one writes."""
    openers = ((str(path), partial(read, path)) for path in paths)
    return ingest_sources(openers, batch_size, workers)


def ingest_sources(openers, batch_size=BATCH, workers=0):
    """(name, function returning a Source) pairs through the pipeline, as `ingest_paths`."""
    batch = []
    for name, parsed, checksum, error in parse_all(openers, workers):
        if error:
            yield from load_many(batch)
            batch = []
            yield FileResult(name, loader.FAILED, error=error)
            continue
        batch.append((name, parsed, checksum))
        if len(batch) >= batch_size:
            yield from load_many(batch)
            batch = []
    yield from load_many(batch)


def parse_all(openers, workers):
    if workers < 1:
        yield from map(parse_one, openers)
        return
    # Forked workers never touch the database: parsing is plain data in, plain data out.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        openers = iter(openers)
        # A window at a time: imap reads all its input at once, and parsed articles waiting
        # for the database would otherwise pile up in memory.
        while window := list(itertools.islice(openers, PARSE_WINDOW)):
            yield from pool.imap(parse_one, window, chunksize=16)


def parse_one(opener):
    """(name, parsed article, checksum, None) or (name, None, None, why it failed)."""
    name, open_source = opener
    try:
        src = open_source()
        return name, parse_source(src), src.checksum, None
    except (source.SourceError, ParseError) as error:
        return name, None, None, str(error)


def load_many(batch):
    if not batch:
        return []
    try:
        loaded = loader.load_batch([(parsed, checksum) for _name, parsed, checksum in batch])
    except (ValidationError, DatabaseError):
        return [load_one(*item) for item in batch]
    return [
        FileResult(name, result.status, article_id=result.article.pk)
        for (name, _parsed, _checksum), result in zip(batch, loaded, strict=True)
    ]


def load_one(name, parsed, checksum):
    def load():
        result = loader.load_article(parsed, checksum)
        return FileResult(name, result.status, article_id=result.article.pk)

    return guarded(name, load)


def guarded(name, load):
    """What `load()` returns, or a failed FileResult saying why the database refused it."""
    try:
        return load()
    except ValidationError as error:
        return FileResult(name, loader.FAILED, error=f"invalid data: {describe(error)}")
    except DatabaseError as error:
        return FileResult(name, loader.FAILED, error=f"the database refused it: {error}")


def describe(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


def dry_load(name, parsed, checksum):
    outcome = {}
    try:
        with transaction.atomic():
            result = loader.load_article(parsed, checksum)
            outcome["result"] = FileResult(name, result.status, article_id=result.article.pk)
            raise DryRunRollback
    except DryRunRollback:
        pass
    return outcome["result"]
