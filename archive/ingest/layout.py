"""The shape of a report's text: noise lines dropped, title, published line, byline, captions.

What is left is the narrative: the paragraphs whose sentences are read as claims.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

NOISE_LINES = (
    re.compile(r"^skip (ribbon commands|to main content)$", re.I),
    re.compile(r"^(sign in|đăng nhập|in trang này|in bài viết|chia sẻ|bình luận|quay lại)$", re.I),
    re.compile(r"^tìm kiếm theo\s*:", re.I),
    re.compile(r"kính chào quý khách|trang chủ .*liên hệ", re.I),
    re.compile(r"^[-–—_*•·|]+$"),
    re.compile(r"^\S+\.(jpe?g|png|gif|webp|bmp)$", re.I),
    re.compile(r"^(facebook|zalo|twitter|email|tweet|like|share)(\s|$)", re.I),
)
PUBLISHED_LINE = re.compile(
    r"(?:cập nhật|đăng|ngày đăng|xuất bản)\s*(?:ngày|lúc)?\s*:?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?",
    re.I,
)
PUBLISHER_PREFIX = re.compile(r"^(BBK|QĐND|TTXVN|VOV|BĐP|QK\d|[A-ZĐ]{2,6})\s*[-–—]\s+")
PUBLISHERS = {"BBK": "Báo Bắc Kạn", "QĐND": "Báo Quân đội nhân dân", "TTXVN": "TTXVN"}
LEAD_IN = re.compile(
    r"^(Dịp này|Nhân dịp này|Nhân dịp|Tại hội nghị|Tại Hội nghị|Cũng tại hội nghị|Theo|Trong|"
    r"Năm|Qua|Sau|Kết thúc|Sáng|Chiều|Tối|Ngày|Trưa|Hôm nay|Cùng ngày|Cùng dịp|Trước đó|Sau đó|"
    r"Ngoài ra|Cũng trong|Đồng thời|Bên cạnh đó|Tiếp đó|Cùng với)\b"
)
COUNTED = re.compile(r"\d+\s+(tập thể|cá nhân)")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])")
WORD = re.compile(r"\w+")


@dataclass
class Layout:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    title: str | None = None
    published: datetime | None = None
    publisher: str = ""
    byline: str | None = None


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
)


def is_caption(paragraph, index):
    if index == 0 or LEAD_IN.match(paragraph) or COUNTED.search(paragraph):
        return False
    if NARRATIVE.search(paragraph):
        return False
    return len(split_sentences(paragraph)) == 1 and len(WORD.findall(paragraph)) <= 45


def read_layout(body):
    lines = [" ".join(line.split()) for line in body.split("\n")]
    lines = [line for line in lines if line and not is_noise(line)]
    layout = Layout()
    kept = []
    for line in lines:
        published = published_from(line) if len(line) < 80 else None
        if published and layout.published is None:
            layout.published = published
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
