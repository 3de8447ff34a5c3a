"""The shape of a report's text: noise lines dropped, title, published line, byline, captions.

What is left is the narrative: the paragraphs whose sentences are read as claims.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime

NOISE_LINES = (
    re.compile(r"^skip (ribbon commands|to main content)$", re.I),
    re.compile(
        r"^(sign in|đăng nhập|in trang này|in bài viết|chia sẻ|bình luận|quay lại|banner)$", re.I
    ),
    re.compile(r"^tìm kiếm theo\s*:", re.I),
    re.compile(r"kính chào quý khách|trang chủ .*liên hệ", re.I),
    re.compile(r"^[-–—_*•·|]+$"),
    re.compile(r"^\S+\.(jpe?g|png|gif|webp|bmp)$", re.I),
    re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*\|?$"),  # an image placeholder: "![]() |"
    re.compile(r"^leftcenterrightdel$", re.I),  # an image widget's alignment buttons
    re.compile(r"^(facebook|zalo|twitter|email|tweet|like|share)(\s|$)", re.I),
)
PUBLISHED_LINE = re.compile(
    r"(?:cập nhật|đăng|ngày đăng|xuất bản)\s*(?:ngày|lúc)?\s*:?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?",
    re.I,
)
# A page's own time stamp on a line of its own, or opening the first line: "13:06, 25/02/2024",
# "17:16 28/06/2023 Sáng 28-6, …", "18/04/2023 21:13", "(22/01/2024)", and after the authors'
# names "TRUNG THỰC - GIANG BIÊN 22/11/2024 08:30". It is the published date, not the event's.
CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})"
STAMP_DATE = r"\(?(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\)?"
TIME_STAMPS = (
    re.compile(rf"^{CLOCK},?\s+{STAMP_DATE}(?:\s+|$)"),
    re.compile(rf"^{STAMP_DATE}(?:,?\s+{CLOCK})?(?:\s+|$)"),
)
AUTHORS_STAMP = re.compile(rf"^(?P<authors>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .\-–]+?)\s+{STAMP_DATE}\s+{CLOCK}$")
# A search index's stamp before the text: " date 2021-12 Chiều 15/12, …". It says roughly when
# the page was published (the month), which fixes the year of a day and month; it is not the
# published date.
INDEX_STAMP = re.compile(r"^date (\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+|$)")
# "BBK - ", "(QNO) - ", "(LĐ online) - ", "(QK7 Online) - ", "(Baonghean.vn) -", "TPO -".
PUBLISHER_PREFIX = re.compile(
    r"^\(?(BBK|QĐND|TTXVN|VOV|BĐP|QK\d|[A-ZĐ]{2,6}|[A-ZĐ][\w.]*(?: [Oo]nline)?)\)?\s*[-–—]\s+"
)
PUBLISHERS = {"BBK": "Báo Bắc Kạn", "QĐND": "Báo Quân đội nhân dân", "TTXVN": "TTXVN"}
LEAD_IN = re.compile(
    r"^(Dịp này|Nhân dịp này|Nhân dịp|Tại hội nghị|Tại Hội nghị|Cũng tại hội nghị|Tại|Theo|Trong|"
    r"Năm|Qua|Sau|Kết thúc|Sáng|Chiều|Tối|Ngày|Trưa|Hôm nay|Cùng ngày|Cùng dịp|Trước đó|Sau đó|"
    r"Ngoài ra|Cũng trong|Đồng thời|Bên cạnh đó|Tiếp đó|Cùng với)\b"
)
COUNTED = re.compile(r"\d+\s+(tập thể|cá nhân)")
# Abbreviations written with a full stop end no sentence: "PCT. HĐND xã", "CT. UBND xã",
# "TP. Cần Thơ", "P. Phước Ninh", "Q. Hải Châu".
SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!CT\.)(?<!TP\.)(?<!\sP\.)(?<!\sQ\.)[\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])"
)
WORD = re.compile(r"\w+")


@dataclass
class Layout:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    title: str | None = None
    published: datetime | None = None
    publisher: str = ""
    byline: str | None = None
    index_date: date | None = None  # the last day of the index stamp's month (or its day)


def split_sentences(paragraph):
    return [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]


def is_noise(line):
    return any(p.search(line) for p in NOISE_LINES)


def published_from(line):
    match = PUBLISHED_LINE.search(line)
    if not match:
        return None
    day, month, year, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def time_stamp(line):
    """(published datetime, the rest of the line) for a line that opens with the page's time
    stamp, else (None, line)."""
    match = next((m for m in (r.match(line) for r in TIME_STAMPS) if m), None)
    rest = line[match.end() :] if match else ""
    if not match and len(line) < 80:
        match = AUTHORS_STAMP.match(line)
    if not match:
        return None, line
    groups = {k: int(v) for k, v in match.groupdict().items() if v and k != "authors"}
    if "hour" not in groups and rest:
        return None, line  # a bare date opening a sentence is the sentence's, not a stamp
    try:
        stamp = datetime(
            groups["year"],
            groups["month"],
            groups["day"],
            groups.get("hour", 0),
            groups.get("minute", 0),
        )
    except ValueError:
        return None, line
    return stamp, rest


def index_stamp(line):
    """(date, rest of the line) for a line opening with the index's "date YYYY-MM[-DD]"."""
    match = INDEX_STAMP.match(line)
    if not match:
        return None, line
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None, line
    day = int(match.group(3)) if match.group(3) else calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day), line[match.end() :]
    except ValueError:
        return None, line


def looks_like_title(line):
    words = WORD.findall(line)
    return (
        2 <= len(words) <= 40
        and line[0].isupper()
        and not re.search(r"[.!?:;]$", line)
        and re.match(r"(Hội nghị|Lễ|Diễn tập|Tổng kết|Sơ kết|Hội thao|Hội thi)\b", line)
    )


def looks_like_byline(line):
    words = line.split()
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not re.search(r"[.,;:!?\d]", line)
    )


# What a caption never is: a list (colon, semicolon), a list of who attended ("Tới dự có các
# đồng chí: …"), or a sentence opened by a clause of its own ("Phát biểu chỉ đạo tại hội nghị, …").
NARRATIVE = re.compile(
    r"[:;]|^(?:Tới dự|Dự|Cùng dự|Tham dự|Đến dự|Về dự)\b|\bcó (?:các )?đồng chí\b"
    r"|^(?:Phát biểu|Kết luận|Chỉ đạo|Thay mặt|Thừa ủy quyền|Báo cáo)[^,.]{0,80},"
    # a lead that reports the event taking place: "… vừa tổng kết diễn tập …", "… tổ chức Lễ …"
    r"|\b(?:vừa|đã) (?:tổ chức|tổng kết|sơ kết)\b|\btổ chức (?:[Hh]ội nghị|[Ll]ễ|[Đđ]ại hội)\b"
    # reported speech is narrative: a photo shows an act, not what was asked for
    r"|\b(?:đề nghị|yêu cầu|nhấn mạnh|khẳng định|biểu dương)\b"
)


# A photo credit closing a caption ("… năm 2024. Ảnh: THỰC BIÊN", "(Ảnh: Phúc Minh)"), or a
# caption opened as one ("Ảnh: Đồng chí …", "Hình ảnh: Đại biểu dự …").
PHOTO_CREDIT = re.compile(r"\s*\(?(?:Ảnh|ẢNH)\s*:[^.()]{1,40}\)?\.?$")
PHOTO_OPENING = re.compile(r"^(?:Hình ảnh|Ảnh)\s*:\s*")


def is_caption(paragraph, index):
    if PHOTO_OPENING.match(paragraph):
        return True
    paragraph = PHOTO_CREDIT.sub("", paragraph) or paragraph
    if index == 0 or LEAD_IN.match(paragraph) or COUNTED.search(paragraph):
        return False
    if NARRATIVE.search(paragraph):
        return False
    return len(split_sentences(paragraph)) == 1 and len(WORD.findall(paragraph)) <= 45


def read_layout(body, title=None):
    """The layout of `body`; `title` is the headline known from a header (a line repeating it
    is not narrative)."""
    # a table cell's closing bar ("… cá nhân. |") is markup, not text
    lines = [" ".join(line.split()).removesuffix(" |") for line in body.split("\n")]
    lines = [line for line in lines if line and not is_noise(line)]
    layout = Layout()
    if lines:
        layout.index_date, lines[0] = index_stamp(lines[0])
    headline = " ".join((title or "").split()).rstrip(" .")
    kept = []
    for line in lines:
        if headline and line.rstrip(" .") == headline:
            continue
        published = published_from(line) if len(line) < 80 else None
        if published and layout.published is None:
            layout.published = published
            continue
        if layout.published is None:
            published, rest = time_stamp(line)
            if published and (not rest or not kept):
                line = rest
                layout.published = published
                if not line:
                    continue
        if not line:
            continue
        if not kept and layout.title is None and looks_like_title(line):
            layout.title = line
            continue
        kept.append(line)
    if kept and looks_like_byline(kept[-1]):
        layout.byline = kept.pop()
    if kept:
        prefix = PUBLISHER_PREFIX.match(kept[0])
        if prefix:
            layout.publisher = PUBLISHERS.get(prefix.group(1), prefix.group(1))
            kept[0] = kept[0][prefix.end() :]
    for index, paragraph in enumerate(kept):
        if is_caption(paragraph, index):
            layout.captions.append(paragraph.rstrip(" ."))
        else:
            layout.paragraphs.append(paragraph)
    return layout
