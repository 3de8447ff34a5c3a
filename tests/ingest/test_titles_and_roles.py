"""Titles and roles in the phrasings of real reports, each class with sentences of its own.

The sentences are written for these tests in the genre's manner; none is copied from a report.
"""

import pytest

from archive.ingest.people import find_participants


def people(*sentences):
    return {p.name: (p.titles, p.roles) for p in find_participants(list(sentences))}


def titles(*sentences):
    return {name: found for name, (found, _roles) in people(*sentences).items()}


def roles(*sentences):
    return {name: found for name, (_titles, found) in people(*sentences).items()}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # titles split by spaced dashes, as by commas
        (
            "Ông Lê Văn Hòa – Phó Bí thư Tỉnh ủy – Chủ tịch UBND tỉnh – Trưởng Ban Chỉ đạo "
            "diễn tập tỉnh chủ trì.",
            ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Trưởng Ban Chỉ đạo diễn tập tỉnh"],
        ),
        (
            "Đồng chí Trần Văn Bình - Ủy viên Ban Thường vụ Huyện ủy - Chỉ huy trưởng Ban CHQS "
            "huyện phát biểu.",
            ["Ủy viên Ban Thường vụ Huyện ủy", "Chỉ huy trưởng Ban CHQS huyện"],
        ),
        # a dash inside a unit's or a place's name is not a separator
        (
            "Dự có Thiếu tá Phạm Văn Long – Trợ lý Ban Tác chiến, Phòng thủ Khu vực 2 - Ngọc Hồi.",
            ["Trợ lý Ban Tác chiến, Phòng thủ Khu vực 2 - Ngọc Hồi"],
        ),
        (
            "Dự có đồng chí Võ Thị Lan – Giám đốc Công an tỉnh Bà Rịa - Vũng Tàu.",
            ["Giám đốc Công an tỉnh Bà Rịa - Vũng Tàu"],
        ),
        # no space after the comma
        (
            "Đại tá Nguyễn Minh Tâm,Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng chủ trì.",
            ["Ủy viên Ban Thường vụ Tỉnh ủy", "Chỉ huy trưởng"],
        ),
        # a body after a comma completes the title before it
        (
            "Tham dự có Thiếu tướng Lê Văn Hải - Phó Tư lệnh, Quân khu 5; lãnh đạo các sở.",
            ["Phó Tư lệnh, Quân khu 5"],
        ),
        (
            "Đại tá Hoàng Văn Sơn, Chính ủy, Chủ tịch Hội đồng thi đua, khen thưởng Bộ CHQS "
            "tỉnh chủ trì lễ.",
            ["Chính ủy", "Chủ tịch Hội đồng thi đua, khen thưởng Bộ CHQS tỉnh"],
        ),
        # "và" inside a department's name
        (
            "Dự có đồng chí Đỗ Văn Nam, Phó Giám đốc Sở Tài nguyên và Môi trường.",
            ["Phó Giám đốc Sở Tài nguyên và Môi trường"],
        ),
        # a committee named by its task
        (
            "Đồng chí Hà Văn Tú, Trưởng Ban tổ chức Huyện ủy dự hội nghị.",
            ["Trưởng Ban tổ chức Huyện ủy"],
        ),
    ],
)
def test_titles_after_a_name(sentence, expected):
    (found,) = titles(sentence).values()
    assert found == expected


def test_a_title_list_ends_where_the_sentence_subject_begins():
    sentence = (
        "Sáng 5/1, dưới sự chủ trì của Đại tá Bùi Văn Hưng, Chỉ huy trưởng, Ban CHQS huyện "
        "tổ chức Hội nghị tổng kết công tác quân sự."
    )
    assert people(sentence) == {"Bùi Văn Hưng": (["Chỉ huy trưởng"], ["presided"])}


def test_a_title_list_ends_where_the_next_guests_begin():
    sentence = (
        "Hội nghị do đồng chí Lý Văn Cường – Chủ tịch UBND xã và đồng chí Mai Văn Tài – "
        "Chỉ huy trưởng Ban CHQS xã đồng chủ trì."
    )
    assert people(sentence) == {
        "Lý Văn Cường": (["Chủ tịch UBND xã"], ["presided"]),
        "Mai Văn Tài": (["Chỉ huy trưởng Ban CHQS xã"], ["presided"]),
    }
    sentence = "Dự có Đại tá Lê Văn Mạnh, Giảng viên Trường Quân sự Quân khu và hơn 200 học viên."
    assert titles(sentence) == {"Lê Văn Mạnh": ["Giảng viên Trường Quân sự Quân khu"]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Dự hội nghị có Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Quận ủy Ba Đình Đào Văn "
            "Hùng; Phó Chủ tịch UBND tỉnh Trịnh Văn Quý.",
            {
                "Đào Văn Hùng": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Quận ủy Ba Đình"],
                "Trịnh Văn Quý": ["Phó Chủ tịch UBND tỉnh"],
            },
        ),
        (
            "Tại huyện Tân Phú, Phó Chủ tịch UBND tỉnh Đồng Nai Võ Văn Phi động viên tân binh.",
            {"Võ Văn Phi": ["Phó Chủ tịch UBND tỉnh Đồng Nai"]},
        ),
        (
            "Chiều 20/12, Chủ tịch UBND tỉnh Ngô Văn Sáu – Chủ tịch Hội đồng nghĩa vụ quân sự "
            "tỉnh chủ trì hội nghị.",
            {"Ngô Văn Sáu": ["Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng nghĩa vụ quân sự tỉnh"]},
        ),
        # posts after an earlier name are that person's
        (
            "Dự có đồng chí Lê Văn Tám, Chủ tịch UBND tỉnh, Bí thư Thành ủy Hoàng Văn Chín.",
            {"Lê Văn Tám": ["Chủ tịch UBND tỉnh"], "Hoàng Văn Chín": ["Bí thư Thành ủy"]},
        ),
    ],
)
def test_titles_before_a_name(sentence, expected):
    assert {name: found for name, found in titles(sentence).items() if name in expected} == (
        expected
    )


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # several people sharing one verb
        (
            [
                "Tại hội nghị, đồng chí Thiếu tá Lê Văn Bảy – Trợ lý Tác chiến; đồng chí Đinh "
                "Văn Ba – Bí thư Đảng ủy xã phát biểu chỉ đạo."
            ],
            {"Lê Văn Bảy": ["directed", "spoke"], "Đinh Văn Ba": ["directed", "spoke"]},
        ),
        (
            ["Đồng chí Phan Văn Một và đồng chí Trương Văn Hai đồng chủ trì hội nghị."],
            {"Phan Văn Một": ["presided"], "Trương Văn Hai": ["presided"]},
        ),
        # the list's verb in a clause of its own before "có"
        (
            ["Về dự Hội nghị, có đồng chí Hồ Văn Năm – Phó Chính ủy Bộ CHQS tỉnh."],
            {"Hồ Văn Năm": ["attended"]},
        ),
        (
            [
                "Tại huyện Phú Giáo, đến dự lễ giao quân có Thiếu tướng Lê Văn Sáu, Phó Tư lệnh "
                "Quân khu 7; ông Vũ Văn Bảy, Phó Bí thư Tỉnh ủy."
            ],
            {"Lê Văn Sáu": ["attended"], "Vũ Văn Bảy": ["attended"]},
        ),
        (
            ["Dự và chỉ đạo hội nghị có các đồng chí: Thiếu tướng Lê Văn Tư, Phó Tư lệnh."],
            {"Lê Văn Tư": ["directed", "attended"]},
        ),
        # "có sự tham dự của", "dưới sự chủ trì của"
        (
            ["Lễ được tổ chức tại huyện, có sự tham dự của Trung tướng Lê Văn Mười, Thứ trưởng."],
            {"Lê Văn Mười": ["attended"]},
        ),
        (
            ["Sáng 3/1, dưới sự chủ trì của đồng chí Cao Văn Tám, Bộ CHQS tỉnh tổ chức hội nghị."],
            {"Cao Văn Tám": ["presided"]},
        ),
        # the verb after a comma
        (
            ["Tại đây, Thượng tướng Lê Văn Chín, đã trao quà cho các gia đình."],
            {"Lê Văn Chín": ["presented"]},
        ),
        # a clause earlier in the sentence does not open a list at a later "có"
        (
            [
                "Phát biểu chỉ đạo tại Hội nghị, Thiếu tướng Lê Văn Ba yêu cầu các đơn vị rút "
                "kinh nghiệm, có giải pháp khắc phục hạn chế."
            ],
            {"Lê Văn Ba": ["directed", "spoke"]},
        ),
    ],
)
def test_roles(sentences, expected):
    assert roles(*sentences) == expected
