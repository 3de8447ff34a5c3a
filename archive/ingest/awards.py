"""Awards in a report: what was given, by whom, to how many collectives and individuals."""

import re

from archive.ingest.lexicon import COLLECTIVE_NOUNS, INDIVIDUAL_NOUNS
from archive.ingest.records import ParsedAward

QUOTED = r"[\"“”'‘’«]"
CLASS = r"(?: hạng (?:Nhất|Nhì|Ba))?"
AWARD = re.compile(
    rf"(?P<kind>Bằng khen|Giấy khen|Cờ thi đua|(?:Huân|Huy) chương [A-ZĐ]\w*(?: \w+){{0,4}}?"
    rf"(?:{CLASS}(?= cho | tặng | của |[,;.]|$)))"
    rf"|danh hiệu\s*(?:{QUOTED}(?P<quoted>[^\"“”'‘’«»]+){QUOTED}"
    r"|(?P<plain>[A-ZĐÀ-Ỹ][^,;.]*?)(?= cho | tặng |[,;.]|$))"
)
ON_BEHALF_OF = re.compile(r"thừa (?:ủy|uỷ) quyền(?: của)? (?P<giver>[^,;.]+)")
COMMENDED_BY = re.compile(r"\bđược\s+(?P<giver>[^,;.]+?)\s+khen thưởng")
GIVE_VERB = re.compile(
    r"\s*(?:đã\s+|cũng\s+)?(?:trao tặng|tặng thưởng|tặng|trao|khen thưởng|[Tt]ặng)\s*$"
)
GIVER_OF = re.compile(r"^\s+của\s+(?P<giver>[^,;.]+?)(?=\s+(?:cho|tặng|đối với)\b|[,;.]|$)")
COUNT = re.compile(r"(\d[\d.]*)\s+(\w+(?:\s\w+)?)")
CATEGORIES = (
    ("Bằng khen", "bang_khen"),
    ("Giấy khen", "giay_khen"),
    ("Cờ thi đua", "co_thi_dua"),
    ("Huân chương", "huan_chuong"),
    ("Huy chương", "huy_chuong"),
)


def category_of(kind, is_title):
    if is_title:
        return "danh_hieu"
    return next((code for prefix, code in CATEGORIES if kind.startswith(prefix)), "other")


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


def counts(scope):
    collectives = individuals = None
    for match in COUNT.finditer(scope):
        if len(match.group(1)) > 11:
            continue  # no count of awards; past 4 300 digits Python refuses the int
        number = int(match.group(1).replace(".", ""))
        noun = match.group(2)
        if collectives is None and noun.startswith(COLLECTIVE_NOUNS):
            collectives = number
        elif individuals is None and noun.startswith(INDIVIDUAL_NOUNS):
            individuals = number
    return collectives, individuals


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
        collectives, individuals = counts(sentence[match.end() : scope_end])
        awards.append(
            ParsedAward(
                kind=kind,
                giver=giver,
                collectives=collectives,
                individuals=individuals,
                category=category_of(kind, is_title),
                sentence=sentence,
            )
        )
        spans.append((match.start(), scope_end))
        previous_end, previous_giver = match.end(), giver
    if not matches:
        commended = COMMENDED_BY.search(sentence)
        if commended:
            awards.append(
                ParsedAward(
                    kind="Khen thưởng",
                    giver=commended.group("giver").strip(),
                    sentence=sentence,
                )
            )
    return awards, spans
