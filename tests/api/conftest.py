"""The API's tests: the fixture archive indexed, throttling off unless a test turns it on."""

import pytest
from django.core.cache import cache

from archive.search import get_backend
from archive.search.indexing import all_documents


@pytest.fixture(autouse=True)
def no_throttling(settings):
    settings.ARCHIVE_API_ANON_RATE = None
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive(loaded_archive):
    get_backend().rebuild(all_documents())
