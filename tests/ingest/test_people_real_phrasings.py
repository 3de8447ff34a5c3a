"""Names in phrasings of real reports: after a title, a form of address, a province."""

import pytest

from archive.ingest.layout import read_layout
from archive.ingest.names import find_names
from archive.ingest.parser import parse_text

LEAD = "Sáng 9/1, UBND tỉnh Phú Thọ tổ chức Hội nghị tổng kết công tác quốc phòng năm 2024. "


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bí thư Tỉnh ủy Đồng Nai Nguyễn Hồng Lĩnh biểu dương thanh niên.", ["Nguyễn Hồng Lĩnh"]),
        ("Bí thư Tỉnh ủy Lạng Sơn Hoàng Văn Nghiệm dự.", ["Hoàng Văn Nghiệm"]),
        ("Chủ tịch UBND tỉnh Lê Trí Thanh – Chủ tịch Hội đồng chủ trì.", ["Lê Trí Thanh"]),
        ("Đến dự có bà Nguyễn Thị Thành - Chủ tịch UBND huyện.", ["Nguyễn Thị Thành"]),
        ("Hội nghị có anh Sơn Minh Tâm, tân binh của xã.", ["Sơn Minh Tâm"]),
        ("Dự có Thượng tướng Phùng Sĩ Tấn - Phó Tổng tham mưu trưởng.", ["Phùng Sĩ Tấn"]),
        ("UBND xã Tây Ninh Hòa đã khen thưởng.", []),
        ("UBND xã Đông Ninh Hòa tổ chức lễ.", []),
        ("chỉ đạo Quận Ngô Quyền, Lê Chân, huyện Tiên Lãng diễn tập.", []),
        ("các phường Bến Nghé, Đa Kao diễn tập.", []),
    ],
)
def test_names(sentence, names):
    assert [name for name, _start, _end in find_names(sentence)] == names


def test_a_name_cut_off_at_the_end_of_an_excerpt_is_the_participant_it_begins():
    text = (
        LEAD + "Về dự có Đại tá Hồ Anh Tuấn, Chỉ huy trưởng Bộ CHQS tỉnh. "
        "Phát biểu tại Hội nghị, đồng chí Hồ Anh "
    )
    people = {p.name: p.roles for p in parse_text(text).events[0].participants}
    assert people == {"Hồ Anh Tuấn": ["attended", "spoke"]}


@pytest.mark.parametrize(
    "caption",
    [
        "Bí thư Huyện ủy Phan Văn Hòa tặng giấy khen cho các tập thể. Ảnh: THU HÀ",
        "Ảnh: Đồng chí Lê Văn Nam – Chủ tịch UBND tỉnh trao khen thưởng cho các cá nhân",
        "Hình ảnh: Đại biểu dự và chủ trì Hội nghị",
    ],
)
def test_photo_credits_and_photo_labels_mark_captions(caption):
    layout = read_layout(
        LEAD + "\n\n" + caption + "\n\nCác đại biểu thảo luận. Hội nghị thống nhất."
    )
    assert [c.rstrip(" .") for c in layout.captions] == [caption.rstrip(" .")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tại huyện Tân Phú, Bí thư Tỉnh ủy Nguyễn Văn An biểu dương 120 thanh niên.",
        "Ông Nguyễn Văn An đề nghị các cấp tiếp tục làm tốt công tác tuyển quân.",
    ],
)
def test_lead_ins_and_reported_speech_are_not_captions(paragraph):
    layout = read_layout(LEAD + "\n\n" + paragraph)
    assert layout.captions == []
