"""The words of the genre: ranks, role verbs, posts, units of count. Family names are in
`names`, provinces and cities in `places`."""

from archive import vocabulary
from archive.vocabulary import words_of

# Ranks, role verbs, event kinds and award categories are declared in `archive.vocabulary` with
# their codes and labels; these are the forms the parser looks for.
RANKS = tuple(term.code for term in vocabulary.RANKS)

# Verb phrases that give a participant a role; a verb that begins another comes after it.
ROLE_VERBS = words_of(vocabulary.ROLES)

# Words in an event's title that say its kind; the first written decides.
KIND_WORDS = words_of(vocabulary.EVENT_KINDS)

# What an award's name begins with, and the category it gives.
AWARD_WORDS = words_of(vocabulary.AWARD_CATEGORIES)

# Words that end a title written after a name: the sentence's verb has begun.
PREDICATE_STARTS = (
    *(verb for verb, _role in ROLE_VERBS),
    "tặng",
    "khẳng định",
    "nhấn mạnh",
    "biểu dương",
    "ghi nhận",
    "đề nghị",
    "yêu cầu",
    "chỉ rõ",
    "nêu rõ",
    "cho biết",
    "báo cáo",
    "quán triệt",
    "đánh giá",
    "thông qua",
    "khai mạc",
    "bế mạc",
    "chúc mừng",
    "gửi lời",
    "trình bày",
    "phát động",
    "đã",
    "cũng",
    "được",
    "và",
    "cùng",
    "tại",
    "làm",
    "lưu ý",
    "đồng thời",
    "mong muốn",
    "đề xuất",
    "giao",
    "thay mặt",
    "hoan nghênh",
    "ký",
    "điều hành",
    "tham gia",
    "có",
    "là",
    "cảm ơn",
    "hướng dẫn",
    "nhận xét",
    "thông tin",
    "giới thiệu",
    "công bố",
    "đọc",
    "tuyên bố",
    "dặn dò",
    "căn dặn",
    "động viên",
    "thăm",
    "kiểm tra",
    "đề cập",
    "khen ngợi",
    "chúc",
    "gửi",
    "bày tỏ",
    "phân tích",
    "trả lời",
    "giải đáp",
    "tiếp thu",
    "chỉ ra",
    "nêu",
    "cho rằng",
    "thừa ủy quyền",
    "trân trọng",
    "tuyên dương",
    "tổ chức",
)

# Nouns that a committee's name makes of a verb: "Trưởng Ban chỉ đạo diễn tập", "Ban tổ chức".
COMMITTEES = ("Ban", "Tổ", "Tiểu ban")
COMMITTEE_TASKS = ("chỉ đạo", "tổ chức", "chủ trì", "kiểm tra")

# Words that open a person's post, as opposed to a body's name: a title list goes on with a new
# title at one of these ("…, Chủ tịch UBND tỉnh – Trưởng Ban …"), while a body after a comma
# ("Phó Chủ nhiệm Chính trị, Quân khu 4") completes the title before it.
POSTS = (
    "Phó",
    "Chủ tịch",
    "Chủ nhiệm",
    "Bí thư",
    "Ủy viên",
    "Tỉnh ủy viên",
    "Huyện ủy viên",
    "Thành ủy viên",
    "Quận ủy viên",
    "Đảng ủy viên",
    "Tư lệnh",
    "Chính ủy",
    "Giám đốc",
    "Chỉ huy",
    "Trưởng",
    "Thứ trưởng",
    "Bộ trưởng",
    "Tham mưu trưởng",
    "Cục trưởng",
    "Vụ trưởng",
    "Hiệu trưởng",
    "Viện trưởng",
    "Chánh",
    "Thủ trưởng",
    "Tổng",
    "Trợ lý",
    "Báo cáo viên",
    "Thành viên",
    "Đại biểu",
    "Thường trực",
    "Chính trị viên",
    "CT",
    "PCT",
)

# Names of bodies with "và" or a comma inside: the title goes on across them.
NAMES_WITH_AND = (
    "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường",
    "Thương binh và Xã hội",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Giáo dục và Đào tạo",
    "Nông nghiệp và Phát triển nông thôn",
    "Thể thao và Du lịch",
)
COMMA_COMPOUNDS = ("thi đua, khen thưởng", "quốc phòng, an ninh", "quốc phòng, quân sự")

# What follows "và" when a title has ended and the next guests begin: "… Hồ Chí Minh và hơn
# 350 học viên", "… Chủ tịch UBND xã và đồng chí Võ Duy Tiến".
NEXT_GUESTS = ("đồng chí", "các đồng chí", "hơn", "gần", "trên", "khoảng", "đại diện", "lãnh đạo")

# Counted nouns, longest first; the first that follows a number is the unit of a figure.
UNITS = (
    "chi bộ quân sự",
    "lượt người",
    "lượt cán bộ",
    "lượt học sinh",
    "công dân",
    "học sinh",
    "sinh viên",
    "học viên",
    "gia đình",
    "hộ gia đình",
    "cán bộ",
    "chiến sĩ",
    "đảng viên",
    "đồng chí",
    "tân binh",
    "thanh niên",
    "quân nhân",
    "dân quân",
    "đối tượng",
    "cơ sở",
    "đơn vị",
    "cơ quan",
    "doanh nghiệp",
    "công trình",
    "ngôi nhà",
    "căn nhà",
    "phương án",
    "kế hoạch",
    "văn bản",
    "mô hình",
    "suất quà",
    "phần quà",
    "triệu đồng",
    "tỷ đồng",
    "chi bộ",
    "lượt",
    "lần",
    "cuộc",
    "đợt",
    "buổi",
    "lớp",
    "người",
    "hộ",
    "xã",
    "tổ",
    "trận",
    "ngày công",
    "thí sinh",
    "văn kiện",
    "phương tiện",
    "hài cốt",
    "tin bài",
    "tấn",
    "km",
    "ha",
)

# Units that say how often or how much, not of what: "587 lần" is labelled by the clause before.
BARE_UNITS = {"lần", "lượt", "cuộc", "đợt", "buổi", "ngày công", "tỷ đồng", "triệu đồng", "tấn"}

# Classifiers that take the activity after them into the unit: "34 cuộc diễn tập".
CLASSIFIERS = {"cuộc", "đợt"}
ACTIVITIES = (
    "diễn tập",
    "tập huấn",
    "bồi dưỡng",
    "kiểm tra",
    "tuyên truyền",
    "hội thi",
    "hội thao",
    "huấn luyện",
    "tuần tra",
)

# Nouns after a number that make it something other than a figure of the year.
NOT_FIGURES = {
    "năm",
    "tháng",
    "ngày",
    "giờ",
    "phút",
    "tỉnh",
    "huyện",
    "thành phố",
    "quận",
    "%",
    "tuổi",
    "khu vực",
    "nội dung",
    "nhóm",
    "nhiệm vụ",
    "chỉ tiêu",
    "đại biểu",
}

QUALIFIERS = ("gần", "hơn", "trên", "khoảng", "gần như", "hàng")

COLLECTIVE_NOUNS = ("tập thể", "đơn vị", "cơ quan", "tổ chức", "chi bộ", "xã", "doanh nghiệp")
INDIVIDUAL_NOUNS = (
    "cá nhân",
    "chiến sĩ",
    "cán bộ",
    "đồng chí",
    "người",
    "học sinh",
    "sinh viên",
    "công dân",
    "quân nhân",
    "gia đình",
    "hộ",
    "thanh niên",
    "tân binh",
    "đảng viên",
    "dân quân",
)
