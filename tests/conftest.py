"""Shared fixtures: paths to the article fixtures and a loaded archive."""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
EXPECTED = Path(__file__).resolve().parent / "ingest" / "expected"
SAMPLES = Path(__file__).resolve().parent / "ingest" / "samples"


@pytest.fixture(autouse=True)
def index_in_tmp(settings, tmp_path):
    """Every test gets its own Whoosh index directory, never var/index."""
    from archive.search import _backend

    settings.ARCHIVE_INDEX_DIR = tmp_path / "index"
    _backend.cache_clear()
    yield settings.ARCHIVE_INDEX_DIR
    _backend.cache_clear()


@pytest.fixture
def article_paths():
    return sorted(ARTICLES.glob("*.txt"))


@pytest.fixture
def loaded_archive(db):
    """The reviewed fixture archive, as `make run` loads it."""
    call_command("loaddata", str(ROOT / "fixtures" / "archive.json"), verbosity=0)
