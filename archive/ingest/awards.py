"""Awards in a report: what was given, by whom, to how many collectives and individuals.

An award is read by a strong pattern when its kind is named ("Bằng khen", "danh hiệu “…”") or
its counts are written against "khen thưởng" ("khen thưởng 3 tập thể và 8 cá nhân"); it is a
weak reading when it comes from the headline, when its count is a sum of both ("25 tập thể và
cá nhân"), or when only "được … khen thưởng" says it (docs/extraction.md, "Confidence").
"""

import re

from archive.ingest.lexicon import AWARD_WORDS, COLLECTIVE_NOUNS, INDIVIDUAL_NOUNS
from archive.ingest.records import ParsedAward
from archive.vocabulary import OTHER_AWARD, STRONG, TITLE_AWARD, WEAK

# Orders written with a lower-case name ("Huân chương bảo vệ Tổ quốc hạng Nhì").
ORDER_NAMES = "bảo vệ|chiến công|quân công|lao động|kháng chiến|độc lập|hữu nghị|chiến sĩ"
QUOTED = r"[\"“”'‘’«]"
CLASS = r"(?: hạng (?:Nhất|Nhì|Ba))?"
AWARD = re.compile(
    rf"(?P<kind>Bằng khen|Giấy khen|Cờ thi đua|(?:Huân|Huy) chương (?:[A-ZĐ]\w*|{ORDER_NAMES})"
    r"(?: \w+){0,4}?"
    rf"(?:{CLASS}(?= cho | tặng | của |[,;.]|$)))"
    rf"|danh hiệu\s*(?:(?:đơn vị |cá nhân |tập thể )?{QUOTED}(?P<quoted>[^\"“”'‘’«»]+){QUOTED}"
    r"|(?P<plain>[A-ZĐÀ-Ỹ][^,;.(]*?)(?= cho | tặng |\s*\(|[,;.]|$))"
)
ON_BEHALF_OF = re.compile(r"[Tt]hừa (?:ủy|uỷ) quyền(?: của)? (?P<giver>[^,;.]+)")
# "được Thủ tướng Chính phủ, Bộ Quốc phòng, … khen thưởng": the givers may be a list.
COMMENDED_BY = re.compile(r"\bđược\s+(?P<giver>[A-ZĐ][^;.]*?)\s+khen thưởng")
# An award given with no kind named: "<giver> (đã) (biểu dương,) khen thưởng (cho) 13 tập thể,
# 13 cá nhân"; the giver may be the sentence's subject ("UBND huyện tổ chức tổng kết …;
# đồng thời khen thưởng cho 13 tập thể …").
UNNAMED_AWARD = re.compile(
    r"\bkhen thưởng\s+(?:cho\s+)?(?=(?:\d[\d.]*)\s+(?:tập thể|cá nhân|đơn vị))"
)
GIVER_BEFORE_PRAISE = re.compile(
    r"(?:^|[,;:]\s*)(?:Dịp này,\s*|Nhân dịp này,\s*)?(?P<giver>[A-ZĐ][^,;:]*?)\s+"
    r"(?:đã\s+|cũng\s+|vừa\s+)?(?:biểu dương,?\s+(?:và\s+)?)?$"
)
LEAD_IN_DATE = re.compile(r"^(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay)[^,]{0,25},\s*)")
SUBJECT = re.compile(
    r"^(?P<subject>[A-ZĐ][^,;:]*?)\s+(?:đã\s+|vừa\s+)?(?:long trọng\s+)?(?:tổ chức|vừa|khen thưởng)"
)
RECIPIENT_BODIES = (
    "Ban|Bộ|Ủy ban|UBND|Đảng|Lực lượng|LLVT|Công an|Trung đoàn|Sư đoàn|Lữ đoàn|Tiểu đoàn|Đồn|"
    "Hải đội|Đại đội|Trường|Phòng|Sở"
)
# "trao Huân chương … tặng LLVT tỉnh X": given to one named collective.
GIVEN_TO_BODY = re.compile(rf"^\s*(?:tặng|cho)\s+(?:{RECIPIENT_BODIES})\b")
# "Nhiều tập thể, cá nhân … đã được khen thưởng": commended, by no giver written.
COMMENDED = re.compile(
    r"\b(?P<who>(?:\d[\d.]*\s+)?(?:tập thể|cá nhân)\b[^.;]*?)\s+(?:đã\s+)?được\s+khen thưởng\b"
)
# "<a body> được tặng …": one named collective receives the award.
COLLECTIVE_RECIPIENT = re.compile(
    rf"(?:^|[,;]\s*|\bnăm \d{{4}},\s*)(?:{RECIPIENT_BODIES})\b[^;.]*?\s+được\s+"
    r"(?:(?P<giver>[A-ZĐ][^;.]*?)\s+)?(?:tặng thưởng|phong tặng|tặng|trao tặng|trao)\s+"
    r"(?:danh hiệu[^,;.]*?)?$"
)
GIVE_VERB = re.compile(
    r"\s*(?:đã\s+|cũng\s+)?(?:trao tặng|tặng thưởng|tặng|trao|khen thưởng|[Tt]ặng)\s*$"
)
GIVER_OF = re.compile(r"^\s+của\s+(?P<giver>[^,;.]+?)(?=\s+(?:cho|tặng|đối với)\b|[,;.]|$)")
COUNT = re.compile(r"(\d[\d.]*)\s+(\w+(?:\s\w+)?)")
# "25 tập thể và cá nhân": one number for both, which counts as neither.
COMBINED_COUNT = re.compile(r"\d[\d.]*\s+tập thể\s*(?:và|,)\s*cá nhân")


def confidence_of(scope, counted=True):
    """Strong unless the counts are written as a sum of both, or none is written at all where
    the pattern needs one (`counted` False)."""
    return STRONG if counted and not COMBINED_COUNT.search(scope) else WEAK


def category_of(kind, is_title):
    if is_title:
        return TITLE_AWARD
    return next(
        (code for prefix, code in AWARD_WORDS if code != TITLE_AWARD and kind.startswith(prefix)),
        OTHER_AWARD,
    )


def clean_giver(text):
    text = text.split(",")[-1].strip()
    text = re.sub(r"^(?:và|đồng thời|Dịp này|Nhân dịp này)\s+", "", text)
    return text.strip(" ;:")


def giver_before(before):
    """The giver written before the giving verb: "Dịp này, UBND tỉnh tặng" → "UBND tỉnh"."""
    verb = GIVE_VERB.search(before)
    if not verb:
        return None
    giver = clean_giver(before[: verb.start()])
    return giver if giver[:1].isupper() else None


# Families and households commended ("2 gia đình tiêu biểu") are neither collectives nor
# individuals; "N tập thể và cá nhân" is a sum of both and counts as neither.
NOT_RECIPIENT_COUNTS = ("gia đình", "hộ")


def counts(scope):
    collectives = individuals = None
    for match in COUNT.finditer(scope):
        if len(match.group(1)) > 11:
            continue  # no count of awards; past 4 300 digits Python refuses the int
        number = int(match.group(1).replace(".", ""))
        noun = match.group(2)
        if re.match(r"\s*(?:và|,)\s*cá nhân", scope[match.end() :]) and noun == "tập thể":
            continue
        if noun.startswith(NOT_RECIPIENT_COUNTS):
            continue
        if collectives is None and noun.startswith(COLLECTIVE_NOUNS):
            collectives = number
        elif individuals is None and noun.startswith(INDIVIDUAL_NOUNS):
            individuals = number
    return collectives, individuals


def subject_of(sentence):
    """The sentence's subject before its first verb: "Sáng 21/11, UBND huyện X tổ chức …"."""
    sentence = re.sub(r"^\([^()]{2,30}\)\s*[-–—]\s*", "", sentence)  # "(QNO) - "
    match = SUBJECT.match(LEAD_IN_DATE.sub("", sentence))
    return match.group("subject").strip() if match else None


def unnamed_awards(sentence, title_subject=None):
    """Awards given with no kind named ("khen thưởng 3 tập thể và 8 cá nhân"): kind "Khen
    thưởng", the giver written before the verb or else the sentence's subject."""
    awards = []
    for match in UNNAMED_AWARD.finditer(sentence):
        clause_start = sentence.rfind(";", 0, match.start()) + 1
        before = GIVER_BEFORE_PRAISE.search(sentence[clause_start : match.start()])
        giver = before.group("giver").strip() if before else None
        if giver and LEAD_IN_DATE.match(giver + ","):
            giver = None
        giver = giver or subject_of(sentence) or title_subject or ""
        scope = sentence[match.end() :]
        end = re.search(r"[;.]", scope)
        scope = scope[: end.start()] if end else scope
        collectives, individuals = counts(scope)
        awards.append(
            ParsedAward(
                kind="Khen thưởng",
                giver=giver,
                collectives=collectives,
                individuals=individuals,
                sentence=sentence,
                confidence=confidence_of(
                    scope, counted=collectives is not None or individuals is not None
                ),
            )
        )
    return awards


def find_awards(sentence):
    """(awards, character spans they cover) in one narrative sentence."""
    awards, spans = [], []
    matches = list(AWARD.finditer(sentence))
    previous_end, previous_giver = 0, None
    for index, match in enumerate(matches):
        is_title = match.group("kind") is None
        kind = (match.group("quoted") or match.group("plain") or match.group("kind")).strip()
        clause_start = max(previous_end, sentence.rfind(";", 0, match.start()) + 1)
        giver = giver_before(sentence[clause_start : match.start()])
        following = sentence[match.end() :]
        giver_of = GIVER_OF.match(following)
        if giver_of:
            giver = giver_of.group("giver").strip()
        on_behalf = ON_BEHALF_OF.search(sentence[clause_start : match.start()])
        if on_behalf:
            giver = on_behalf.group("giver").strip()
        if giver is None:
            giver = previous_giver or ""
        scope_end = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
        scope = sentence[match.end() : scope_end]
        collectives, individuals = counts(scope)
        recipient = COLLECTIVE_RECIPIENT.search(sentence[clause_start : match.start()])
        if recipient and collectives is None and individuals is None:
            collectives = 1  # what comes before "được" is the recipient, never the giver
            giver = (recipient.group("giver") or "").strip()
        elif collectives is None and individuals is None and GIVEN_TO_BODY.match(following):
            collectives = 1
        awards.append(
            ParsedAward(
                kind=kind,
                giver=giver,
                collectives=collectives,
                individuals=individuals,
                category=category_of(kind, is_title),
                sentence=sentence,
                confidence=confidence_of(scope),
            )
        )
        spans.append((match.start(), scope_end))
        previous_end, previous_giver = match.end(), giver
    if not matches:
        unnamed = unnamed_awards(sentence)
        if unnamed:
            return unnamed, [(0, len(sentence))]
        commended = COMMENDED_BY.search(sentence)
        if commended:
            awards.append(
                ParsedAward(
                    kind="Khen thưởng",
                    giver=commended.group("giver").strip(),
                    sentence=sentence,
                    confidence=WEAK,  # neither a kind nor a count: only that it was given
                )
            )
        elif COMMENDED.search(sentence):
            collectives, individuals = counts(COMMENDED.search(sentence).group("who"))
            awards.append(
                ParsedAward(
                    kind="Khen thưởng",
                    giver="",
                    collectives=collectives,
                    individuals=individuals,
                    sentence=sentence,
                )
            )
    return awards, spans


def headline_awards(title, body_awards):
    """Awards the headline states that the body does not ("Quận X khen thưởng 18 tập thể, 53
    cá nhân …", "Ban CHQS huyện X được tặng thưởng Huân chương …"): a headline is a statement of
    the article, not a caption. An award of a kind the body already gives is not repeated."""
    if not title:
        return []
    awards, _spans = find_awards(title)
    if any(a.kind == "Khen thưởng" for a in awards) and any(
        a.collectives or a.individuals for a in body_awards
    ):
        return []
    for award in awards:
        award.confidence = WEAK  # a headline shortens: what it says is checked against the text
    known = [fold_kind(a.kind) for a in body_awards]
    return [
        a
        for a in awards
        if not any(
            k.startswith(fold_kind(a.kind)) or fold_kind(a.kind).startswith(k) for k in known
        )
    ]


def fold_kind(kind):
    return kind.lower()


def drop_summaries(awards):
    """ "trao Huân chương Bảo vệ Tổ quốc tặng 4 cá nhân" before the three classes given (1 + 1 +
    2 cá nhân) is their sum, not a fourth award."""
    kept = []
    for award in awards:
        parts = [a for a in awards if a is not award and a.kind.startswith(award.kind + " ")]
        total = (
            sum(a.collectives or 0 for a in parts),
            sum(a.individuals or 0 for a in parts),
        )
        if len(parts) >= 2 and total == (award.collectives or 0, award.individuals or 0):
            continue
        kept.append(award)
    return kept
