"""When an event was held, and which period it reviews."""

import re
from datetime import date, timedelta

DAY_MONTH = re.compile(
    r"\b(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày|[Hh]ôm nay)(?: nay| qua)?"
    r"\s*(?:\(\s*)?(?:các ngày |ngày )?(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*[/.-]\s*(\d{1,2})"
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


def day_month_year(text):
    """(day, month, year or None) of the first event date written in `text`, or None."""
    for regex in (DAY_MONTH, WRITTEN_DATE):
        for match in regex.finditer(text):
            if DOCUMENT_DATE.search(text[max(0, match.start() - 60) : match.start()]):
                continue
            day, month = int(match.group(1)), int(match.group(2))
            year = int(match.group(3)) if match.group(3) else None
            if 1 <= day <= 31 and 1 <= month <= 12:
                return day, month, year
    return None


def resolve_year(day, month, published=None, period=None):
    """The year that puts day/month nearest to the published date (not after it), or else
    nearest to the end of the period reviewed; None when neither is known."""
    if published:
        published = published.date() if hasattr(published, "date") else published
        for year in (published.year, published.year - 1):
            candidate = safe_date(year, month, day)
            if candidate and candidate <= published + timedelta(days=1):
                return year
        return None
    if period:
        end = date(period[1], 12, 31)
        candidates = [safe_date(y, month, day) for y in (period[1], period[1] + 1)]
        candidates = [c for c in candidates if c]
        if candidates:
            return min(candidates, key=lambda c: abs((c - end).days)).year
    return None


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
