"""The parser against extractions written out by hand from the text."""

import json
from datetime import date, datetime

import pytest

from archive.ingest.dates import find_period, resolve_year
from archive.ingest.figures import find_figures
from archive.ingest.parser import ParseError, parse_text
from devtools.comparison import differences
from tests.conftest import ARTICLES, EXPECTED

FIXTURE_NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def extract(path):
    return parse_text(path.read_text(encoding="utf-8"), name=path.name).to_json()


@pytest.mark.parametrize("stem", FIXTURE_NAMES)
def test_fixture_article_matches_hand_written_extraction(stem):
    expected = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    assert differences(expected, extract(ARTICLES / f"{stem}.txt")) == []


def test_every_fixture_article_has_a_hand_written_extraction():
    assert FIXTURE_NAMES
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == FIXTURE_NAMES


@pytest.mark.parametrize("stem", FIXTURE_NAMES)
def test_bare_text_reads_like_the_fixture(stem):
    """The same article without its header parses to the same event."""
    text = (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    with_header = parse_text(text).to_json()["events"]
    bare = parse_text(body).to_json()["events"]
    assert [e["participants"] for e in bare] == [e["participants"] for e in with_header]
    assert [e["awards"] for e in bare] == [e["awards"] for e in with_header]


def test_comparison_reports_a_wrong_role():
    """The comparison used above is not blind: it sees a changed role."""
    stem = FIXTURE_NAMES[0]
    expected = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    actual = extract(ARTICLES / f"{stem}.txt")
    actual["events"][0]["participants"][0]["roles"] = ["spoke"]
    assert any("roles" in line for line in differences(expected, actual))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Năm 2023, tỉnh hoàn thành tốt", ((2023, 2023), "")),
        ("sơ kết giai đoạn 2009 - 2019", ((2009, 2019), "")),
        ("Trong 5 năm (2019 – 2024), cấp ủy", ((2019, 2024), "")),
        ("kết quả 06 tháng đầu năm 2024", ((2024, 2024), "06 tháng đầu năm 2024")),
        ("triển khai nhiệm vụ năm 2025", None),
    ],
)
def test_period_reviewed(text, period):
    assert find_period(text) == period


def test_january_date_reviewing_last_year_falls_in_the_next_year():
    assert resolve_year(9, 1, period=(2023, 2023)) == 2024
    assert resolve_year(5, 12, period=(2024, 2024)) == 2024


def test_date_takes_the_year_of_the_published_date_never_after_it():
    assert resolve_year(26, 9, published=datetime(2019, 9, 27)) == 2019
    assert resolve_year(28, 12, published=datetime(2020, 1, 3)) == 2019


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("giáo dục cho gần 9.000 học sinh, sinh viên", 9000, "học sinh", "gần"),
        ("thu hút hơn 52.000 lượt người tham gia", 52000, "lượt người", "hơn"),
        ("huấn luyện 1,5 nghìn người", 1500, "người", ""),
        ("diện tích 2,5 ha rừng", 2.5, "ha", ""),
    ],
)
def test_vietnamese_number_format(sentence, value, unit, qualifier):
    [figure] = find_figures(sentence)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    ["theo Nghị định số 21/2019/NĐ-CP", "lãnh đạo của 6 tỉnh", "đạt 100% kế hoạch", "Qua 10 năm"],
)
def test_not_figures(sentence):
    assert find_figures(sentence) == []


def test_text_with_no_event_is_refused():
    text = "Thời tiết hôm nay nắng đẹp. " * 10
    with pytest.raises(ParseError):
        parse_text(text)


def test_decomposed_text_parses_like_composed():
    import unicodedata

    path = ARTICLES / f"{FIXTURE_NAMES[2]}.txt"
    text = path.read_text(encoding="utf-8")
    composed = parse_text(text).to_json()
    decomposed = parse_text(unicodedata.normalize("NFD", text)).to_json()
    assert decomposed["events"] == composed["events"]


def test_event_date_is_a_date():
    parsed = parse_text((ARTICLES / f"{FIXTURE_NAMES[1]}.txt").read_text(encoding="utf-8"))
    assert parsed.events[0].date == date(2024, 1, 9)


HAND_WRITTEN = sorted(
    path for folder in ("samples", "heldout") for path in (EXPECTED.parent / folder).glob("*.txt")
)


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_unseen_genre_report_matches_hand_written_extraction(path):
    """Reports written for these tests by other hands (other provinces, ranks, phrasings)."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert differences(expected, extract(path)) == []


def test_there_are_unseen_genre_reports():
    assert len(HAND_WRITTEN) >= 15
