"""Awards written without a kind, in the headline, with a named collective, or as a sum."""

import pytest

from archive.ingest.parser import parse_text

LEAD = "Sáng 21/11, UBND huyện Núi Thành tổ chức Hội nghị tổng kết công tác quốc phòng năm 2024. "


def awards(text):
    return [
        (a.kind, a.giver, a.collectives, a.individuals) for a in parse_text(text).events[0].awards
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "UBND xã Ninh Hòa đã khen thưởng 3 tập thể và 8 cá nhân có thành tích xuất sắc.",
            ("Khen thưởng", "UBND xã Ninh Hòa", 3, 8),
        ),
        (
            "Dịp này, UBND quận biểu dương, khen thưởng 10 tập thể và 15 cá nhân.",
            ("Khen thưởng", "UBND quận", 10, 15),
        ),
        (
            "Bộ Tư lệnh Quân khu 7 khen thưởng 2 tập thể, 2 cá nhân, 2 gia đình tiêu biểu.",
            ("Khen thưởng", "Bộ Tư lệnh Quân khu 7", 2, 2),
        ),
        (
            "Sáng 5/12, UBND huyện Tiên Phước tổ chức tổng kết nhiệm vụ năm 2024; đồng thời khen "
            "thưởng cho 9 tập thể, 11 cá nhân.",
            ("Khen thưởng", "UBND huyện Tiên Phước", 9, 11),
        ),
    ],
)
def test_an_award_with_no_kind_is_khen_thuong_from_its_giver(sentence, expected):
    assert expected in awards(LEAD + sentence)


def test_a_named_collective_receiving_an_award_is_one_collective():
    text = LEAD + "Bộ CHQS tỉnh Phú Yên dẫn đầu phong trào, được Bộ Quốc phòng tặng Cờ thi đua."
    assert ("Cờ thi đua", "Bộ Quốc phòng", 1, None) in awards(text)


def test_the_headline_states_an_award_the_body_does_not():
    text = (
        "---\ntitle: Quận Hoàng Mai khen thưởng 12 tập thể, 40 cá nhân trong diễn tập\n---\n"
        "Quận ủy, UBND quận Hoàng Mai vừa tổng kết diễn tập khu vực phòng thủ năm 2023. "
        "Đồng chí Trần Văn Nam, Bí thư Quận ủy dự."
    )
    assert awards(text) == [("Khen thưởng", "Quận Hoàng Mai", 12, 40)]


def test_a_sum_before_the_classes_is_not_another_award():
    text = (
        LEAD + "Bộ CHQS tỉnh trao Huân chương Bảo vệ Tổ quốc tặng 3 cá nhân. Dịp này, thừa ủy "
        "quyền của Chủ tịch nước, Bộ CHQS tỉnh đã trao Huân chương Bảo vệ Tổ quốc hạng Nhì cho 1 "
        "cá nhân; 2 Huân chương Bảo vệ Tổ quốc hạng Ba cho 2 cá nhân."
    )
    assert awards(text) == [
        ("Huân chương Bảo vệ Tổ quốc hạng Nhì", "Chủ tịch nước", None, 1),
        ("Huân chương Bảo vệ Tổ quốc hạng Ba", "Chủ tịch nước", None, 2),
    ]


def test_a_sum_of_collectives_and_individuals_counts_as_neither():
    text = LEAD + "UBND huyện khen thưởng 25 tập thể và cá nhân có thành tích xuất sắc."
    assert awards(text) == [("Khen thưởng", "UBND huyện", None, None)]
