"""Phrasings seen in reports of other provinces, each read right."""

from datetime import date

from archive.ingest.parser import parse_text

LEAD = "Ngày 26/9, UBND tỉnh Thanh Hoá tổ chức Hội nghị tổng kết công tác quốc phòng năm 2023. "


def event(text):
    return parse_text(text * 1).events[0]


def test_old_tone_placement_finds_the_province():
    assert event(LEAD + "Tỉnh Thanh Hoá đã hoàn thành tốt nhiệm vụ. " * 2).province == "Thanh Hóa"


def test_honorific_is_not_part_of_the_name():
    text = LEAD + "Ông Nguyễn Tấn Tuân, Phó Chủ tịch UBND tỉnh chủ trì hội nghị."
    assert [p.name for p in event(text).participants] == ["Nguyễn Tấn Tuân"]


def test_title_with_tp_before_the_name():
    text = (
        LEAD
        + "Đồng chí Phó Chủ tịch UBND TP Dương Anh Đức chủ trì hội nghị. "
        + "Các đại biểu thảo luận. " * 3
    )
    [person] = event(text).participants
    assert (person.name, person.roles) == ("Dương Anh Đức", ["presided"])


def test_a_document_date_is_not_the_event_date():
    text = (
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 5/3/2024 của UBND tỉnh, sáng 17/10/2024, "
        "UBND tỉnh Quảng Bình tổ chức Hội nghị sơ kết công tác quốc phòng 06 tháng đầu năm 2024. "
        "Đồng chí Trần Văn Nam, Chủ tịch UBND tỉnh chủ trì hội nghị."
    )
    assert event(text).date == date(2024, 10, 17)


def test_dotted_date():
    text = (
        "Sáng 17.10.2024, UBND tỉnh Quảng Bình tổ chức Hội nghị tổng kết công tác quốc phòng "
        "năm 2024. Đồng chí Trần Văn Nam, Chủ tịch UBND tỉnh chủ trì hội nghị."
    )
    assert event(text).date == date(2024, 10, 17)


def test_short_list_and_lead_in_paragraphs_are_narrative_not_captions():
    text = (
        "Sáng 05/12, UBND tỉnh Bắc Ninh tổ chức Hội nghị tổng kết công tác quốc phòng năm 2018.\n\n"
        "Tới dự có các đồng chí: Phạm Tiến Bình, Phó Chủ tịch UBND tỉnh; Đại tá Triệu Anh Vinh, "
        "Chỉ huy trưởng Bộ CHQS tỉnh.\n\n"
        "Phát biểu chỉ đạo tại hội nghị, Thiếu tướng Đào Anh Nam, Phó Tư lệnh Quân khu 1 ghi nhận "
        "kết quả tỉnh đạt được.\n\n"
        "Quang cảnh hội nghị."
    )
    parsed = parse_text(text)
    assert parsed.captions == ["Quang cảnh hội nghị"]
    roles = {p.name: p.roles for p in parsed.events[0].participants}
    assert roles == {
        "Phạm Tiến Bình": ["attended"],
        "Triệu Anh Vinh": ["attended"],
        "Đào Anh Nam": ["directed", "spoke"],
    }
