"""One contract, two backends: every case runs on Whoosh and on PostgreSQL."""

import re
from html import unescape

import pytest

from archive.search import FEW as FEW_RESULTS
from archive.search import autocomplete, get_backend, search, suggest
from archive.search import query as q
from archive.search.backends.base import FACETS, Filters
from tests.factories import ArticleFactory, PersonFactory


def ids(results):
    return [(hit.type, hit.id) for hit in results.hits]


def titles(results):
    return [hit.title for hit in results.hits]


def plain(html):
    return unescape(re.sub(r"<[^>]+>", "", str(html)))


def test_unaccented_query_finds_accented_text(indexed):
    results = search("quoc phong", filters=Filters(values={"type": "event"}), per_page=50)
    assert results.total == 5
    assert all("quốc phòng" in plain(h.snippet).lower() for h in results.hits)
    assert search("dang binh").hits[0].title == "Nguyễn Đăng Bình"


def test_d_stroke_folds_to_d(indexed):
    assert "Nguyễn Đăng Bình" in titles(search("nguyen dang binh"))
    assert "Đỗ Văn Tuấn" in titles(search("do van tuan"))


def test_tone_mark_placements_are_one_word(indexed):
    assert ids(search("Tỉnh uỷ", per_page=50)) == ids(search("Tỉnh ủy", per_page=50))
    assert search("Tỉnh uỷ").total > 0


def test_decomposed_query_is_the_same_query(indexed):
    import unicodedata

    query = "Nguyễn Đăng Bình"
    assert ids(search(unicodedata.normalize("NFD", query))) == ids(search(query))


def test_exact_diacritics_rank_first(indexed, backend_name):
    PersonFactory(full_name="Trần Văn Bính")
    PersonFactory(full_name="Trần Văn Bình")
    indexed()
    assert search("Trần Văn Bình").hits[0].title == "Trần Văn Bình"
    assert search("Trần Văn Bính").hits[0].title == "Trần Văn Bính"
    unaccented = titles(search("tran van binh"))
    assert {"Trần Văn Bình", "Trần Văn Bính"} <= set(unaccented)


def test_quoted_phrase_needs_the_syllables_in_order(indexed):
    ArticleFactory(
        key="scattered", title="Báo cáo", text="khu dân cư, vực sâu, phòng thủ biên giới"
    )
    indexed()
    phrase = search('"khu vực phòng thủ"', per_page=50)
    loose = search("khu vực phòng thủ", per_page=50)
    assert phrase.total > 0
    assert ("article", _pk("scattered")) in ids(loose)
    assert ("article", _pk("scattered")) not in ids(phrase)


def test_no_room_for_hits_still_counts_them(indexed):
    found = get_backend().search(q.parse("quốc phòng"), limit=0)
    assert found.total > 0
    assert found.matches == []


def test_phrases_of_every_length_need_each_syllable_in_its_place(indexed):
    ArticleFactory(key="in-order", title="Tin", text="Ban chỉ huy quân sự huyện tổ chức diễn tập.")
    ArticleFactory(
        key="shuffled", title="Tin", text="Quân sự huyện có ban chỉ huy, huy quân lính, sự vụ."
    )
    indexed()
    in_order, shuffled = ("article", _pk("in-order")), ("article", _pk("shuffled"))
    both = ('"quân sự"', '"ban chỉ huy"', '"quan su huyen"')
    for phrase in both:
        assert {in_order, shuffled} <= set(ids(search(phrase, per_page=50))), phrase
    only = (
        '"huy quân sự"',
        '"chỉ huy quân sự"',
        '"chi huy quan su huyen"',
        '"ban chỉ huy quân sự huyện tổ"',
    )
    for phrase in only:
        found = ids(search(phrase, per_page=50))
        assert in_order in found, phrase
        assert shuffled not in found, phrase
    for phrase in ('"huyện quân"', '"huy huy quân sự"', '"sự huyện có ban chỉ huy quân"'):
        assert not {in_order, shuffled} & set(ids(search(phrase, per_page=50))), phrase


def test_adjacent_words_rank_above_scattered_ones(indexed):
    ArticleFactory(key="apart", title="Thông báo", text="Phòng họp ở đây. Còn thủ tục ở kia.")
    ArticleFactory(key="together", title="Thông báo", text="Khu vực phòng thủ được xây dựng.")
    indexed()
    found = ids(search("phòng thủ", filters=Filters(values={"type": "article"}), per_page=50))
    assert found.index(("article", _pk("together"))) < found.index(("article", _pk("apart")))


def test_syllables_across_a_word_boundary_are_not_a_phrase(indexed):
    """ "vị tiên" is not a word of "Đơn vị tiên tiến": no adjacency bonus for it there."""
    ArticleFactory(key="boundary", title="Tin", text="Đơn vị tiên tiến được khen thưởng.")
    ArticleFactory(
        key="separate", title="Tin", text="Giữ vị trí tiên phong, khẳng định vị thế tiên phong."
    )
    indexed()
    found = ids(search("vị tiên", filters=Filters(values={"type": "article"}), per_page=50))
    assert found.index(("article", _pk("separate"))) < found.index(("article", _pk("boundary")))


def _pk(key):
    from archive.models import Article

    return Article.objects.get(key=key).pk


@pytest.mark.parametrize(
    ("short", "long"),
    [("UBND", "Ủy ban nhân dân"), ("DQTV", "dân quân tự vệ"), ("HĐND", "hội đồng nhân dân")],
)
def test_abbreviations_and_expansions_find_each_other(indexed, short, long):
    ArticleFactory(key="only-long", title="Tin", text=f"Đại diện {long} tỉnh dự họp.")
    ArticleFactory(key="only-short", title="Tin", text=f"Đại diện {short} tỉnh dự họp.")
    indexed()
    for query in (short, long):
        found = ids(search(query, filters=Filters(values={"type": "article"}), per_page=50))
        assert ("article", _pk("only-long")) in found, query
        assert ("article", _pk("only-short")) in found, query


@pytest.mark.parametrize("query", ["21/2019/NĐ-CP", "21/2019", "21/2019/nd-cp"])
def test_codes_are_findable_whole_and_by_their_start(indexed, query):
    assert "Hội nghị tổng kết giai đoạn 2019 - 2024" in titles(search(query))


def test_phrases_run_through_codes_and_numbers(indexed):
    """A code's syllables keep their places: a phrase reads through it, as through the text."""
    ArticleFactory(
        key="decree",
        title="Tin",
        text="Thực hiện Nghị định số 21/2019/NĐ-CP ngày 29/3/2019, tỉnh tuyển 9.000 tân binh.",
    )
    indexed()
    article = ("article", _pk("decree"))
    for phrase in ('"nghị định số 21"', '"nd cp ngay 29"', '"2019 tinh tuyen 9"', '"000 tân binh"'):
        assert article in ids(search(phrase, per_page=50)), phrase
    for scattered in ('"số 2019"', '"ngày 9000"', '"tuyen 9000 tan"'):
        assert article not in ids(search(scattered, per_page=50)), scattered
    assert article in ids(search("9000", per_page=50))


def test_military_region_spellings_agree(indexed):
    expected = ids(search("Quân khu 1", per_page=50))
    assert expected
    assert ids(search("QK1", per_page=50)) == expected
    assert ids(search("Quân khu I", per_page=50)) == expected


def test_prefix_and_autocomplete(indexed):
    assert "Nguyễn Đăng Bình" in titles(search("Nguy*", per_page=50))
    names = [name for name, _url in autocomplete("Nguyễn Đ")]
    assert names[0] == "Nguyễn Đăng Bình"
    assert "Nguyễn Hồng Thái" not in names


def test_short_prefix_alone_is_refused(indexed):
    assert search("N*").total == 0
    assert autocomplete("N") == []


def test_misspelt_or_unaccented_name_gets_a_suggestion(indexed):
    assert search("Nguyen Hong Tai").suggestion == "Nguyễn Hồng Thái"
    assert search("Nguyễn Hồng Thái").suggestion is None


def test_or_and_exclusion(indexed):
    either = ids(search("Hàm OR Tuấn", per_page=50))
    assert set(ids(search("Hàm", per_page=50))) | set(ids(search("Tuấn", per_page=50))) == set(
        either
    )
    without = ids(search("quốc phòng -sơ", per_page=50))
    assert without and not set(without) & set(ids(search("quốc phòng sơ", per_page=50)))


def test_hits_say_what_they_are_and_where_they_come_from(indexed):
    from archive.models import Event

    event = Event.objects.get(title__startswith="Hội nghị sơ kết")
    hit = next(h for h in search("sơ kết", per_page=50).hits if h.type == "event")
    assert hit.url == event.get_absolute_url()
    assert hit.article_ids == [a.pk for a in event.articles.all()]


def test_facets_count_and_filters_narrow(indexed):
    results = search("quoc phong", facets=("type", "year", "person"), per_page=50)
    counts = dict(results.facets["type"])
    assert counts["event"] == sum(
        1 for h in search("quoc phong", per_page=50).hits if h.type == "event"
    )
    only_events = search("quoc phong", filters=Filters(values={"type": "event"}), per_page=50)
    assert only_events.total == counts["event"]
    assert {h.type for h in only_events.hits} == {"event"}
    by_person = search(
        "quoc phong", filters=Filters(values={"person": "nguyen-dang-binh", "type": "event"})
    )
    assert by_person.total == 3


def test_date_range_and_sort_by_date(indexed):
    dated = search("hội nghị", filters=Filters(values={"type": "event"}), sort="date", per_page=50)
    dates = [h.date for h in dated.hits if h.date]
    assert dates == sorted(dates, reverse=True)
    recent = search("hội nghị", filters=Filters(date_from="2024-01-01", values={"type": "event"}))
    assert recent.total == 2


def test_pagination_is_stable(indexed):
    all_hits = ids(search("quoc phong", per_page=50))
    pages = ids(search("quoc phong", page=1, per_page=5)) + ids(
        search("quoc phong", page=2, per_page=5)
    )
    assert pages == all_hits[:10]


HOSTILE = [
    "",
    "   ",
    "NOT AND ",
    "ANDNOT " * 1000,
    "(" * 2000,
    '"unbalanced',
    '""',
    "OR",
    "-",
    "- - -",
    "*",
    "*abc",
    "a" * 10000,
    "\x00\x01\x02 quốc phòng",
    "'; DROP TABLE archive_article; --",
    "{{ settings.SECRET_KEY }}",
    "<script>alert(1)</script>",
    "%ff%fe",
    "quốc:phòng [a TO z] ~2 ^3",
    "&|!<->():*",
    "\\' \\\\ ''",
    "🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "quân -abc,def",
    "-21/2019/NĐ-CP quốc",
    "x" * 3000 + " quốc phòng",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_raises(indexed, query):
    results = search(query, facets=("type",))
    assert results.total >= 0
    assert all("<script>" not in str(h.snippet) for h in results.hits)


def test_snippets_escape_html_and_mark_folded_matches(indexed):
    ArticleFactory(
        key="html",
        title="<b>Tin</b>",
        text="Mở đầu. <script>alert(1)</script> quốc phòng toàn dân.",
    )
    indexed()
    [hit] = [h for h in search("quoc phong <script>", per_page=50).hits if h.type == "article"] or [
        h for h in search("quoc phong", per_page=50).hits if h.id == _pk("html")
    ]
    snippet = str(hit.snippet)
    assert "<script>" not in snippet
    assert "<mark>quốc</mark> <mark>phòng</mark>" in snippet
    assert "&lt;b&gt;" in str(hit.title_html) or "<b>" not in str(hit.title_html)


def test_each_facet_count_is_what_filtering_by_it_finds(indexed):
    faceted = search("hội nghị", facets=FACETS)
    assert faceted.total == search("hội nghị").total > 0
    for name in FACETS:
        assert faceted.facets[name], name
        for value, count in faceted.facets[name][:3]:
            narrowed = search("hội nghị", filters=Filters(values={name: value}))
            assert narrowed.total == count, (name, value)


def test_one_result_per_report(indexed):
    from archive.models import Article

    hits = search("quốc phòng", per_page=50).hits
    reported = set(Article.objects.exclude(events=None).values_list("pk", flat=True))
    assert reported, "the fixture reports events"
    assert not [h for h in hits if h.type == "article" and h.id in reported]
    events = [h for h in hits if h.type == "event"]
    assert {pk for h in events for pk in h.article_ids} == reported
    assert not [h for h in hits if h.type == "award"]


def test_a_report_of_no_event_is_a_hit_of_its_own(indexed):
    article = ArticleFactory(key="no-event", title="Tin vắn", text="Công tác quốc phòng toàn dân.")
    indexed()
    assert ("article", article.pk) in ids(search("quốc phòng", per_page=50))


def test_no_suggestion_when_filters_narrow_a_common_word(indexed):
    narrowed = search("Nguyen Hong Tai", filters=Filters(values={"province": "Nowhere"}))
    assert narrowed.total == 0
    # The words alone find little either: the suggestion stands under filters too.
    assert narrowed.suggestion == "Nguyễn Hồng Thái"
    # "Nguyễn Hồng" is close to a known name, and alone it finds plenty.
    assert search("Nguyễn Hồng").total >= FEW_RESULTS
    assert suggest("Nguyễn Hồng") == "Nguyễn Hồng Thái"
    common = search("Nguyễn Hồng", filters=Filters(values={"province": "Nowhere"}))
    assert common.total == 0
    assert common.suggestion is None


@pytest.mark.parametrize("typed", [*HOSTILE, "\ufffd\ufffd%", "ab.c", "[x", "}{ ab", "a\\b"])
def test_hostile_autocomplete_never_raises(indexed, typed):
    assert all(isinstance(name, str) for name, _url in autocomplete(typed))


# --- Filters alone are a search -----------------------------------------------------------------


def newest_first(results):
    dates = [h.date for h in results.hits]
    dated = [d for d in dates if d]
    return dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated


def test_filters_alone_list_what_they_select_newest_first(indexed):
    import datetime as dt

    from archive.models import Event
    from tests.factories import EventFactory

    # 63 provinces hold the same conference each year: the filters tell them apart.
    for year, province in [(2021, "Bắc Kạn"), (2024, "Bắc Kạn"), (2023, "Cà Mau"), (2022, "")]:
        EventFactory(
            title="Hội nghị tổng kết công tác quốc phòng địa phương",
            province=province,
            date_held=dt.date(year, 12, 1),
            date_precision=Event.Precision.DAY,
        )
    EventFactory(title="Hội nghị tổng kết công tác quốc phòng địa phương", date_held=None)
    indexed()
    provinces = set(Event.objects.exclude(province="").values_list("province", flat=True))
    assert len(provinces) > 1
    for province in provinces:
        results = search("", filters=Filters(values={"type": "event", "province": province}))
        expected = Event.objects.filter(province=province)
        assert results.total == expected.count(), province
        assert {h.id for h in results.hits} == set(expected.values_list("pk", flat=True))
        assert {h.province for h in results.hits} == {province}
        assert newest_first(results)
        assert results.message == "" and results.suggestion is None


def test_filters_alone_count_facets(indexed):
    results = search("", filters=Filters(values={"type": "event"}), facets=FACETS, per_page=50)
    assert results.total > 1
    assert dict(results.facets["type"]) == {"event": results.total}
    for value, count in results.facets["province"]:
        narrowed = search("", filters=Filters(values={"type": "event", "province": value}))
        assert narrowed.total == count, value


def test_the_events_of_an_official_and_of_an_award_kind(indexed):
    from archive.models import Award, Event

    person = Filters(values={"type": "event", "person": "nguyen-dang-binh"})
    expected = Event.objects.filter(participations__person__slug="nguyen-dang-binh").distinct()
    assert expected.count() > 1
    found = search("", filters=person, per_page=50)
    assert sorted(h.id for h in found.hits) == sorted(expected.values_list("pk", flat=True))
    assert newest_first(found)
    kinds = set(Award.objects.values_list("category", flat=True))
    assert kinds
    for kind in kinds:
        events = Event.objects.filter(awards__category=kind).distinct()
        assert search("", filters=Filters(values={"award_kind": kind})).total == events.count()


def test_a_date_range_alone_is_a_search(indexed):
    from archive.models import Event

    dates = sorted(Event.objects.exclude(date_held=None).values_list("date_held", flat=True))
    low, high = dates[0].isoformat(), dates[len(dates) // 2].isoformat()
    found = search("", filters=Filters(values={"type": "event"}, date_from=low, date_to=high))
    expected = Event.objects.filter(date_held__gte=low, date_held__lte=high).count()
    assert 0 < found.total == expected


@pytest.mark.parametrize("nothing", ["", "   ", None])
def test_neither_words_nor_filters_find_nothing(indexed, nothing):
    for filters in (None, Filters(), Filters(values={"province": ""})):
        results = search(nothing, filters=filters, facets=FACETS)
        assert (results.total, results.hits, results.message) == (0, [], "empty")


def test_event_hits_carry_their_province_and_date(indexed):
    from archive.models import Event

    hits = search("hội nghị", filters=Filters(values={"type": "event"}), per_page=50).hits
    assert hits
    for hit in hits:
        event = Event.objects.get(pk=hit.id)
        assert (hit.province, hit.date) == (event.province, event.date_held)
        assert hit.as_json()["province"] == event.province


# --- Did you mean: names held per index ----------------------------------------------------------


def test_known_names_are_read_again_only_when_the_index_changed(indexed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert search("Nguyen Hong Tai").suggestion == "Nguyễn Hồng Thái"
    with CaptureQueriesContext(connection) as queries:
        assert search("Nguyen Hong Tia").suggestion == "Nguyễn Hồng Thái"
    assert not [q for q in queries if "archive_person" in q["sql"]]
    PersonFactory(full_name="Lường Thị Khuyên")
    indexed()  # the index changed: its names are read again
    assert suggest("Luong Thi Khuyen") == "Lường Thị Khuyên"
