"""Unicode normalisation, tone-mark placement and diacritic folding for Vietnamese."""

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {
    "\u0300": 2,  # huyền (grave)
    "\u0301": 1,  # sắc (acute)
    "\u0303": 4,  # ngã (tilde)
    "\u0309": 3,  # hỏi (hook above)
    "\u0323": 5,  # nặng (dot below)
}
TONE_BY_NUMBER = {number: mark for mark, number in TONE_MARKS.items()}
VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
MARKED_VOWELS = set("ăâêôơưĂÂÊÔƠƯ")
NEW_STYLE_PAIRS = {"oa", "oe", "uy"}
WORD = re.compile(r"\w+")


def nfc(text):
    """The NFC form of `text` (text pasted from Word or macOS often arrives decomposed)."""
    return unicodedata.normalize("NFC", text or "")


def _split_tone(syllable):
    """(syllable without its tone mark, tone number or 0); vowel-quality marks are kept."""
    tone = 0
    kept = []
    for char in unicodedata.normalize("NFD", syllable):
        if char in TONE_MARKS:
            tone = TONE_MARKS[char]
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _nucleus(syllable):
    """Start and end (exclusive) of the vowel nucleus, skipping the glide of "qu" and "gi"."""
    lower = syllable.lower()
    start = next((i for i, c in enumerate(lower) if c in VOWELS or c in "ăâêôơư"), None)
    if start is None:
        return None
    if (start > 0 and lower[start - 1] == "q" and lower[start] == "u") or (
        (start > 0 and lower[start - 1] == "g" and lower[start] == "i" and start + 1 < len(lower))
        and lower[start + 1] in VOWELS
    ):
        start += 1
    end = start
    while end < len(lower) and syllable[end] in VOWELS:
        end += 1
    return (start, end) if end > start else None


def _tone_position(syllable):
    span = _nucleus(syllable)
    if span is None:
        return None
    start, end = span
    nucleus = syllable[start:end]
    marked = [i for i, c in enumerate(nucleus) if c in MARKED_VOWELS]
    if marked:
        return start + marked[-1]
    if len(nucleus) == 1:
        return start
    if end < len(syllable) or nucleus.lower() in NEW_STYLE_PAIRS:
        return end - 1
    if len(nucleus) == 3:
        return start + 1
    return start


@lru_cache(maxsize=65536)
def _place_tone(syllable):
    base, tone = _split_tone(syllable)
    if not tone:
        return base
    position = _tone_position(base)
    if position is None:
        return syllable
    marked = unicodedata.normalize("NFD", base[position]) + TONE_BY_NUMBER[tone]
    return base[:position] + unicodedata.normalize("NFC", marked) + base[position + 1 :]


def canonical(text):
    """NFC text with every syllable's tone mark in one place: "hoà", "hòa" → "hòa"... in one form.

    Case and everything that is not a tone mark are kept, so the result still reads as written.
    """
    return WORD.sub(lambda match: _place_tone(match.group()), nfc(text))


def starts_with_word(text, word):
    """Whether `text` begins with `word` as a whole word ("dự hội" yes, "dựng" no)."""
    return text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalnum())


# U+0300–U+036F, all combining but the grapheme joiner U+034F.
LATIN_MARK_RANGES = "\u0300-\u034e\u0350-\u036f"
LATIN_MARKS = re.compile(f"[{LATIN_MARK_RANGES}]")
NOT_ASCII_OR_LATIN_MARK = re.compile(f"[^\x00-\x7f{LATIN_MARK_RANGES}]")


def fold(text):
    """Lower-case text without any diacritic, đ → d: "Đăng Bình" → "dang binh"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    if not NOT_ASCII_OR_LATIN_MARK.search(decomposed):
        # Vietnamese: ASCII letters and the marks of Latin script only. Dropping what is not
        # ASCII drops the marks, at a third of the cost of replacing each (most of a snippet's).
        return decomposed.encode("ascii", "ignore").decode("ascii")
    # The marks of Latin script in one pass; any other mark one by one.
    stripped = LATIN_MARKS.sub("", decomposed)
    if not stripped.isascii():
        stripped = "".join(c for c in stripped if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def slugify_vi(text, max_length=80):
    """An ASCII slug: "Nguyễn Đăng Bình" → "nguyen-dang-binh"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:max_length].rstrip("-")


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Dictionary order of tones: none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {0: 0, 2: 1, 3: 2, 4: 3, 1: 4, 5: 5}


def sort_key(text):
    """A key that sorts Vietnamese in dictionary order: D before Đ, a < ă < â, tones last."""
    letters = []
    tones = []
    for word in WORD.findall(nfc(text).lower()):
        base, tone = _split_tone(word)
        letters.append(tuple(_LETTER_RANK.get(c, 100 + ord(c)) for c in base))
        tones.append(_TONE_RANK[tone])
    return (tuple(letters), tuple(tones))


def collation_key(text):
    """`sort_key` as a string, for ordering in the database: letters in Vietnamese order first,
    tones after, so "Đào" sorts after "Dương" and "Ba" < "Bà" < "Bả" < "Bá"."""
    letters, tones = sort_key(text)
    words = (
        "".join(chr(ord("A") + rank) if rank < 100 else "~" for rank in word) for word in letters
    )
    return "!".join(words) + "|" + "".join(str(tone) for tone in tones)


def given_name_first(full_name):
    """ "Nguyễn Đăng Bình" → "Bình Nguyễn Đăng": Vietnamese lists sort people by given name."""
    words = nfc(full_name).split()
    return " ".join(words[-1:] + words[:-1])


def initial_letter(full_name):
    """The letter a person is listed under: the given name's first letter, tone removed but
    its own letter kept (Đ is not D, Â is not A)."""
    words = nfc(full_name).split()
    if not words:
        return ""
    base, _tone = _split_tone(words[-1][:1])
    return base.upper()
