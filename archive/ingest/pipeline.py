"""One file through the whole pipeline: read, parse, load, with failures kept to that file."""

import sys
from dataclasses import dataclass

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
        return source.from_bytes(sys.stdin.buffer.read(), name=None)
    try:
        return source.read_path(path)
    except OSError as error:
        raise source.SourceError(error.strerror or str(error)) from None


def ingest_path(path, dry_run=False):
    """Ingest one file; a failure is reported in the result and leaves nothing behind."""
    try:
        src = read(path)
        parsed = parse_source(src)
        if dry_run:
            return dry_load(str(path), parsed, src.checksum)
        result = loader.load_article(parsed, src.checksum)
    except (source.SourceError, ParseError) as error:
        return FileResult(str(path), loader.FAILED, error=str(error))
    except ValidationError as error:
        return FileResult(str(path), loader.FAILED, error=f"invalid data: {describe(error)}")
    except DatabaseError as error:
        return FileResult(str(path), loader.FAILED, error=f"the database refused it: {error}")
    return FileResult(str(path), result.status, article_id=result.article.pk)


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
