"""Phrasings met on fresh real reports, written here as short variants of each class."""

import pytest

from archive.ingest.parser import parse_text, province_of_address

CHAIR = "Đồng chí Trần Văn Nam, Chủ tịch UBND huyện chủ trì. "


def event(text):
    return parse_text(text).events[0]


@pytest.mark.parametrize(
    "text",
    [
        "Chiều 20/12, xã Hòa Phong tổ chức gặp mặt kỷ niệm 80 năm Ngày thành lập Quân đội; "
        "tổng kết công tác quốc phòng, quân sự địa phương năm 2024 và phương hướng năm 2025.",
        "Sáng 19/12, phường Tân Lập tổ chức dâng hương tại nhà bia liệt sĩ, tổng kết nhiệm vụ "
        "quân sự năm 2024. Năm 2024, phường hoàn thành các chỉ tiêu được giao.",
    ],
)
def test_a_review_listed_among_what_the_subject_holds_is_the_event(text):
    found = event(text)
    assert found.title.startswith("Tổng kết")
    assert (found.kind, found.period) == ("review", (2024, 2024))
    assert found.date.isoformat()[:4] == "2024"


@pytest.mark.parametrize(
    "narrative",
    [
        "Báo cáo tại Hội nghị cho biết: Năm 2023, lực lượng dân quân hoàn thành tốt nhiệm vụ.",
        "Ngày 25/11, UBND xã tổ chức Hội nghị tổng kết nhiệm vụ quân sự năm 2023 và triển "
        "khai nhiệm vụ năm 2024.",
    ],
)
def test_a_deployment_headline_over_a_review_of_the_past_year(narrative):
    text = (
        "title: Xã Hòa Bắc tổ chức Hội nghị triển khai nhiệm vụ quân sự năm 2024\n\n"
        f"Ngày 25/11, UBND xã Hòa Bắc họp.\n\n{narrative}\n\n{CHAIR}"
    )
    found = event(text)
    assert (found.kind, found.period) == ("review", (2023, 2023))
    assert found.date.isoformat() == "2023-11-25"


def test_a_meeting_drawing_lessons_from_exercises_reviews_them():
    found = event(
        "Sáng 12/10, Bộ Chỉ huy Quân sự tỉnh tổ chức Hội nghị rút kinh nghiệm diễn tập khu vực "
        "phòng thủ cấp huyện năm 2023. " + CHAIR
    )
    assert (found.kind, found.period, found.date.isoformat()) == (
        "review",
        (2023, 2023),
        "2023-10-12",
    )


def test_a_conference_announcing_decisions_reviews_no_period():
    found = event(
        "Ngày 9/1, Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị công bố các quyết định về công tác "
        "cán bộ. Thiếu tướng Lê Văn Hòa, Phó Tư lệnh Quân khu 5 phát biểu chỉ đạo. Các đơn vị "
        "chuẩn bị tốt công tác tuyển quân năm 2026."
    )
    assert found.title.startswith("Hội nghị công bố các quyết định")
    assert (found.kind, found.period) == ("other", None)


@pytest.mark.parametrize(
    "history",
    [
        "Ngày 19-8-1945, lực lượng tự vệ của tỉnh được thành lập.",
        "Từ đó, ngày 19-8 hằng năm là ngày truyền thống của lực lượng vũ trang tỉnh.",
    ],
)
def test_a_founding_day_or_an_annual_day_is_not_when_the_event_was_held(history):
    text = f" date 2024-08-20 Dự lễ có Thiếu tướng Lê Văn Hòa, Phó Tư lệnh Quân khu 5.\n\n{history}"
    assert event(text).date is None


def test_a_full_date_with_dashes_keeps_its_year():
    found = event(
        "Ngày 5-3-2024, UBND huyện tổ chức Hội nghị tổng kết công tác tuyển quân năm 2023. " + CHAIR
    )
    assert found.date.isoformat() == "2024-03-05"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://phuonghongha.halongcity.gov.vn/tin-tuc/1", "Quảng Ninh"),
        ("https://tintuc.buonmathuot.gov.vn/a", "Đắk Lắk"),
        ("https://baonhatrangcity.vn/b", "Khánh Hòa"),
    ],
)
def test_an_address_naming_a_city_of_the_province(url, expected):
    assert province_of_address(url) == expected


def awards(text):
    return [
        (a.kind, a.giver, a.collectives, a.individuals)
        for a in parse_text(
            "Sáng 10/12, UBND huyện tổ chức Hội nghị tổng kết công tác quân sự năm 2024. "
            + CHAIR
            + text
        )
        .events[0]
        .awards
    ]


def test_an_order_written_in_lower_case_given_to_a_named_force():
    assert awards(
        "Thừa ủy quyền của Chủ tịch nước, Thiếu tướng Lê Văn Hòa trao Huân chương chiến công "
        "hạng Ba tặng LLVT huyện Hòa Vang."
    ) == [("Huân chương chiến công hạng Ba", "Chủ tịch nước", 1, None)]


def test_a_title_conferred_on_a_named_force_ends_before_a_bracket():
    assert awards(
        "LLVT huyện được Đảng, Nhà nước phong tặng danh hiệu Anh hùng LLVT nhân dân (năm 2000)."
    ) == [("Anh hùng LLVT nhân dân", "Đảng, Nhà nước", 1, None)]


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Nhiều tập thể, cá nhân có thành tích xuất sắc đã được khen thưởng.", (None, None)),
        ("Dịp này, 6 tập thể và 9 cá nhân được khen thưởng.", (6, 9)),
    ],
)
def test_collectives_and_individuals_commended_with_no_giver(sentence, counts):
    assert awards(sentence) == [("Khen thưởng", "", *counts)]


def test_a_city_in_a_list_of_places_is_not_a_person():
    found = event(
        "Ngày 12/5/2023, Ban chỉ đạo diễn tập tỉnh tổ chức Hội nghị triển khai ý định diễn tập. "
        "Tham gia có các huyện Hồng Ngự, Lấp Vò, thành phố Sa Đéc và thành phố Tân Phước. " + CHAIR
    )
    assert [p.name for p in found.participants] == ["Trần Văn Nam"]


def test_abbreviated_posts_with_a_full_stop_end_no_sentence():
    # the people after an abbreviation keep the sentence's role (the titles are cut there still)
    found = event(
        "Sáng 20/11, UBND xã Hòa Ninh tổ chức Hội nghị tổng kết nhiệm vụ quân sự năm 2024. "
        "Tham dự có Đ/c Lê Văn Tư - PCT. HĐND xã; Đ/c Trần Văn Ba - CT. UBND xã cùng các "
        "đồng chí trưởng thôn."
    )
    assert [(p.name, p.roles) for p in found.participants] == [
        ("Lê Văn Tư", ["attended"]),
        ("Trần Văn Ba", ["attended"]),
    ]
