"""Names in a report: two to five capitalised syllables that begin with a Vietnamese family
name and are not a place, with the rank or form of address before them. The family names are
here too, most frequent first (synthetic reports draw from them)."""

import re

from archive.ingest.lexicon import (
    RANKS,
)
from archive.ingest.places import CITY_PROVINCES, PROVINCES
from archive.text import canonical, fold

# The most frequent family names, most frequent first (synthetic reports draw from these).
COMMON_FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Hà",
    "Trịnh",
    "Đào",
    "Lương",
    "Lâm",
    "Cao",
    "Tạ",
    "Vi",
    "Nông",
    "Lò",
    "Triệu",
]
FAMILY_NAMES = {
    *COMMON_FAMILY_NAMES,
    *[
        "Đoàn",
        "Chu",
        "Quách",
        "Vương",
        "Hứa",
        "Lã",
        "Lữ",
        "Thái",
        "Tô",
        "Từ",
        "Lưu",
        "Kiều",
        "Lục",
        "Ma",
        "Sầm",
        "Mạc",
        "Thân",
        "Khổng",
        "Tăng",
        "Giáp",
        "Đồng",
        "Châu",
        "Hầu",
        "Kim",
        "Âu",
        "Lại",
        "Phùng",
        "Tống",
        "Trương",
        "Diệp",
        "Ninh",
        "Thạch",
        "Đàm",
        "Bế",
        "Trình",
        "Nghiêm",
        "Văn",
        "Doãn",
        "Khúc",
        "Quan",
        "Mẫn",
        "Ông",
        "Cù",
        "Tôn",
        "Thiều",
        "Tiêu",
        "Hạ",
        "Đường",
        "Viên",
        "Kha",
        "La",
        "Yên",
        "Lạc",
        "Lăng",
        "Phí",
        "Nhữ",
        "Bạch",
        "Phó",
        "Mông",
        "Hoa",
        "Giang",
        "Lường",
        "Bàn",
        "Vừ",
        "Giàng",
        "Sùng",
        "Thào",
        "Hờ",
        "Lầu",
        "Lộc",
        "Danh",
        "Vàng",
        "Quàng",
        "Cầm",
        "Điêu",
        "Khương",
        "Tòng",
        "Kpă",
        "Rơ",
        "Siu",
        "Y",
    ],
}


TOKEN = re.compile(r"\w+(?:['’]\w+)*")


PLACE_WORDS = ("tỉnh", "huyện", "xã", "thị trấn", "thành phố", "phường", "quận", "thị xã", "TP")


# A name ends where a title, body or rank begins, even without a comma before it.
NAME_STOPS = tuple(
    canonical(phrase)
    for phrase in (
        "Phó ",
        "Chủ tịch",
        "Chủ nhiệm",
        "Bí thư",
        "Ủy viên",
        "Tư lệnh",
        "Chính ủy",
        "Giám đốc",
        "Chỉ huy",
        "Trưởng ",
        "Tham mưu",
        "Quân khu",
        "Bộ ",
        "Tỉnh ủy",
        "Thành ủy",
        "Ban ",
        "Đảng ",
        "Sở ",
        "Cục ",
        "Công an",
        "Ủy ban",
        "Hội đồng",
        "Mặt trận",
        "Việt Nam",
        "Trung ương",
        "Nhà nước",
        "Quốc phòng",
        "Thường vụ",
        "Thường trực",
        "Đại biểu",
        *RANKS,
    )
)


NOT_NAMES = {fold(n) for n in ("Hồ Chí Minh",)} | {fold(p) for p in PROVINCES}


HONORIFICS = {"Ông", "Bà", "Anh", "Chị"}


# "đồng chí", and mid-sentence forms of address "ông", "bà", "anh", "chị" (lower case: "Bà Rịa"
# is a place), introduce a name whatever its family.
COMRADE_BEFORE = re.compile(r"(?:[Đđ]ồng chí|[Cc]ác đồng chí|(?<=\s)(?:ông|bà|anh|chị))\s*:?\s*$")


# "Phó Tổng tham mưu trưởng", "Phó Chủ tịch": Phó opening a title, not the family name Phó.
TITLE_AFTER_PHO = {
    "Tổng",
    "Chủ",
    "Bí",
    "Giám",
    "Chỉ",
    "Trưởng",
    "Tư",
    "Chính",
    "Tham",
    "Thủ",
    "Cục",
    "Hiệu",
    "Chánh",
    "Viện",
    "Ban",
    "Thường",
}


LIST_OF_PLACES = re.compile(
    r"(?:(?:^|[,;:(]\s*)(?:[Xx]ã|[Hh]uyện|[Pp]hường|[Qq]uận|[Tt]hị trấn|[Tt]hị xã)"
    r"|\s(?:Xã|Huyện|Phường|Quận|Thị trấn|Thị xã))\s+[A-ZĐ][^,;:]*,\s*$"
)


CITY_IN_LIST = re.compile(
    r"(?:[Hh]uyện|[Xx]ã|[Pp]hường|[Qq]uận|[Tt]hị xã|[Tt]hị trấn)\s+[A-ZĐ][^;:]*,\s*"
    r"(?:[Tt]hành phố|TP\.?)\s*$"
)


CITY_KEYS = {canonical(city) for city in CITY_PROVINCES}


RANK_BY_KEY = {canonical(rank).lower(): rank for rank in RANKS}


FAMILY_KEYS = {canonical(name) for name in FAMILY_NAMES}


def tokens(text):
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_capitalised(word):
    return (word[:1].isupper() and not word.isupper()) or (len(word) == 1 and word.isupper())


def introduced(sentence, start):
    """A rank or "đồng chí" just before `start`: what follows is a name, whatever its family."""
    before = sentence[max(0, start - 24) : start]  # the pattern ends at `start`: a window will do
    return bool(COMRADE_BEFORE.search(before)) or rank_before(sentence, start)[0] is not None


ADDRESS_OPENING = re.compile(r"(?:^|[\s(])(?:Ông|Bà)\s+$")


def addressed(sentence, start, rank):
    """A name introduced as one: by its rank, "đồng chí" or a form of address ("ông", "Bà"
    opening the sentence)."""
    if rank:
        return True
    before = sentence[max(0, start - 24) : start]
    return bool(COMRADE_BEFORE.search(before) or ADDRESS_OPENING.search(before))


def find_names(sentence):
    """(name, start, end) for each personal name in the sentence."""
    words = tokens(sentence)
    found = []
    i = 0
    while i < len(words):
        word, start, _ = words[i]
        if word in HONORIFICS and i + 1 < len(words) and canonical(words[i + 1][0]) in FAMILY_KEYS:
            i += 1  # "Ông Nguyễn Tấn Tuân": Ông is a form of address here, not a family name
            continue
        known_family = canonical(word) in FAMILY_KEYS
        if not is_capitalised(word) or not (known_family or introduced(sentence, start)):
            i += 1
            continue
        if word == "Phó" and i + 1 < len(words) and words[i + 1][0] in TITLE_AFTER_PHO:
            i += 1
            continue
        if continues_place(sentence, words, i):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i < 5
            and is_capitalised(words[j][0])
            and not canonical(sentence[words[j][1] : words[j][1] + 24]).startswith(NAME_STOPS)
            and sentence[words[j - 1][2] : words[j][1]] == " "
        ):
            j += 1
        if j - i >= 2:
            end = words[j - 1][2]
            name = sentence[start:end]
            place = leading_province(name)
            if place:
                i += place  # "Bí thư Tỉnh ủy Đồng Nai Nguyễn Hồng Lĩnh": skip the province only
                continue
            if not is_place(sentence, start, name):
                found.append((name, start, end))
            i = j
            continue
        i += 1
    return found


def leading_province(name):
    """How many syllables of `name` are a province's name it opens with (0 if none)."""
    folded = fold(name)
    for place in NOT_NAMES:
        if folded.startswith(place + " "):
            return len(place.split())
    return 0


def continues_place(sentence, words, i):
    """ "xã Tây Ninh Hòa": a single capitalised syllable right after a place word, then this
    one: the place's name goes on here ("Ninh Hòa" is not a person)."""
    if i < 2 or sentence[words[i - 1][2] : words[i][1]] != " ":
        return False
    previous = words[i - 1][0]
    if not is_capitalised(previous) or canonical(previous) in FAMILY_KEYS:
        return False
    return words[i - 2][0].lower() in {"xã", "huyện", "phường", "quận", "thôn", "ấp", "bản"}


def is_place(sentence, start, name):
    folded = fold(name)
    if any(folded == p or folded.startswith(p + " ") for p in NOT_NAMES):
        return True
    if sentence[:start].rstrip().endswith(",") and LIST_OF_PLACES.search(
        sentence[max(0, start - 80) : start]
    ):
        return True  # "Quận Ngô Quyền, Lê Chân": the next item of a list of places
    before = sentence[:start].rstrip().lower()
    if before.endswith(("thành phố", "tp", "tp.")) and (
        canonical(name) in CITY_KEYS or CITY_IN_LIST.search(sentence[max(0, start - 80) : start])
    ):
        return True  # "thành phố Cao Lãnh", "các huyện Tân Hồng, Tam Nông, thành phố X"
    if before.endswith(("tỉnh", "thành phố", "tp", "tp.")):
        return False  # "tỉnh Lý Thái Hải" is a title before a name: provinces are known above
    return any(before.endswith(word.lower()) for word in PLACE_WORDS)


def rank_before(sentence, start):
    """(rank, start of the rank) written just before `start`, else (None, start)."""
    offset = max(0, start - 40)
    match = re.search(r"(\w+\s+\w+)\s+(?:đồng chí\s+)?$", sentence[offset:start])
    if match:
        key = canonical(match.group(1)).lower()
        if key in RANK_BY_KEY:
            return RANK_BY_KEY[key], offset + match.start(1)
    return None, start
