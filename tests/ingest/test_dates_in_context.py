"""A day and month without a year take the year from the text's own context."""

from datetime import date, datetime

import pytest

from archive.ingest.dates import resolve_year
from archive.ingest.layout import read_layout
from archive.ingest.parser import parse_text

CHAIR = "Đồng chí Trần Văn Nam, Chủ tịch UBND tỉnh chủ trì hội nghị. "


def held(text):
    return parse_text(text).events[0].date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the index stamp before the text fixes the year (not today's)
        (
            " date 2021-12 Chiều 15/12, UBND tỉnh Phú Yên tổ chức hội nghị triển khai nhiệm vụ "
            "quốc phòng năm 2022. " + CHAIR,
            date(2021, 12, 15),
        ),
        (
            " date 2019-01 Sáng 10/1, UBND tỉnh Hà Nam tổ chức hội nghị triển khai nhiệm vụ năm "
            "2019. " + CHAIR,
            date(2019, 1, 10),
        ),
        # a ceremony's year named in the same sentence
        (
            "Sáng 7/2, huyện Yên Thành tổ chức Lễ giao, nhận quân năm 2023. " + CHAIR,
            date(2023, 2, 7),
        ),
        (
            "Ngày 27/2, tỉnh Bình Phước tổ chức lễ giao nhận quân thực hiện nghĩa vụ quân sự năm "
            "2024. " + CHAIR,
            date(2024, 2, 27),
        ),
        # a two-day exercise: its first day
        (
            "Trong 2 ngày 22 và 23-9, huyện Gò Công tổ chức diễn tập khu vực phòng thủ năm 2022. "
            + CHAIR,
            date(2022, 9, 22),
        ),
        # an anniversary: the latest year named, not the founding year
        (
            "Chiều 21-12, Bộ CHQS tỉnh tổ chức kỷ niệm 79 năm Ngày thành lập Quân đội "
            "(22-12-1944/22-12-2023) và Hội nghị tổng kết. " + CHAIR,
            date(2023, 12, 21),
        ),
    ],
)
def test_year_from_the_texts_context(text, expected):
    assert held(text) == expected


def test_no_year_anywhere_gives_no_date():
    text = "Sáng 7/2, huyện Yên Thành tổ chức lễ giao nhận quân. " + CHAIR * 2
    assert held(text) is None


def test_a_half_year_review_ends_in_june():
    assert resolve_year(21, 6, period=(2024, 2024), end_month=6) == 2024
    assert resolve_year(15, 7, period=(2023, 2023), end_month=6) == 2023
    assert resolve_year(9, 1, period=(2023, 2023)) == 2024


def test_a_stamp_is_not_after_the_date():
    assert resolve_year(31, 12, published=date(2025, 12, 31)) == 2025


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (
            ["Lễ giao nhận quân năm 2024", "13:06, 25/02/2024", "Tại xã X, đồng chí A dự lễ."],
            datetime(2024, 2, 25, 13, 6),
        ),
        (["17:16 28/06/2023 Sáng 28-6, Bộ CHQS tổ chức hội nghị."], datetime(2023, 6, 28, 17, 16)),
        (
            ["Tiêu đề bài", "18/04/2023 21:13", "Phát biểu tại buổi làm việc."],
            datetime(2023, 4, 18, 21, 13),
        ),
        (
            ["Tiêu đề bài", "(22/01/2024)", "Ngày 18/01, Bộ CHQS tỉnh phát động."],
            datetime(2024, 1, 22),
        ),
        (
            ["Tiêu đề", "TRUNG THỰC - GIANG BIÊN 22/11/2024 08:30", "Sáng 21/11, huyện tổng kết."],
            datetime(2024, 11, 22, 8, 30),
        ),
    ],
)
def test_a_pages_time_stamp_is_the_published_date(lines, published):
    layout = read_layout("\n\n".join(lines))
    assert layout.published == published
    assert not any("/20" in p for p in layout.paragraphs[-1:])


def test_a_date_opening_a_sentence_is_not_a_time_stamp():
    layout = read_layout("Tiêu đề\n\n28/6/2023 là ngày diễn ra hội nghị tổng kết của tỉnh.")
    assert layout.published is None


def test_index_stamp_is_no_published_date():
    layout = read_layout(" date 2024-06 Ngày 21/6, Bộ CHQS tỉnh tổ chức hội nghị.")
    assert (layout.published, layout.index_date) == (None, date(2024, 6, 30))
    assert layout.paragraphs == ["Ngày 21/6, Bộ CHQS tỉnh tổ chức hội nghị."]
