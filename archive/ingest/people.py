"""People in a report: who is named, with which rank and titles (`names`, `titles`), in which roles.

A name is two to five capitalised syllables that begin with a Vietnamese family name and are not
a place. Roles come from the verbs around a mention: a list introduced by "Dự hội nghị có …", a
lead-in clause ("Phát biểu chỉ đạo tại Hội nghị, …"), or the verb after the titles ("… chủ trì
Hội nghị"). "Đồng chí Phó Tư lệnh" with no name is the participant who holds that title.

A participant is read by a strong pattern when a mention introduces the name (a rank, "đồng
chí", a form of address) and a verb gives a role; a name known only by its family name after a
title, or one that no verb gives a role, is a weak reading (docs/extraction.md, "Confidence").
"""

import re
from dataclasses import dataclass, field

from archive.ingest.lexicon import (
    ROLE_VERBS,
)
from archive.ingest.names import addressed, find_names, rank_before
from archive.ingest.records import ParsedParticipant
from archive.ingest.titles import read_titles, title_before, title_length, titles_before
from archive.text import canonical, fold, starts_with_word
from archive.vocabulary import STRONG, WEAK

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


TITLE_REFERENCE = re.compile(r"\b[Đđ]ồng chí\s+(?P<title>\w)")


ROLE_VERB_KEYS = [(canonical(verb), role) for verb, role in ROLE_VERBS]


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
