"""The province a report is about, when the text names it only in passing or not at all."""

import pytest

from archive.ingest.parser import parse_text, province_of_address

BODY = (
    "Sáng 9/12, UBND xã tổ chức Hội nghị tổng kết công tác quốc phòng năm 2025. "
    "Đồng chí Trần Văn Nam, Chủ tịch UBND xã chủ trì hội nghị."
)


def province(text):
    return parse_text(text).events[0].province


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://dinhlap.langson.gov.vn/bm/print/1", "Lạng Sơn"),
        ("https://baoquangnam.vn/print/1.html", "Quảng Nam"),
        ("https://krongpac.daklak.gov.vn/a.html", "Đắk Lắk"),
        ("https://baobariavungtau.com.vn/chinh-tri/1/", "Bà Rịa – Vũng Tàu"),
        ("https://tienphong.vn/a-1.tpo", None),
        ("https://www.qdnd.vn/quoc-phong-an-ninh/tin-tuc/lang-son-1", None),
    ],
)
def test_the_source_address_names_the_province(url, expected):
    assert province_of_address(url) == expected


def test_the_address_is_used_only_when_the_text_names_no_province():
    header = "source: https://sontay.quangngai.gov.vn/tin/1.html\ntitle: (none)\nexcerpt: yes\n\n"
    assert province(header + BODY) == "Quảng Ngãi"
    assert province(header + BODY + " Tỉnh Gia Lai đã hoàn thành.") == "Gia Lai"


@pytest.mark.parametrize(
    "lookalike",
    [
        "xã Tây Ninh Hòa đã hoàn thành chỉ tiêu",
        "huyện Bình Định tổng kết",
        "Bộ Tư lệnh Bảo vệ Lăng Chủ tịch Hồ Chí Minh tiếp nhận tân binh",
    ],
)
def test_province_lookalikes_are_not_the_province(lookalike):
    assert province(BODY + " " + lookalike.capitalize() + ".") is None


def test_a_city_named_as_such_counts():
    assert province(BODY + " Bộ Tư lệnh Thành phố Hồ Chí Minh dự.") == "Hồ Chí Minh"
