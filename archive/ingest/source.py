"""Reading article files: bytes → checked text, and the optional header above the body.

A fixture file starts with a header between two `---` lines (`key`, `publisher`, `url`, `title`,
`published`); a page saved from the web may instead open with `source: URL`, `title: …` and
`excerpt: yes` lines ended by a blank line; a bare article, as pasted from a news site, has none.
A report is at most MAX_REPORT_BYTES (2 MB, about twenty times the longest report of the genre)
and a published date lies between 1945 and 2100: anything else is refused with the reason.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from archive.text import nfc

HEADER_KEYS = {"key", "publisher", "url", "title", "published"}
# A saved page's header: `source:` first, then these keys, then a blank line.
PAGE_HEADER_KEYS = {"source": "url", "title": "title", "excerpt": None}
PAGE_HEADER_START = re.compile(r"^source:\s*\S+", re.I)
NO_TITLE = re.compile(r"^\(?\s*none\b.*\)?$", re.I)  # "(none in excerpt)"
MIN_BODY_CHARS = 80
MAX_REPORT_BYTES = 2_000_000
PUBLISHED_YEARS = (1945, 2100)
KEY_LENGTH = 120  # Article.key


class SourceError(ValueError):
    """A file that cannot be an article; the message says why, in words a person can act on."""


@dataclass
class Source:
    body: str
    meta: dict = field(default_factory=dict)
    name: str | None = None

    @property
    def checksum(self):
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()

    @property
    def key(self):
        if self.meta.get("key"):
            return safe_key(self.meta["key"])
        if self.name:
            return safe_key(Path(self.name).stem)
        return f"sha-{self.checksum[:20]}"


def safe_key(text):
    """A key on one line that fits the archive: control characters (a newline in a file name)
    become "_", and a name too long keeps its start and gains a hash of the whole."""
    key = "".join(c if c.isprintable() else "_" for c in text)
    if len(key) > KEY_LENGTH:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
        key = f"{key[: KEY_LENGTH - 13]}-{digest}"
    return key


def too_large(size):
    if size > MAX_REPORT_BYTES:
        megabytes = f"{size / 1_000_000:.1f}"
        return SourceError(
            f"the report is {megabytes} MB; a report may be {MAX_REPORT_BYTES // 1_000_000} MB "
            "at most"
        )
    return None


def decode(data: bytes):
    if error := too_large(len(data)):
        raise error
    if not data.strip():
        raise SourceError("the file is empty")
    if b"\x00" in data:
        raise SourceError("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"the file is not UTF-8 text (byte {error.start})") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text) // 100:
        raise SourceError("the file is binary, not text")
    return text


def split_header(text):
    """(header dict, body) for text that may start with a `---` header."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and PAGE_HEADER_START.match(lines[0]):
        return split_page_header(lines)
    if not lines or lines[0].strip() != "---":
        return {}, text
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise SourceError("the header opened with --- is never closed") from None
    meta = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            raise SourceError(f"unknown header line: {line.strip()[:60]!r}")
        if value.strip():
            meta[key] = value.strip()
    if "published" in meta:
        meta["published"] = parse_header_datetime(meta["published"])
    return meta, "\n".join(lines[end + 1 :])


def split_page_header(lines):
    """`source:` / `title:` / `excerpt:` lines up to the first blank line: (meta, body)."""
    meta = {}
    for index, line in enumerate(lines):
        if not line.strip():
            return meta, "\n".join(lines[index + 1 :])
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in PAGE_HEADER_KEYS:
            return {}, "\n".join(lines)  # not a header after all: all of it is the body
        field_name, value = PAGE_HEADER_KEYS[key], value.strip()
        if field_name and value and not (field_name == "title" and NO_TITLE.match(value)):
            meta[field_name] = value
    return meta, ""


def parse_header_datetime(value):
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        first, last = PUBLISHED_YEARS
        if not first <= moment.year <= last:
            raise SourceError(
                f"the header's published date {value!r} is not between {first} and {last}"
            )
        return moment
    raise SourceError(f"the header's published date {value!r} is not YYYY-MM-DD [HH:MM[:SS]]")


def from_text(text, name=None):
    if len(text) * 4 > MAX_REPORT_BYTES and (error := too_large(len(text.encode("utf-8")))):
        raise error
    meta, body = split_header(text)
    if len(re.sub(r"\s+", "", body)) < MIN_BODY_CHARS:
        raise SourceError("the article is too short to be a report (truncated?)")
    return Source(body=body, meta=meta, name=name)


def from_bytes(data, name=None):
    return from_text(decode(data), name=name)


def read_path(path):
    path = Path(path)
    if error := too_large(path.stat().st_size):  # refused before it is read
        raise error
    return from_bytes(path.read_bytes(), name=path.name)


def iter_paths(paths):
    """Every article file named, folders expanded to their *.txt files in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path
