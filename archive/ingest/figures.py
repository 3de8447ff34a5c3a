"""Figures of the year in a report: "887 công dân nhập ngũ", "gần 9.000 học sinh, sinh viên".

A figure whose unit is a known one and whose label follows the number is read by a strong
pattern; a unit guessed from the syllables after the number, or a label taken from the clause
before a bare unit ("… được 587 lần"), is a weak reading (docs/extraction.md, "Confidence").
"""

import re

from archive.ingest.lexicon import (
    ACTIVITIES,
    BARE_UNITS,
    CLASSIFIERS,
    NOT_FIGURES,
    QUALIFIERS,
    UNITS,
)
from archive.ingest.records import ParsedStatistic
from archive.text import canonical, starts_with_word
from archive.vocabulary import STRONG, WEAK

NUMBER = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w/%-]|[.,]\d)")
NOT_BEFORE = re.compile(
    r"(?:năm|tháng|ngày|số|Quân khu|khóa|khoá|lần thứ|Điều|khoản|Nghị định|Quyết định|Chỉ thị|"
    r"Thông tư|Nghị quyết|Kết luận|đoàn|Đoàn|Sư đoàn|Trung đoàn|Lữ đoàn|Tiểu đoàn|Khu)\s*$"
)
LABEL_STOPS = re.compile(
    r"\s(?:theo|trong đó|đạt|tại|với|nhằm|góp phần|bảo đảm|đảm bảo|thuộc|của|trên địa bàn)\b"
)
CLAUSE_STARTERS = re.compile(
    r"^(?:trong đó|thu hút|góp phần|đạt|bảo đảm|đảm bảo|đồng thời|được|nâng|tổ chức|xây dựng|"
    r"triển khai|thực hiện|hoàn thành|phối hợp|tham gia|với|và)\b"
)
TRAILING_LINK = re.compile(r"\s+(?:được|đạt|là|có|với|tổng số|tổng|gồm|cho|thu hút)\s*$")
UNIT_KEYS = sorted(((canonical(u), u) for u in UNITS), key=lambda item: -len(item[0]))
NOT_FIGURE_KEYS = {canonical(word) for word in NOT_FIGURES}
ACTIVITY_KEYS = [canonical(a) for a in ACTIVITIES]
UNIT_SET = {key for key, _ in UNIT_KEYS}
LINK_WORDS = r"của|được|và|cho|với|tại|trong|có|đã|là|để|từ|về|thì|mà|đạt|tham|nhập"
MULTIPLIERS = {"nghìn": 1000, "ngàn": 1000, "vạn": 10000, "triệu": 1000000}


def parse_number(whole, decimals):
    value = int(whole.replace(".", ""))
    return float(f"{value}.{decimals}") if decimals else value


def unit_at(text):
    """The counted noun that opens `text`: a known unit, a classifier with its activity
    ("cuộc diễn tập"), or else the first two lower-case syllables ("thí sinh")."""
    key = canonical(text)
    unit_key = next((u for u, _ in UNIT_KEYS if starts_with_word(key, u)), None)
    if unit_key in CLASSIFIERS:
        after = key[len(unit_key) :]
        rest = after.lstrip()
        activity = next((a for a in ACTIVITY_KEYS if starts_with_word(rest, a)), None)
        if activity:
            return text[: len(key) - len(rest) + len(activity)]
    if unit_key:
        return text[: len(unit_key)]
    words = re.match(r"([a-zà-ỹđ]+)(?: ([a-zà-ỹđ]+))?", text)
    if not words:
        return None
    if words.group(2) and not re.fullmatch(LINK_WORDS, words.group(2)):
        return words.group(0)
    return words.group(1)


def label_after(text):
    """The phrase after a number, to the end of what it counts."""
    end = re.search(r"[;.:()…!?]|$", text).start()
    phrase = text[:end]
    parts = phrase.split(",")
    label = parts[0]
    for part in parts[1:]:
        stripped = part.strip()
        if not stripped or re.search(r"\d", stripped) or CLAUSE_STARTERS.match(stripped):
            break
        label += "," + part
    stop = LABEL_STOPS.search(label)
    if stop:
        label = label[: stop.start()]
    return label.strip()


def label_before(text):
    """For "… được 587 lần": the clause before the number, after the last ; or :."""
    start = max(text.rfind(";"), text.rfind(":"), text.rfind("("))
    clause = TRAILING_LINK.sub("", text[start + 1 :]).strip(" ,")
    return clause


def is_year(value, whole):
    return isinstance(value, int) and "." not in whole and 1900 <= value <= 2100


def find_figures(sentence, excluded_spans=()):
    figures = []
    total = None
    previous_end = 0
    for match in NUMBER.finditer(sentence):
        if any(start <= match.start() < end for start, end in excluded_spans):
            continue
        before = sentence[: match.start()]
        if NOT_BEFORE.search(before):
            continue
        whole, decimals = match.group(1), match.group(2)
        # Not a count of anything in these reports: an ID or a phone number (and past 4 300
        # digits more than Python converts to an int).
        if len(whole.replace(".", "")) > 11 or len(decimals or "") > 11:
            continue
        value = parse_number(whole, decimals)
        if value >= 10**11:
            continue
        after = sentence[match.end() :].lstrip()
        multiplier = re.match(r"(nghìn|ngàn|vạn|triệu)\s+(?!đồng)", after)
        if multiplier:
            value = round(value * MULTIPLIERS[multiplier.group(1)])
            after = after[multiplier.end() :]
        unit = unit_at(after)
        if not unit or canonical(unit) in NOT_FIGURE_KEYS or is_year(value, whole):
            continue
        known_unit = canonical(unit) in UNIT_SET
        if not known_unit and any(canonical(after).startswith(w + " ") for w in NOT_FIGURE_KEYS):
            continue
        label = label_after(after)
        qualifier = next(
            (
                q
                for q in sorted(QUALIFIERS, key=len, reverse=True)
                if before.rstrip().endswith(" " + q) or before.rstrip() == q
            ),
            "",
        )
        label_guessed = False
        gap = sentence[previous_end : match.start()]
        part = re.search(r"(?:trong đó|,)\s*(?P<part>[^,;]+?)\s+(?:có|là|gồm)\s*:?\s*$", gap)
        if total and label == unit and part and ("trong đó" in gap or total is not figures[-1]):
            name = re.sub(r"^trong đó\s+", "", part.group("part").strip())
            label = f"{total.label} ({name})"
        elif label == unit and unit in BARE_UNITS:
            guessed = label_before(before.removesuffix(qualifier).rstrip())
            label, label_guessed = guessed or label, bool(guessed)
        figure = ParsedStatistic(
            label=label,
            value=value,
            unit=unit,
            qualifier=qualifier,
            sentence=sentence,
            confidence=STRONG if known_unit and not label_guessed else WEAK,
        )
        if "(" not in label:
            total = figure
        figures.append(figure)
        previous_end = match.end()
    return figures
