"""People in a report: names, the rank before them, the titles after them, and their roles.

A name is two to five capitalised syllables that begin with a Vietnamese family name and are not
a place. Roles come from the verbs around a mention: a list introduced by "Dự hội nghị có …", a
lead-in clause ("Phát biểu chỉ đạo tại Hội nghị, …"), or the verb after the titles ("… chủ trì
Hội nghị"). "Đồng chí Phó Tư lệnh" with no name is the participant who holds that title.

A participant is read by a strong pattern when a mention introduces the name (a rank, "đồng
chí", a form of address) and a verb gives a role; a name known only by its family name after a
title, or one that no verb gives a role, is a weak reading (docs/extraction.md, "Confidence").
"""

import itertools
import re
from dataclasses import dataclass, field

from archive.ingest.lexicon import (
    COMMA_COMPOUNDS,
    COMMITTEE_TASKS,
    COMMITTEES,
    NAMES_WITH_AND,
    NEXT_GUESTS,
    POSTS,
    PREDICATE_STARTS,
    RANKS,
    ROLE_VERBS,
)
from archive.ingest.names import FAMILY_NAMES
from archive.ingest.places import CITY_PROVINCES, PROVINCES
from archive.ingest.records import ParsedParticipant
from archive.text import canonical, fold, starts_with_word
from archive.vocabulary import STRONG, WEAK

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
SEPARATOR = re.compile(r"^\s*(?:,|[-–—](?=\s))\s*")
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
NOT_ATTEND = re.compile(r"^dự\s+(?:án|báo|kiến|thảo|toán|bị|phòng|định|trữ|luật)\b")
ADVERBS = re.compile(r"^(?:đã|cũng|cùng|đều|vừa)\s+")
# "Dự hội nghị có …", "Về dự Hội nghị, có …", "…, đến dự lễ … có …", "…, có sự tham dự của …":
# the verbs before "có" (in its own clause) or after it give every person listed after it.
LIST_INTRO = re.compile(
    r"\bcó(?P<what>\s+sự\s+(?:tham dự|chỉ đạo|có mặt)(?:\s+và\s+chỉ đạo)?"
    r"\s+của)?(?:\s+(?:các\s+)?đồng chí)?\s*:?\s"
)
# "dưới sự chủ trì của đồng chí …": the verb gives the person named next.
UNDER_LEAD_OF = re.compile(
    r"\b(?:dưới|với) sự (?P<verbs>(?:chủ trì|chỉ đạo|tham dự)(?:,? (?:và )?(?:chủ trì|chỉ đạo))?)"
    r" của\s"
)
# Between two people who share the verb after the second: "đồng chí A – … và đồng chí B – …
# đồng chủ trì", "đồng chí A – …; đồng chí B – … phát biểu chỉ đạo".
SHARED_VERB_GAP = re.compile(r"\s*(?:và|cùng|[;,])\s+(?:và\s+)?(?:đồng chí\s+)?(?:\w+\s+\w+\s+)?")
DASH_GAP = re.compile(r"\s+[-–—]\s+")
TITLE_SEPARATOR = re.compile(r"^\s*(?:,|[-–—](?=\s))\s*")
TITLE_REFERENCE = re.compile(r"\b[Đđ]ồng chí\s+(?P<title>\w)")

RANK_BY_KEY = {canonical(rank).lower(): rank for rank in RANKS}
FAMILY_KEYS = {canonical(name) for name in FAMILY_NAMES}
ROLE_VERB_KEYS = [(canonical(verb), role) for verb, role in ROLE_VERBS]
PREDICATE_KEYS = sorted({canonical(w) for w in PREDICATE_STARTS}, key=len, reverse=True)
POST_KEYS = tuple(canonical(post).lower() for post in POSTS)
COMMITTEE_KEYS = {canonical(c).lower() for c in COMMITTEES}
COMMITTEE_TASK_KEYS = tuple(canonical(task) for task in COMMITTEE_TASKS)
NEXT_GUEST_KEYS = tuple(canonical(words) for words in NEXT_GUESTS)
AND_PAIRS = tuple(tuple(canonical(half) for half in name.split(" và ")) for name in NAMES_WITH_AND)
COMMA_PAIRS = tuple(tuple(canonical(half) for half in c.split(", ")) for c in COMMA_COMPOUNDS)


@dataclass
class Mention:
    name: str | None
    start: int
    end: int
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    after_titles: int = 0
    title_reference: str | None = None
    introduced: bool = False  # by a rank, "đồng chí" or a form of address


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


def starts_predicate(text):
    key = canonical(text[:24])
    return any(starts_with_word(key, word) for word in PREDICATE_KEYS)


def title_length(text):
    """How much of `text` is one title: words up to punctuation or the sentence's verb.

    "và" joins words inside a title ("Giáo dục quốc phòng và an ninh tỉnh", "Sở Kế hoạch và
    Đầu tư") but, before another capitalised word or the next guests ("và đồng chí …", "và hơn
    350 học viên"), ends it. A spaced dash before a post begins the next title ("Phó Bí thư
    Tỉnh ủy – Chủ tịch UBND tỉnh"); inside a name it does not ("Khu vực 4 - Măng Đen"). After a
    committee, "chỉ đạo" or "tổ chức" names it ("Trưởng Ban chỉ đạo diễn tập").
    """
    words = []
    for word, start, end in tokens(text):
        gap = text[words[-1][2] if words else 0 : start]
        if words and re.search(r"[,;:.()\[\]\"“”]", gap):
            break
        if words and DASH_GAP.fullmatch(gap) and starts_post(text[start:]):
            break
        if (
            word[:1].islower()
            and starts_predicate(text[start:])
            and not names_committee(words, text, start)
            and (word != "và" or ends_at_and(text, words, start, end))
        ):
            break
        words.append((word, start, end))
    return words[-1][2] if words else 0


def starts_post(text):
    """Whether `text` opens with a post ("Tham Mưu trưởng" as well as "Tham mưu trưởng")."""
    key = canonical(text[:30]).lower()
    return any(starts_with_word(key, post) for post in POST_KEYS)


def names_committee(words, text, start):
    """ "Ban chỉ đạo", "Ban tổ chức": a committee's task, not the sentence's verb."""
    if not words or canonical(words[-1][0]).lower() not in COMMITTEE_KEYS:
        return False
    key = canonical(text[start : start + 12])
    return any(starts_with_word(key, task) for task in COMMITTEE_TASK_KEYS)


def ends_at_and(text, words, start, end):
    following = TOKEN.search(text, end)
    if not following:
        return True
    rest = canonical(text[following.start() : following.start() + 24])
    if rest[:1].isdigit() or any(starts_with_word(rest, w) for w in NEXT_GUEST_KEYS):
        return True
    if following.group()[:1].islower():
        return False
    so_far, after = canonical(text[: words[-1][2]]) if words else "", canonical(text[end:])
    return not any(
        so_far.endswith(left) and after.lstrip().startswith(right) for left, right in AND_PAIRS
    )


def starts_with_name(text):
    names = find_names(text)
    return bool(names) and names[0][1] == 0


def starts_with_rank(text):
    head = canonical(text[:20]).lower()
    return any(head.startswith(rank) for rank in RANK_BY_KEY)


def read_titles(sentence, position, name_starts=()):
    """Titles written after a name from `position`: (titles, where they end).

    Titles are split at commas and at spaced dashes before a post. After a comma, a body's
    name that no post opens completes the title before it ("Phó Chủ nhiệm Chính trị, Quân khu
    4"; "Chủ tịch Hội đồng thi đua, khen thưởng …"), unless the sentence's verb follows it: then
    it is the sentence's subject ("…, Chỉ huy trưởng, Bộ CHQS tỉnh tổ chức Hội nghị …").
    """
    separator = SEPARATOR.match(sentence[position:])
    if not separator:
        return [], position
    titles, starts = [], []
    cursor = end = position + separator.end()
    while cursor < len(sentence):
        rest = sentence[cursor:]
        length = title_length(rest)
        if not length or starts_with_name(rest) or starts_with_rank(rest):
            break
        if titles and any(cursor < start < cursor + length for start in name_starts):
            break  # "…, Bí thư Thành ủy Hoàng Văn Chín": the next person's post before the name
        if titles and (
            joins_compound(titles[-1], rest) or (rest[:1].isupper() and not starts_post(rest))
        ):
            if not joins_compound(titles[-1], rest) and verb_follows(rest[length:]):
                break
            titles[-1] = sentence[starts[-1] : cursor + length].strip()
        elif not rest[:1].isupper():
            break
        else:
            titles.append(rest[:length].strip())
            starts.append(cursor)
        cursor = end = cursor + length
        more = TITLE_SEPARATOR.match(sentence[cursor:])
        if not more:
            break
        cursor += more.end()
    return titles, (end if titles else position)


def joins_compound(title, rest):
    """ "thi đua, khen thưởng": a pair of words written with a comma inside one title."""
    before, after = canonical(title), canonical(rest[:30])
    return any(before.endswith(left) and after.startswith(right) for left, right in COMMA_PAIRS)


def verb_follows(text):
    text = text.strip()
    if not text[:1].islower() or text.startswith("và"):
        return False
    return starts_predicate(text)


def leading_roles(text):
    """Roles of the opening verb cluster: "dự và chỉ đạo hội nghị" → attended, directed."""
    roles = []
    rest = ADVERBS.sub("", re.sub(r"^\s*,?\s*", "", text))
    while rest:
        key = canonical(rest).lower()
        for verb, role in ROLE_VERB_KEYS:
            if starts_with_word(key, verb):
                if role == "attended" and NOT_ATTEND.match(key):
                    return roles
                roles.append(role)
                rest = rest[len(verb) :].lstrip()
                break
        else:
            return roles
        joiner = re.match(r"^(?:và|,)\s*", rest)
        if joiner:
            rest = rest[joiner.end() :]
        elif not roles:
            return roles
    return roles


def title_references(sentence, participants):
    """Mentions by title only ("đồng chí Phó Tư lệnh"), resolved to a known participant."""
    found = []
    for match in TITLE_REFERENCE.finditer(sentence):
        start = match.start("title")
        if not match.group("title").isupper():
            continue
        reference = sentence[start : start + title_length(sentence[start:])]
        if not reference or find_names(reference):
            continue
        person = resolve_title(reference, participants)
        if person:
            end = start + len(reference)
            found.append(
                Mention(person.name, start, end, after_titles=end, title_reference=reference)
            )
    return found


def resolve_title(reference, participants):
    key = fold(reference)
    matches = [
        p
        for p in participants
        if any(fold(t) == key or fold(t).startswith(key + " ") for t in p.titles)
    ]
    return matches[0] if len(matches) == 1 else None


def title_before(sentence, start):
    """ "đồng chí Chủ tịch UBND tỉnh Lý Thái Hải": the title between "đồng chí" and the name."""
    match = re.search(r"[Đđ]ồng chí\s+([A-ZĐÀ-Ỹ][^,;:]*?)\s+$", sentence[:start])
    if match and not rank_before(match.group(1) + " x", len(match.group(1)) + 1)[0]:
        candidate = match.group(1)
        if canonical(candidate).startswith(NAME_STOPS):
            return candidate
    return None


def titles_before(sentence, start, name_starts=()):
    """ "Bí thư Tỉnh ủy Đồng Nai Nguyễn Hồng Lĩnh", "Dự hội nghị có Ủy viên Ban Thường vụ Thành
    ủy, Bí thư Quận ủy Thanh Xuân Bùi Huyền Mai": posts written before a name with no "đồng
    chí", back to the start of the list (the sentence's start, "có", a semicolon or a clause
    that is no post). Posts after an earlier name are that person's, not these."""
    before = sentence[:start]
    if not before.endswith(" ") or not before.strip() or before.rstrip()[-1] in ",;:-–—(":
        return []
    pieces = re.split(r"([,;:])", before)
    ends = list(itertools.accumulate(len(piece) for piece in pieces))
    titles = []
    for index in range(len(pieces) - 1, -1, -2):
        piece = pieces[index]
        named = any(ends[index] - len(piece) <= s < ends[index] for s in name_starts)
        opener = re.search(r"(?:^|\s)có\s+(?=\S)", piece)
        text = (piece[opener.end() :] if opener else piece).strip()
        if named or not text[:1].isupper() or not starts_post(text):
            return titles[-1:] if named else titles
        if title_length(text) != len(text):
            return titles
        titles.insert(0, text)
        if opener or index == 0 or pieces[index - 1] != ",":
            break
    return titles


def sentence_mentions(sentence, participants):
    mentions = []
    names = find_names(sentence)
    name_starts = [start for _name, start, _end in names]
    for name, start, end in names:
        rank, _ = rank_before(sentence, start)
        titles, after = read_titles(sentence, end, name_starts)
        before = title_before(sentence, start)
        if before:
            titles = [before, *titles]
        elif not rank:
            titles = [*titles_before(sentence, start, name_starts), *titles]
        mention = Mention(name, start, end, rank, titles, after or end)
        mention.introduced = addressed(sentence, start, rank)
        mentions.append(mention)
    mentions += title_references(sentence, participants)
    return sorted(mentions, key=lambda m: m.start)


def list_intro(sentence):
    """(roles shared by a list, where the list begins) for "… có …", else None."""
    for match in LIST_INTRO.finditer(sentence):
        pre = sentence[: match.start()]
        if re.search(r"[;:]", pre):
            return None
        clauses = [c for c in pre.split(",") if c.strip()] or [""]
        shared = leading_roles(clauses[-1])
        if not shared and match.group("what"):
            shared = leading_roles(match.group("what").replace("sự", "").replace("của", ""))
        if shared or "," not in pre:
            return shared, match.end()
    return None


def roles_for(sentence, mentions):
    """Roles for each mention of one sentence, by the shapes described above."""
    roles = [[] for _ in mentions]
    intro = list_intro(sentence)
    if intro:
        shared, intro_end = intro
        for index, mention in enumerate(mentions):
            if mention.start >= intro_end - 1:
                roles[index] += shared
    for match in UNDER_LEAD_OF.finditer(sentence):
        following = [i for i, m in enumerate(mentions) if 0 <= m.start - match.end() < 40]
        if following:
            roles[following[0]] += leading_roles(match.group("verbs").replace(",", " và"))
    if mentions:
        before_first = sentence[: mentions[0].start]
        head = before_first.split(",")[0] if "," in before_first else ""
        if head and not intro:
            roles[0] += leading_roles(head)
    for index, mention in enumerate(mentions):
        roles[index] += leading_roles(sentence[mention.after_titles :])
    for index in range(len(mentions) - 2, -1, -1):
        gap = sentence[mentions[index].after_titles : mentions[index + 1].start]
        if not roles[index] and SHARED_VERB_GAP.fullmatch(gap):
            roles[index] = list(roles[index + 1])
    return roles


def cut_off_name(key, by_key):
    """An excerpt cut off mid-name ("…, đồng chí Hồ Anh "): the one participant whose name
    it begins, else None."""
    matches = [known for known in by_key if known.startswith(key + " ")]
    return matches[0] if len(matches) == 1 else None


def find_participants(sentences):
    """Participants of one event, in order of first mention, from its narrative sentences."""
    participants = []
    by_key = {}
    introduced_ids = set()  # participants some mention introduced as a name
    for sentence in sentences:
        mentions = sentence_mentions(sentence, participants)
        for mention, roles in zip(mentions, roles_for(sentence, mentions), strict=True):
            key = canonical(mention.name).lower()
            if key not in by_key and not sentence[mention.end :].strip():
                key = cut_off_name(key, by_key) or key
            person = by_key.get(key)
            if person is None:
                person = ParsedParticipant(name=mention.name)
                by_key[key] = person
                participants.append(person)
            if mention.rank and not person.rank:
                person.rank = mention.rank
            person.add_titles(mention.titles)
            person.add_roles(roles, sentence)
            if mention.introduced:
                introduced_ids.add(id(person))
    for person in participants:
        person.confidence = STRONG if id(person) in introduced_ids and person.roles else WEAK
    return participants
