"""When an event was held, and which period it reviews."""

import re
from datetime import date, timedelta

DAY_MONTH = re.compile(
    r"\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày|[Hh]ôm nay)(?: nay| qua)?"
    r"\s*(?:\(\s*)?(?:các ngày |ngày )?(\d{1,2})(?:\s*(?:[-–]|và)\s*\d{1,2})?\s*[/.-]\s*"
    r"(1[0-2]|0?[1-9])(?!\d)"
    r"(?:\s*[/.-]\s*(\d{4}))?"
)
WRITTEN_DATE = re.compile(r"\b[Nn]gày (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?")
RANGE = r"(\d{4})\s*[-–—]\s*(\d{4})"
PERIOD_PATTERNS = (
    ("range", re.compile(rf"[Gg]iai đoạn\s+{RANGE}")),
    ("range", re.compile(rf"\d+\s+năm\s*\(\s*{RANGE}\s*\)")),
    ("range", re.compile(r"\btừ năm (\d{4}) (?:đến|tới) (?:năm )?(\d{4})")),
    ("months", re.compile(r"\b(\d{1,2}) tháng (?:đầu|cuối) năm (\d{4})")),
    ("year", re.compile(r"\b[Nn]ăm (\d{4})\b")),
)
# A year named as the coming tasks' is not the period reviewed.
FUTURE_CONTEXT = re.compile(
    r"(triển khai|phương hướng|kế hoạch|nhiệm vụ( công tác)?|đề nghị|Quyết thắng|"
    r"định hướng đến|chuẩn bị|sẵn sàng)\s*$"
)


# "Kế hoạch số 45/KH-UBND ngày 5/3/2024": the date of a document, not of the event.
DOCUMENT_DATE = re.compile(
    r"(?:số\s+[\w./-]+|(?:Kế hoạch|Quyết định|Nghị quyết|Nghị định|Công văn|Chỉ thị|Thông báo|"
    r"Thông tư|Hướng dẫn|Kết luận)\b[^,;.]{0,20})\s*,?\s*$"
)


ANNUAL = re.compile(r"\s*(?:hằng|hàng) năm\b")


def day_month_year(text):
    """(day, month, year or None) of the first event date written in `text`, or None."""
    for regex in (DAY_MONTH, WRITTEN_DATE):
        for match in regex.finditer(text):
            if DOCUMENT_DATE.search(text[max(0, match.start() - 60) : match.start()]):
                continue
            if ANNUAL.match(text, match.end()):
                continue  # "ngày 18-8 hằng năm": a day kept every year, not the event's
            day, month = int(match.group(1)), int(match.group(2))
            year = int(match.group(3)) if match.group(3) else None
            if 1 <= day <= 31 and 1 <= month <= 12:
                return day, month, year
    return None


def named_year(text):
    """The latest year written in `text` ("Lễ giao, nhận quân năm 2023"; "(22-12-1944/22-12-2023)"
    names the anniversary's year last), or None."""
    years = [int(y) for y in re.findall(r"(?:19[4-9]\d|20\d\d)(?!\d)", text)]
    return max(years) if years else None


def resolve_year(day, month, published=None, period=None, end_month=12, context_year=None):
    """The year of a day and month written without one, from the text's own context only:
    nearest to the published date or the index stamp (not after it); else nearest to the end
    of the period reviewed (see below; "06 tháng đầu năm 2024" ends in June); else the
    year named around the date (an exercise or a ceremony "năm 2023"). None when the text
    gives no year at all; never today's year."""
    if published:
        published = published.date() if hasattr(published, "date") else published
        for year in (published.year, published.year - 1):
            candidate = safe_date(year, month, day)
            if candidate and candidate <= published + timedelta(days=1):
                return year
        return None
    if period:
        # Year-end reviews are held from November to March: a date in the first quarter
        # follows the year reviewed ("Sáng 09/01" reviewing 2023 is 2024); any other falls
        # in the period's last year ("Ngày 22-5" closing "giai đoạn 2019-2024" is 2024).
        early_next_year = end_month == 12 and month <= 3
        year = period[1] + 1 if early_next_year else period[1]
        if safe_date(year, month, day):
            return year
    if context_year:
        return context_year
    return None


MONTHS_REVIEWED = re.compile(r"(\d{1,2}) tháng đầu năm")


def period_end_month(label):
    """The month a period ends: 12, or N for "N tháng đầu năm …"."""
    match = MONTHS_REVIEWED.search(label or "")
    return min(12, max(1, int(match.group(1)))) if match else 12


def safe_date(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_period(text):
    """((start, end), label as written) of the first period reviewed in `text`, or None."""
    best = None
    for kind, regex in PERIOD_PATTERNS:
        for match in regex.finditer(text):
            if FUTURE_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]):
                continue
            if kind == "year":
                start = end = int(match.group(1))
            elif kind == "months":
                start = end = int(match.group(2))
            else:
                start, end = int(match.group(1)), int(match.group(2))
            if not (1945 <= start <= end <= 2100):
                continue
            candidate = (match.start(), (start, end), match.group(0) if kind == "months" else "")
            if best is None or candidate[0] < best[0]:
                best = candidate
            break
    return (best[1], best[2]) if best else None
