"""What the Tantivy backend compiles: faster forms of a query must find and score the same."""

import pytest
import tantivy

from archive.search import get_backend
from archive.search import query as q
from archive.search.backends import tantivy_backend as tb
from archive.search.indexing import all_documents


@pytest.fixture
def searcher(settings, loaded_archive):
    settings.ARCHIVE_SEARCH_BACKEND = "tantivy"
    backend = get_backend()
    backend.rebuild(all_documents())
    return backend.searcher()


def ranked(searcher, query):
    found = searcher.search(query, limit=50, count=True)
    return found.count, [(address, round(score, 4)) for score, address in found.hits]


@pytest.mark.parametrize(
    "text",
    [
        "Bộ Chỉ huy Quân sự tỉnh",
        "chỉ huy trưởng",
        "quốc phòng",
        "Bằng khen tỉnh",
        "Hội nghị -tổng",
        "UBND tỉnh",
    ],
)
def test_exact_forms_as_optional_clauses_score_as_nested_ones(searcher, text):
    """compile_query lifts a typed word's exact form out of its required clause."""
    parsed = q.parse(text)
    nested = [(tb.MUST, tb.compile_node(node)) for node in parsed.required]
    nested += [(tb.MUST_NOT, tb.compile_node(node)) for node in parsed.excluded]
    for pair in parsed.adjacent_pairs():
        adjacent = tb.weighted("pairs", lambda name, p=pair: tb.term(name, p), tb.ADJACENCY_BONUS)
        nested.append((tb.SHOULD, adjacent))
    expected = ranked(searcher, tantivy.Query.boolean_query(nested))
    assert expected[0] > 0
    assert ranked(searcher, tb.compile_query(parsed)) == expected


@pytest.mark.parametrize("words", [3, 4, 5, 6, 7])
def test_a_long_phrase_reads_bigrams_covering_every_word(words):
    syllables = [f"s{index}" for index in range(words)]
    bigrams = tb.bigram_phrase(syllables)
    covered = {offset + k for offset, _bigram in bigrams for k in (0, 1)}
    assert covered == set(range(words))
    assert all(bigram == f"s{offset}_s{offset + 1}" for offset, bigram in bigrams)
