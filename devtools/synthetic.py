"""Synthetic reports of the genre, any number, the same for the same seed: for benchmarks.

They read like the real ones (provinces, military regions, generated names, ranks and titles,
dates 2000–2025, kinds of conference, award phrasings, figures) so that some queries are rare
(one person, one district) and some common ("quốc phòng"); they go through the real pipeline.
"""

import random

from archive.ingest.names import COMMON_FAMILY_NAMES
from archive.ingest.organisations import military_region_of
from archive.ingest.places import PROVINCES as ALL_PROVINCES

FAMILY = COMMON_FAMILY_NAMES
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Ngọc",
    "Thanh",
    "Công",
    "Xuân",
    "Đình",
    "Hồng",
    "Anh",
    "Kim",
    "Duy",
    "Tiến",
    "Mạnh",
    "Thế",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hải",
    "Hà",
    "Hùng",
    "Hưng",
    "Khánh",
    "Lâm",
    "Long",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thành",
    "Thông",
    "Trung",
    "Tuấn",
    "Tùng",
    "Việt",
    "Vinh",
    "Yến",
    "Hoa",
    "Lan",
    "Mai",
    "Thảo",
    "Trang",
    "Hương",
    "Hiền",
    "Lưu",
]
DISTRICTS = [
    "Bình",
    "Xuyên",
    "Hòa",
    "An",
    "Lục",
    "Ngạn",
    "Tam",
    "Đảo",
    "Yên",
    "Lập",
    "Thanh",
    "Sơn",
    "Mộc",
    "Châu",
    "Na",
    "Rì",
    "Ba",
    "Bể",
    "Chợ",
    "Mới",
]
PROVINCES = sorted(p for p in ALL_PROVINCES if military_region_of(p) and "–" not in p)
KINDS = (
    ("tổng kết công tác quốc phòng địa phương năm {y}", "năm {y}"),
    ("sơ kết công tác quốc phòng, quân sự địa phương 06 tháng đầu năm {y}", "06 tháng đầu năm {y}"),
    ("tổng kết 5 năm xây dựng khu vực phòng thủ giai đoạn {y5} - {y}", "giai đoạn {y5} - {y}"),
    ("tổng kết công tác giáo dục quốc phòng và an ninh năm {y}", "năm {y}"),
)
FIGURES = (
    "tuyển chọn và gọi {n1} công dân nhập ngũ, trong đó Quân sự có {n2} công dân",
    "bồi dưỡng kiến thức quốc phòng và an ninh cho gần {n3}.000 học sinh, sinh viên",
    "tuyên truyền, phổ biến pháp luật về quốc phòng được {n4} lần, thu hút hơn {n5}.000 lượt người",
    "tổ chức {n6} cuộc diễn tập chiến đấu phòng thủ cấp xã",
    "duy trì hoạt động của {n7} chi bộ quân sự xã, phường, thị trấn",
)
FILLER = (
    "Công tác xây dựng khu vực phòng thủ được triển khai đồng bộ, bảo đảm giữ vững ổn định chính "
    "trị, trật tự an toàn xã hội trên địa bàn.",
    "Lực lượng vũ trang tỉnh duy trì nghiêm chế độ trực sẵn sàng chiến đấu, phối hợp chặt chẽ "
    "với lực lượng công an trong bảo vệ an ninh chính trị.",
    "Thế trận quốc phòng toàn dân gắn với thế trận an ninh nhân dân ngày càng được củng cố vững "
    "chắc, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Công tác giáo dục quốc phòng và an ninh cho các đối tượng được quan tâm, đạt chất lượng, "
    "hiệu quả thiết thực.",
)


def person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def report(index, rng):
    province = rng.choice(PROVINCES)
    region = military_region_of(province).removeprefix("Quân khu ")
    year = rng.randint(2000, 2024)
    kind, period = rng.choice(KINDS)
    kind, period = kind.format(y=year, y5=year - 5), period.format(y=year, y5=year - 5)
    held_month = rng.choice((1, 12)) if "06 tháng" not in kind else 7
    held_year = year + 1 if held_month == 1 else year
    day = rng.randint(2, 27)
    chair, general, deputy, commander = (person(rng) for _ in range(4))
    district = rng.choice(DISTRICTS)
    numbers = {f"n{i}": rng.randint(10, 999) for i in range(1, 8)}
    figures = "; ".join(rng.sample(FIGURES, 3)).format(**numbers)
    date = rng.choice(
        (
            f"Sáng {day:02d}/{held_month:02d}",
            f"Chiều {day}-{held_month}",
            f"Ngày {day}/{held_month}",
        )
    )
    text = f"""---
key: synthetic-{index:07d}
published: {held_year}-{held_month:02d}-{day + 1:02d}
---
{date}, UBND tỉnh {province} tổ chức Hội nghị {kind}. Đồng chí {chair}, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị. Dự hội nghị có Thiếu tướng {general}, Phó Tư lệnh Quân khu {region}.

Tới dự có các đồng chí: {deputy}, Phó Chủ tịch UBND tỉnh; Đại tá {commander}, Chỉ huy trưởng Bộ CHQS tỉnh; lãnh đạo huyện {district}.

Trong {period}, tỉnh {province} đã {figures}. {rng.choice(FILLER)} {rng.choice(FILLER)}

Phát biểu chỉ đạo tại hội nghị, Thiếu tướng {general}, Phó Tư lệnh Quân khu {region} ghi nhận kết quả tỉnh {province} đạt được.

Dịp này, UBND tỉnh tặng Bằng khen cho {rng.randint(2, 20)} tập thể và {rng.randint(2, 30)} cá nhân; Bộ CHQS tỉnh tặng Giấy khen cho {rng.randint(2, 30)} tập thể và {rng.randint(5, 60)} chiến sĩ DQTV có thành tích xuất sắc.
"""
    return f"synthetic-{index:07d}.txt", text


def generate(count, seed=0):
    """(file name, text) of `count` reports; the same seed gives the same reports."""
    rng = random.Random(seed)
    for index in range(count):
        yield report(index, rng)
