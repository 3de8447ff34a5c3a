"""Property-based tests of the normaliser and the query parser, and a fuzz run over the public
URLs with random and hostile strings: never a 5xx, never unescaped input in the HTML."""

import unicodedata
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.search import query as q
from archive.search import search
from archive.text import canonical, fold, nfc
from archive.text.tokens import tokenize

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
text = st.text(
    alphabet=st.one_of(
        st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " .,;:-/\"'()*"),
        st.characters(codec="utf-8"),
    ),
    max_size=200,
)


@given(text)
def test_normalising_twice_changes_nothing(value):
    assert nfc(nfc(value)) == nfc(value)
    assert canonical(canonical(value)) == canonical(value)
    assert fold(fold(value)) == fold(value)


@given(text)
def test_folding_ignores_composition_and_tone_placement(value):
    assert fold(unicodedata.normalize("NFD", value)) == fold(value)
    assert fold(canonical(value)) == fold(value)


@given(text)
def test_tokens_point_into_the_text(value):
    normal = nfc(value)
    for token in tokenize(value):
        assert 0 <= token.start < token.end <= len(normal)


@given(text)
def test_the_query_parser_never_raises(value):
    parsed = q.parse(value)
    assert len(parsed.text) <= q.MAX_CHARS
    assert len(parsed.required) + len(parsed.excluded) <= q.MAX_CLAUSES + 1


HOSTILE = [
    "\x00",
    "%00",
    "%ff%fe%",
    "%",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}{% debug %}",
    "' OR 1=1 --",
    "'; DROP TABLE archive_event; --",
    "a" * 100_000,
    "(" * 2000,
    "NOT AND ",
    "ANDNOT " * 1000,
    "\u202e\u200b\ufeff",
    "😀" * 50,
]


@pytest.fixture
def indexed_site(loaded_archive):
    from archive.search import get_backend
    from archive.search.indexing import all_documents

    get_backend().rebuild(all_documents())


URLS = [
    "/search/?q={v}",
    "/search/?q=quoc&year={v}",
    "/search/?q=quoc&person={v}&organisation={v}&kind={v}&award_kind={v}&type={v}",
    "/search/?q={v}&date_from={v}&date_to={v}&sort={v}&page={v}",
    "/events/?year={v}&province={v}&page={v}",
    "/search/names/?q={v}",
    "/people/{v}/",
    "/years/{v}/",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_in_every_public_url(client, indexed_site, value):
    for pattern in URLS:
        url = pattern.format(v=quote(value, safe="%"))
        response = client.get(url)
        assert response.status_code < 500, url
        html = response.content.decode("utf-8", "replace")
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=text)
def test_random_strings_in_search_and_filters(client, indexed_site, value):
    response = client.get("/search/", {"q": value, "year": value[:8], "page": value[:3]})
    assert response.status_code == 200
    assert search(value).total >= 0
