"""Titles in a report: the posts written after a name (or before it), split where one post
ends and the next begins, and ended where the sentence's verb begins."""

import itertools
import re

from archive.ingest.lexicon import (
    COMMA_COMPOUNDS,
    COMMITTEE_TASKS,
    COMMITTEES,
    NAMES_WITH_AND,
    NEXT_GUESTS,
    POSTS,
    PREDICATE_STARTS,
)
from archive.ingest.names import (
    NAME_STOPS,
    RANK_BY_KEY,
    TOKEN,
    find_names,
    rank_before,
    tokens,
)
from archive.text import canonical, starts_with_word

SEPARATOR = re.compile(r"^\s*(?:,|[-–—](?=\s))\s*")


DASH_GAP = re.compile(r"\s+[-–—]\s+")


TITLE_SEPARATOR = re.compile(r"^\s*(?:,|[-–—](?=\s))\s*")


PREDICATE_KEYS = sorted({canonical(w) for w in PREDICATE_STARTS}, key=len, reverse=True)


POST_KEYS = tuple(canonical(post).lower() for post in POSTS)


COMMITTEE_KEYS = {canonical(c).lower() for c in COMMITTEES}


COMMITTEE_TASK_KEYS = tuple(canonical(task) for task in COMMITTEE_TASKS)


NEXT_GUEST_KEYS = tuple(canonical(words) for words in NEXT_GUESTS)


AND_PAIRS = tuple(tuple(canonical(half) for half in name.split(" và ")) for name in NAMES_WITH_AND)


COMMA_PAIRS = tuple(tuple(canonical(half) for half in c.split(", ")) for c in COMMA_COMPOUNDS)


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
