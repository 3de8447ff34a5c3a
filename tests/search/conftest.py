"""Search fixtures: the same tests run against each backend."""

import pytest
from django.db import connection

from archive.search import get_backend
from archive.search.indexing import all_documents


@pytest.fixture(params=["tantivy", "whoosh", "postgres"])
def backend_name(request, settings, db):
    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL backend needs the PostgreSQL test run (DATABASE_URL)")
    settings.ARCHIVE_SEARCH_BACKEND = request.param
    return request.param


@pytest.fixture
def indexed(backend_name, loaded_archive):
    """The fixture archive, indexed by the backend under test; returns a rebuild function."""

    def rebuild():
        get_backend().rebuild(all_documents())

    rebuild()
    return rebuild
