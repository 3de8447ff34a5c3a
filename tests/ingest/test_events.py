"""Events named otherwise than "Hội nghị …", and the kind and period they take."""

import pytest

from archive.ingest.parser import parse_text

CHAIR = "Đồng chí Trần Văn Nam, Chủ tịch UBND tỉnh chủ trì. "


def event(text):
    return parse_text(text).events[0]


@pytest.mark.parametrize(
    ("text", "title", "kind", "period"),
    [
        (
            "Sáng 21/11, UBND huyện Duy Xuyên tổ chức tổng kết nhiệm vụ quốc phòng năm 2024 và "
            "triển khai nhiệm vụ năm 2025. " + CHAIR,
            "Tổng kết nhiệm vụ quốc phòng năm 2024 và triển khai nhiệm vụ năm 2025",
            "review",
            [2024, 2024],
        ),
        (
            "Quận ủy, UBND quận Hà Đông vừa tổng kết diễn tập khu vực phòng thủ năm 2023.\n\n"
            + CHAIR,
            "Tổng kết diễn tập khu vực phòng thủ năm 2023",
            "review",
            [2023, 2023],
        ),
        (
            "Ngày 22-5, UBND quận Sơn Trà tổ chức Đại hội Thi đua quyết thắng lực lượng vũ trang "
            "quận giai đoạn 2019-2024. Trong 5 năm qua, phong trào phát triển toàn diện.",
            "Đại hội Thi đua quyết thắng lực lượng vũ trang quận giai đoạn 2019-2024",
            "review",
            [2019, 2024],
        ),
        (
            "Ngày 10/10/2020, Hội đồng giáo dục quốc phòng và an ninh quận 3 đã tổ chức khai giảng "
            "lớp bồi dưỡng kiến thức quốc phòng cho cán bộ thuộc đối tượng 4, khóa 12 năm 2020.",
            "Khai giảng lớp bồi dưỡng kiến thức quốc phòng cho cán bộ thuộc đối tượng 4, khóa 12 "
            "năm 2020",
            "training",
            None,
        ),
        (
            "Chiều 21-12, Bộ CHQS tỉnh Ninh Thuận tổ chức sinh hoạt truyền thống kỷ niệm 79 năm "
            "Ngày thành lập Quân đội; trao Huân chương tặng 3 cá nhân.",
            "Sinh hoạt truyền thống kỷ niệm 79 năm Ngày thành lập Quân đội",
            "other",
            None,
        ),
        (
            "Sáng 7/2, huyện Diễn Châu long trọng tổ chức Lễ giao, nhận quân năm 2023. " + CHAIR,
            "Lễ giao, nhận quân năm 2023",
            "recruitment",
            None,
        ),
    ],
)
def test_event_named_by_its_activity(text, title, kind, period):
    found = event(text)
    assert (found.title, found.kind, list(found.period) if found.period else None) == (
        title,
        kind,
        period,
    )


def test_a_working_session_is_not_a_review_even_when_it_reports_results():
    text = (
        "Phát biểu tại buổi làm việc, Trung tướng Nguyễn Văn Bình đánh giá cao kết quả quý "
        "I-2023 của tỉnh. Năm 2023, tỉnh tập trung xây dựng lực lượng."
    )
    assert event(text).kind == "other"


@pytest.mark.parametrize(
    ("results", "kind", "period"),
    [
        ("Năm qua, lực lượng vũ trang tỉnh hoàn thành tốt nhiệm vụ.", "review", (2021, 2021)),
        ("Giao quân năm 2021 đạt 100% chỉ tiêu.", "review", (2021, 2021)),
        ("Hiện có 487 thí sinh, tăng so với năm 2021.", "deployment", None),
    ],
)
def test_a_deployment_conference_reporting_last_years_results_reviews_it(results, kind, period):
    text = (
        "Chiều 15/12, UBND tỉnh Phú Yên tổ chức hội nghị triển khai nhiệm vụ quốc phòng quân sự "
        "địa phương 2022. " + CHAIR + results
    )
    found = event(text)
    assert (found.kind, found.period) == (kind, period)


def test_a_law_review_runs_from_the_laws_year_to_the_review():
    text = (
        "Sáng 28/9/2017, Bộ Tư lệnh Quân khu 9 tổ chức hội nghị tổng kết thực hiện Luật Dân quân "
        "tự vệ năm 2009 nhằm đánh giá kết quả. " + CHAIR
    )
    assert event(text).period == (2009, 2017)


def test_a_lead_reporting_the_event_is_not_a_caption():
    text = (
        "Danh sách tin liên quan của chuyên mục quốc phòng địa phương\n\n"
        "UBND huyện Lục Ngạn vừa tổng kết diễn tập khu vực phòng thủ năm 2024.\n\n"
        "Quang cảnh hội nghị."
    )
    parsed = parse_text(text)
    assert parsed.captions == ["Quang cảnh hội nghị"]
