"""Report text → plain data. No database access: the loader writes what this returns."""

import re

from archive.ingest import source as sources
from archive.ingest.awards import drop_summaries, find_awards, headline_awards
from archive.ingest.dates import (
    day_month_year,
    find_period,
    named_year,
    period_end_month,
    resolve_year,
    safe_date,
)
from archive.ingest.figures import find_figures
from archive.ingest.layout import read_layout, split_sentences
from archive.ingest.lexicon import KIND_WORDS
from archive.ingest.organisations import PROVINCE_SPELLING, find_organisations
from archive.ingest.people import find_participants
from archive.ingest.places import CITY_PROVINCES, PROVINCES
from archive.ingest.records import ParsedArticle, ParsedEvent
from archive.ingest.titles import starts_predicate
from archive.text import canonical, fold
from archive.vocabulary import EVENT_KINDS

EVENT_NOUN = re.compile(
    r"\b(?:[Hh]ội nghị|[Ll]ễ|(?:tổ chức |khai mạc |[Cc]uộc )?[Dd]iễn tập|[Hh]ội thao|[Hh]ội thi)\s"
)
# Reports also name the event by its activity, with no "Hội nghị": "UBND huyện tổ chức tổng kết
# nhiệm vụ …", "Quận ủy … vừa tổng kết diễn tập …" (read with the conference nouns), and, when
# no conference is named at all, "Đại hội Thi đua quyết thắng …", "khai giảng lớp bồi dưỡng …",
# "buổi làm việc", "sinh hoạt truyền thống …" (searched in the photo captions too).
REVIEW_ACTIVITY = re.compile(r"\b(?:tổ chức|vừa|đã) (?P<noun>tổng kết|sơ kết)\s")
# … or as one of what the subject holds: "xã X tổ chức kỷ niệm 80 năm …; tổng kết công tác …".
LISTED_ACTIVITY = re.compile(r"\btổ chức\b[^.]*?[;,]\s*(?:và\s+)?(?P<noun>tổng kết|sơ kết)\s")
OTHER_ACTIVITY = re.compile(
    r"(?P<noun>\b[Đđ]ại hội [Tt]hi đua|\b[Kk]hai giảng (?:lớp|khóa)|\b[Bb]uổi làm việc"
    r"|\b[Ss]inh hoạt truyền thống)(?=[\s,.;]|$)"
)
DESCRIPTORS = tuple(
    canonical(word)
    for word in (
        "tổng kết",
        "sơ kết",
        "triển khai",
        "quán triệt",
        "giao ban",
        "trực tuyến",
        "rút kinh nghiệm",
        "công tác",
        "ban chỉ đạo",
        "quân chính",
        "đảng ủy",
        "thông qua",
        "đánh giá",
        "biểu dương",
        "tập huấn",
        "giao nhận quân",
        "giao, nhận quân",
        "giao quân",
        "ra quân",
        "khu vực phòng thủ",
        "chiến đấu",
        "phòng thủ dân sự",
        "xây dựng",
        "thực hiện",
        "học tập",
        "công bố",
    )
)
# After a comma, a conference's name goes on with more of what it is about ("công tác quốc
# phòng, quân sự địa phương năm 2024, triển khai nhiệm vụ năm 2025") but not with a new clause.
NOT_CONTINUATIONS = re.compile(
    r"^\s*(?:[A-ZĐÀ-Ỹ]|\d|đồng chí|dưới|với|nhằm|tại|do|có|các|đã|sẽ|được|nhưng|song|đồng thời)"
)
TITLE_END = re.compile(r"\s(?:tại|do|dưới sự|với sự|nhằm|vào|diễn ra)\s|[.!?]|$")
# These look ahead or act; they review no period ("năm 2024" there is the event's own year).
NO_PERIOD = {kind.code for kind in EVENT_KINDS if not kind.reviews_period}
FALLBACK_TITLES = {kind.code: kind.fallback_title for kind in EVENT_KINDS}
PROVINCE_NAME = re.compile(
    "(?<!\\w)(?:"
    + "|".join(sorted(map(re.escape, PROVINCE_SPELLING), key=len, reverse=True))
    + ")(?!\\w)"
)
PLACE = re.compile(r"\btại\s+(?P<place>[^,.;]+)(?P<more>(?:,[^,.;]+)*)")
ADMINISTRATIVE_UNIT = re.compile(
    r"^\s*(?:xã|huyện|phường|quận|thị trấn|thị xã|thành phố|tỉnh)(?:\s+[A-ZĐ][^\s,]*|\s+\d+)+\s*$"
)
NOT_PLACES = re.compile(r"^(?:[Hh]ội nghị|buổi|địa phương|các|cơ sở|đây|chỗ)\b")


class ParseError(ValueError):
    """Text that is readable but holds no report of this genre."""


def parse_source(source):
    layout = read_layout(source.body, title=source.meta.get("title"))
    meta = source.meta
    article = ParsedArticle(
        text=source.body,
        key=source.key,
        file=source.name,
        title=meta.get("title") or layout.title,
        publisher=meta.get("publisher") or layout.publisher,
        url=meta.get("url", ""),
        published=meta.get("published") or layout.published,
        byline=layout.byline,
        captions=layout.captions,
    )
    event = parse_event(layout, article)
    if event is None:
        raise ParseError("no conference, exercise or ceremony is recognisable in the text")
    article.events.append(event)
    return article


def parse_text(text, name=None):
    """Parse an article's text, with or without a header."""
    return parse_source(sources.from_text(text, name=name))


def parse_event(layout, article):
    sentences = [s for paragraph in layout.paragraphs for s in split_sentences(paragraph)]
    narrative = "\n".join(layout.paragraphs)
    named = find_event_title(sentences, article.title) or find_activity(
        sentences + layout.captions, article.title
    )
    participants = find_participants(sentences)
    if not named and not participants and not re.search(r"[Hh]ội nghị|[Dd]iễn tập", narrative):
        return None
    title_sentence, title = named or (None, None)
    if title_sentence in layout.captions:
        title_sentence = None
    period_found = (find_period(title) if title else None) or find_period(narrative)
    period, period_label = period_found if period_found else (None, "")
    kind = find_kind(title or article.title, period)
    if kind == "deployment" and reviews_past_year(title, narrative):
        kind, period, period_label = "review", reviews_past_year(title, narrative), ""
    if kind in NO_PERIOD:
        period, period_label = None, ""
    if kind == "other" and (title or "").startswith("Hội nghị") and not named_year(title):
        # a conference announcing decisions or marking an anniversary reviews no period
        # unless its name gives one (a working session's report of its quarter does)
        period, period_label = None, ""
    province = find_province(narrative, article.publisher, article.title, article.url)
    event = ParsedEvent(
        title=title or article.title or fallback_title(kind, period, period_label),
        kind=kind,
        period=period,
        period_label=period_label,
        place=find_place(title_sentence or (sentences[0] if sentences else "")),
        province=province,
        participants=participants,
        organisations=find_organisations(f"{article.title or ''}\n{narrative}", province),
    )
    event.date, event.date_precision = find_date(
        sentences, article.published or layout.index_date, period, period_end_month(period_label)
    )
    years = relative_period(title, event.date or article.published) if kind == "review" else None
    if years:
        event.period = years
    for sentence in sentences:
        awards, spans = find_awards(sentence)
        event.awards += awards
        event.statistics += find_figures(sentence, spans)
    event.awards = headline_awards(article.title, event.awards) + drop_summaries(event.awards)
    return event


def find_activity(texts, article_title):
    """(sentence, title) of an event named only by an activity that is not a conference."""
    candidates = ([(None, article_title)] if article_title else []) + [(s, s) for s in texts]
    for sentence, text in candidates:
        match = OTHER_ACTIVITY.search(text)
        if match:
            title = match.group("noun") + " " + cut_title(text[match.end() :])
            return sentence, title[0].upper() + title[1:].rstrip()
    return None


def find_event_title(sentences, article_title):
    candidates = ([(None, article_title)] if article_title else []) + [(s, s) for s in sentences]
    for sentence, text in candidates:
        activities = [
            (m.start("noun"), m.end())
            for regex in (REVIEW_ACTIVITY, LISTED_ACTIVITY)
            for m in regex.finditer(text)
        ]
        nouns = [(m.start(), m.end()) for m in EVENT_NOUN.finditer(text)]
        for start, end in sorted(nouns + activities):
            if (start, end) in activities:
                title = text[start:end] + cut_title(text[end:])
                return sentence, title[0].upper() + title[1:]
            match = EVENT_NOUN.match(text, start)
            rest = text[match.end() :]
            if not canonical(rest).lower().startswith(DESCRIPTORS):
                continue
            noun = re.sub(r"^(?:tổ chức|khai mạc|[Cc]uộc) ", "", text[match.start() : match.end()])
            if (
                noun.lower().startswith("diễn tập")
                and not noun.startswith("D")
                and noun == text[match.start() : match.end()]
            ):
                continue
            title = noun + cut_title(rest)
            return sentence, title[0].upper() + title[1:]
    return None


def cut_title(rest):
    end = TITLE_END.search(rest).start()
    text = rest[:end]
    pieces = re.split(r"([,;])(?![^()]*\))", text)
    title = pieces[0]
    for index in range(1, len(pieces) - 1, 2):
        following = pieces[index + 1]
        if (
            NOT_CONTINUATIONS.match(following)
            or not following.strip()[:1].islower()
            or starts_predicate(following.strip())
        ):
            break
        title += pieces[index] + pieces[index + 1]
    return title.strip()


def find_kind(title, period):
    lowered = (title or "").lower()
    hits = [(lowered.find(word), kind) for word, kind in KIND_WORDS if word in lowered]
    if hits:
        return min(hits)[1]
    return "review" if period else "other"


def reviews_past_year(title, narrative):
    """A deployment conference for year N that reports the results of year N-1 is that year's
    review: (N-1, N-1), else None. Results are a sentence opening "Năm qua," / "(Trong) năm
    N-1," or "… năm N-1 đạt|hoàn thành …" ("so với năm N-1" is a comparison, not results)."""
    year = named_year(title or "")
    if not year:
        return None
    past = rf"(?:qua|{year - 1})"
    opening = rf"(?:^|[.!?…:]\s+|\n)(?:Trong )?[Nn]ăm {past}\s*,"
    achieved = rf"\bnăm {year - 1} (?:đã )?(?:đạt|hoàn thành)\b"
    reviewed = rf"\b[Hh]ội nghị (?:tổng kết|sơ kết)\b[^.;]{{0,80}}?\bnăm {year - 1}\b"
    if any(re.search(pattern, narrative) for pattern in (opening, achieved, reviewed)):
        return (year - 1, year - 1)
    return None


def fallback_title(kind, period, period_label):
    title = FALLBACK_TITLES[kind]
    if period_label:
        return f"{title} {period_label}"
    if period and period[0] == period[1]:
        return f"{title} năm {period[0]}"
    if period:
        return f"{title} giai đoạn {period[0]} - {period[1]}"
    return title


RELATIVE_PERIOD = re.compile(r"\b(\d{1,2}) năm (?:thực hiện|triển khai|xây dựng|thi hành)")
# "Tổng kết thực hiện Luật Dân quân tự vệ (DQTV) năm 2009": from the law's year to the review.
SINCE_DOCUMENT = re.compile(
    r"\bthực hiện (?:Luật|Nghị quyết|Chỉ thị|Nghị định|Pháp lệnh)\b[^.;]{0,60}?\bnăm (\d{4})\b"
)


def relative_period(title, held):
    """ "tổng kết 10 năm thực hiện Nghị quyết 28" held in 2023 reviews 2013–2023; "tổng kết
    thực hiện Luật … năm 2009" held in 2017 reviews 2009–2017."""
    if held is None:
        return None
    match = RELATIVE_PERIOD.search(title or "")
    if match:
        return (held.year - int(match.group(1)), held.year)
    match = SINCE_DOCUMENT.search(title or "")
    if match and int(match.group(1)) < held.year:
        return (int(match.group(1)), held.year)
    return None


def find_place(sentence):
    for match in PLACE.finditer(sentence or ""):
        place = match.group("place").strip()
        if NOT_PLACES.match(place):
            continue
        for piece in match.group("more").split(",")[1:]:
            if not ADMINISTRATIVE_UNIT.match(piece):
                break
            place += "," + piece
        return place
    return ""


LOWER_LEVEL_BEFORE = re.compile(r"(?:xã|huyện|phường|quận|thị trấn|thị xã|thôn|bản|ấp)\s+$", re.I)
CITY_BEFORE = re.compile(r"(?:[Tt]hành phố|TP\.?|tỉnh)\s*$")


def is_province_mention(text, match):
    """ "xã Tây Ninh Hòa" is a commune of Khánh Hòa, "Chủ tịch Hồ Chí Minh" is a person: a
    province's name counts when no lower administrative word precedes it and no capitalised
    syllable continues it; Hồ Chí Minh counts only after "Thành phố", "TP" or "tỉnh"."""
    before, after = text[max(0, match.start() - 12) : match.start()], text[match.end() :]
    continued = re.match(r" (\w)", after)
    if LOWER_LEVEL_BEFORE.search(before) or (continued and continued.group(1).isupper()):
        return False
    return match.group() != canonical("Hồ Chí Minh") or bool(CITY_BEFORE.search(before))


HOST_KEYS = sorted(
    {
        **{re.sub(r"[^a-z]", "", fold(city)): p for city, p in CITY_PROVINCES.items()},
        **{re.sub(r"[^a-z]", "", fold(p)): p for p in PROVINCES},
    }.items(),
    key=lambda i: -len(i[0]),
)


def province_of_address(url):
    """The province a publisher's address names ("dinhlap.langson.gov.vn", "baoquangnam.vn",
    "krongpac.daklak.gov.vn"): a label that is, or holds, a province's folded name, or that of
    a city of the province ("sonduong.halongcity.gov.vn")."""
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0]
    for label in host.split("."):
        for key, province in HOST_KEYS:
            if label == key or (len(key) >= 6 and key in label):
                return PROVINCE_SPELLING[canonical(province)]
    return None


def find_province(narrative, publisher, title, url=""):
    """The province named most often (either tone placement), ties to the publisher's, then
    to the first named; when the text names none, the one the source address names."""
    text = canonical(f"{title or ''}\n{narrative}")
    counts, first = {}, {}
    for match in PROVINCE_NAME.finditer(text):
        if not is_province_mention(text, match):
            continue
        province = PROVINCE_SPELLING[match.group()]
        counts[province] = counts.get(province, 0) + 1
        first.setdefault(province, match.start())
    if not counts:
        return province_of_address(url)
    publisher = canonical(publisher or "")
    return max(counts, key=lambda p: (counts[p], canonical(p) in publisher, -first[p]))


def find_date(sentences, published, period, end_month=12):
    """The first day written as the event's, its year from the text's context (the published
    date or index stamp, the period reviewed, or the year named in that sentence or the next
    two)."""
    for index, sentence in enumerate(sentences):
        found = day_month_year(sentence)
        if not found:
            continue
        day, month, year = found
        if year and published and 1900 <= year < published.year - 1:
            # "Ngày 18-8-1945, …" in a report of 2025 is history, not the event; a year no
            # report could name (0001) stays, for the loader to refuse
            continue
        context = named_year(" ".join(sentences[index : index + 3]))
        year = year or resolve_year(day, month, published, period, end_month, context)
        held = safe_date(year, month, day) if year else None
        if held:
            return held, "day"
    return None, ""
