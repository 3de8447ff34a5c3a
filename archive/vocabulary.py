"""The genre's vocabulary, declared once: each rank, role, event kind, award category and
organisation kind with the code stored for it, the Vietnamese words reports write for it and
the label a reader sees; and the abbreviations reports write.

The models' choices are built from these tables (`choices`), the parser reads the words
(`archive/ingest/`) and the search expands the abbreviations (`archive/search/query.py`).
Adding a rank is one line here (and a migration, since the choices change). This module stands
below models, ingest and search: it imports nothing of the archive.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    """One term: `name` is the member's name in the model's choices (`Rank.DAI_TA`), `code`
    what is stored, `label` what a reader sees, `words` how reports write it, in the order the
    parser tries them."""

    name: str
    code: str
    label: str  # a lazy translation
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventKind(Term):
    """An event kind; `fallback_title` names an event whose text never does, and
    `reviews_period` says whether such an event reviews a past period at all."""

    fallback_title: str = "Hội nghị"
    reviews_period: bool = True


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation as reports write it ("UBND") and what it stands for."""

    short: str
    expansion: str


def rank(name, written, label):
    return Term(name, written, label, (written,))


# Ranks of the People's Army and the People's Public Security, lowest first; stored as written.
RANKS = (
    rank("THIEU_UY", "Thiếu úy", _("Second lieutenant")),
    rank("TRUNG_UY", "Trung úy", _("First lieutenant")),
    rank("THUONG_UY", "Thượng úy", _("Senior lieutenant")),
    rank("DAI_UY", "Đại úy", _("Captain")),
    rank("THIEU_TA", "Thiếu tá", _("Major")),
    rank("TRUNG_TA", "Trung tá", _("Lieutenant colonel")),
    rank("THUONG_TA", "Thượng tá", _("Senior colonel")),
    rank("DAI_TA", "Đại tá", _("Colonel")),
    rank("THIEU_TUONG", "Thiếu tướng", _("Major general")),
    rank("TRUNG_TUONG", "Trung tướng", _("Lieutenant general")),
    rank("THUONG_TUONG", "Thượng tướng", _("Colonel general")),
    rank("DAI_TUONG", "Đại tướng", _("General")),
)

# A participant's roles, in the order they are listed; the words are the verbs that give them
# (a verb that begins another, "trao" in "trao tặng", comes after it).
ROLES = (
    Term("PRESIDED", "presided", _("presided (chủ trì)"), ("chủ trì", "đồng chủ trì")),
    Term("DIRECTED", "directed", _("directed (chỉ đạo)"), ("chỉ đạo",)),
    Term(
        "ATTENDED",
        "attended",
        _("attended (dự)"),
        ("tham dự", "tới dự", "đến dự", "cùng dự", "về dự", "dự"),
    ),
    Term("SPOKE", "spoke", _("spoke (phát biểu)"), ("phát biểu",)),
    Term("CONCLUDED", "concluded", _("concluded (kết luận)"), ("kết luận",)),
    Term("PRESENTED", "presented", _("presented awards (trao)"), ("trao tặng", "trao")),
)

# Event kinds; the words are the triggers in an event's title (the first written decides).
EVENT_KINDS = (
    EventKind(
        "REVIEW",
        "review",
        _("Year-end review (tổng kết)"),
        ("tổng kết", "rút kinh nghiệm"),
        fallback_title="Hội nghị tổng kết",
    ),
    EventKind(
        "INTERIM_REVIEW",
        "interim_review",
        _("Interim review (sơ kết)"),
        ("sơ kết",),
        fallback_title="Hội nghị sơ kết",
    ),
    EventKind(
        "DEPLOYMENT",
        "deployment",
        _("Task deployment (triển khai nhiệm vụ)"),
        ("triển khai", "quán triệt"),
        fallback_title="Hội nghị triển khai nhiệm vụ",
        reviews_period=False,
    ),
    EventKind(
        "EXERCISE",
        "exercise",
        _("Exercise (diễn tập)"),
        ("diễn tập",),
        fallback_title="Diễn tập khu vực phòng thủ",
        reviews_period=False,
    ),
    EventKind(
        "TRAINING",
        "training",
        _("Training (tập huấn)"),
        ("tập huấn", "huấn luyện", "khai giảng", "bồi dưỡng"),
        fallback_title="Hội nghị tập huấn",
        reviews_period=False,
    ),
    EventKind(
        "RECRUITMENT",
        "recruitment",
        _("Enlistment ceremony (giao nhận quân)"),
        ("giao nhận quân", "giao, nhận quân", "giao quân"),
        fallback_title="Lễ giao nhận quân",
        reviews_period=False,
    ),
    # meetings that are not conferences: they report, but review no period as such
    EventKind(
        "OTHER",
        "other",
        _("Other"),
        ("làm việc", "kiểm tra", "sinh hoạt", "kỷ niệm", "phát động", "công bố"),
        fallback_title="Hội nghị",
    ),
)

# Award categories; the words begin an award's name as written. An honorary title is read from
# "danh hiệu “…”", whose quoted name is the award.
AWARD_CATEGORIES = (
    Term(
        "CERTIFICATE_OF_MERIT", "bang_khen", _("Certificate of merit (Bằng khen)"), ("Bằng khen",)
    ),
    Term("COMMENDATION", "giay_khen", _("Commendation (Giấy khen)"), ("Giấy khen",)),
    Term("EMULATION_FLAG", "co_thi_dua", _("Emulation flag (Cờ thi đua)"), ("Cờ thi đua",)),
    Term("ORDER", "huan_chuong", _("Order (Huân chương)"), ("Huân chương",)),
    Term("MEDAL", "huy_chuong", _("Medal (Huy chương)"), ("Huy chương",)),
    Term("TITLE", "danh_hieu", _("Honorary title (danh hiệu)"), ("danh hiệu",)),
    Term("OTHER", "other", _("Other commendation"), ("khen thưởng",)),
)
TITLE_AWARD = "danh_hieu"
OTHER_AWARD = "other"

# How surely the rule that read a fact read it: a strong pattern (a rank or "đồng chí" and a
# role verb, counts written against a kind, a known unit) or a weak one, a guess an editor
# should check (a name after a title alone, a headline, "N tập thể và cá nhân", a bare number).
# Which rules are which is listed in docs/extraction.md.
CONFIDENCES = (
    Term("STRONG", "strong", _("strong (read by a sure pattern)")),
    Term("WEAK", "weak", _("weak (a guess to check)")),
)
STRONG = "strong"
WEAK = "weak"

ORGANISATION_KINDS = (
    Term("PARTY", "party", _("Party committee")),
    Term("GOVERNMENT", "government", _("People's committee or council")),
    Term("MILITARY", "military", _("Military body")),
    Term("POLICE", "police", _("Police")),
    Term("FRONT", "front", _("Fatherland Front or mass organisation")),
    Term("FORCE", "force", _("Armed force")),
    Term("STEERING", "steering", _("Steering committee")),
    Term("OTHER", "other", _("Other")),
)

# Abbreviations reports write; the search finds each with its expansion and back, and the
# parser reads the bodies they name.
ABBREVIATIONS = (
    Abbreviation("UBND", "Ủy ban nhân dân"),
    Abbreviation("HĐND", "Hội đồng nhân dân"),
    Abbreviation("CHQS", "Chỉ huy quân sự"),
    Abbreviation("BCHQS", "Bộ Chỉ huy quân sự"),
    Abbreviation("DQTV", "Dân quân tự vệ"),
    Abbreviation("DBĐV", "Dự bị động viên"),
    Abbreviation("LLVT", "Lực lượng vũ trang"),
    Abbreviation("GDQP", "Giáo dục quốc phòng"),
    Abbreviation("GDQP-AN", "Giáo dục quốc phòng và an ninh"),
    Abbreviation("QPAN", "quốc phòng an ninh"),
    Abbreviation("MTTQ", "Mặt trận Tổ quốc"),
    Abbreviation("SSCĐ", "sẵn sàng chiến đấu"),
    Abbreviation("KVPT", "khu vực phòng thủ"),
    Abbreviation("QPĐP", "quốc phòng địa phương"),
    Abbreviation("BĐBP", "Bộ đội Biên phòng"),
    Abbreviation("BQP", "Bộ Quốc phòng"),
    Abbreviation("NVQS", "nghĩa vụ quân sự"),
    Abbreviation("BCA", "Bộ Công an"),
    Abbreviation("QK", "Quân khu"),
    Abbreviation("BTL", "Bộ Tư lệnh"),
    Abbreviation("BCĐ", "Ban Chỉ đạo"),
    Abbreviation("HĐ", "Hội đồng"),
    Abbreviation("BCH", "Ban Chấp hành"),
    Abbreviation("TW", "Trung ương"),
)
ABBREVIATION = {a.short: a for a in ABBREVIATIONS}


def words_of(terms):
    """(word, code) for every word of every term, in declaration order."""
    return tuple((word, term.code) for term in terms for word in term.words)


def choices(terms):
    """(member name, (code, label)) for a model's TextChoices: `models.TextChoices("Rank",
    choices(RANKS))`."""
    return [(term.name, (term.code, term.label)) for term in terms]
