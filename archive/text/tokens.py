"""Syllable tokens for search, the same for the index, the query and the highlighter.

Each token carries the syllable as written with one tone placement, lower-cased (`exact`), and
folded (`folded`: no diacritics, đ → d), with its character offsets in the original text and its
position. Codes are findable whole and by their leading parts: "21/2019/NĐ-CP" gives the
syllables 21, 2019, nđ, cp and, at the first position, "21/2019", "21/2019/nđ", "21/2019/nđ-cp".
"QK1" and "Quân khu I" read as "quân khu 1"; "9.000" is also "9000".
"""

import itertools
import re
from functools import lru_cache
from typing import NamedTuple

from archive.text.normalise import canonical, fold, nfc
from archive.text.words import known_word_flags, segments

RAW = re.compile(r"\w+(?:[/\-.]\w+)*")
PART = re.compile(r"\w+")
ROMAN = {
    "i": "1",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "v": "5",
    "vi": "6",
    "vii": "7",
    "viii": "8",
    "ix": "9",
}
MILITARY_REGION = re.compile(r"^qk(\d)$")
MAX_TOKEN = 60  # longer runs (base64, URLs) are not words; PostgreSQL refuses lexemes > 2 kB
THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
ROMAN_REGION = re.compile(r"\b([Kk]hu)\s+(IX|IV|VI{0,3}|I{1,3})\b")


def arabic_regions(text):
    """ "Quân khu IV" → "Quân khu 4", for queries typed word by word."""
    return ROMAN_REGION.sub(lambda m: f"{m.group(1)} {ROMAN[m.group(2).lower()]}", text)


class Token(NamedTuple):
    """One search token. A named tuple rather than a frozen dataclass: a report makes
    thousands, and a frozen dataclass is several times slower to construct."""

    exact: str
    folded: str
    start: int
    end: int
    position: int
    whole: bool = False  # a code or number form standing for several syllables


def _syllable(text, start, end, position):
    exact, folded = syllable_forms(text)
    return Token(exact, folded, start, end, position)


@lru_cache(maxsize=1 << 16)
def syllable_forms(text):
    """(exact, folded) of one syllable; cached, since a language has few thousand of them."""
    exact = canonical(text).lower()
    return exact, fold(exact)


@lru_cache(maxsize=32)
def tokenize(text):
    """Every search token of `text`, in order, with offsets into `text` as given (NFC).

    Cached: the index reads each text several times (folded, exact, pairs)."""
    text = nfc(text)
    tokens = []
    position = 0
    last = None  # the folded syllable before: "khu" turns a Roman numeral into a number
    for raw in RAW.finditer(text):
        word = raw.group()
        if len(word) > MAX_TOKEN:
            continue
        start, end = raw.span()
        if "/" not in word and "-" not in word and "." not in word:
            # One syllable (most words): the common path, kept short.
            exact, folded = syllable_forms(word)
            if folded.startswith("qk"):
                region = MILITARY_REGION.match(word.lower())
                if region:
                    for part in ("quân", "khu", region.group(1)):
                        tokens.append(Token(part, fold(part), start, end, position))
                        position += 1
                    last = region.group(1)
                    continue
                if folded == "qk":
                    tokens.append(Token("quân", "quan", start, end, position))
                    position += 1
                    exact = folded = "khu"
            elif last == "khu" and folded in ROMAN:
                exact = folded = ROMAN[folded]
            tokens.append(Token(exact, folded, start, end, position))
            last = folded
            position += 1
            continue
        first = position
        for part in PART.finditer(word):
            token = _syllable(part.group(), start + part.start(), start + part.end(), position)
            if last == "khu" and token.folded in ROMAN:
                token = Token(
                    ROMAN[token.folded], ROMAN[token.folded], token.start, token.end, position
                )
            tokens.append(token)
            last = token.folded
            position += 1
        tokens += _wholes(word, start, first)
    return tuple(tokens)


def _wholes(word, offset, position):
    """A code's whole forms and leading parts, all at the code's first position."""
    exact = canonical(word).lower()
    forms = []
    if THOUSANDS.match(exact):
        forms.append(exact.replace(".", ""))
    separators = [m.start() for m in re.finditer(r"[/\-.]", exact)]
    forms += [exact[:cut] for cut in separators[1:]] + [exact]
    return [
        Token(form, fold(form), offset, offset + len(word), position, whole=True)
        for form in dict.fromkeys(forms)
    ]


def syllables(text):
    """The syllable tokens only (no whole forms): what phrases and pairs are made of."""
    return [t for t in tokenize(text) if not t.whole]


def pairs(tokens):
    """Adjacent syllable pairs, folded, that may be one word: inside a known two-syllable word,
    or between syllables of no known word. A pair across a word boundary ("vị tiên" in
    "đơn vị | tiên tiến") is left out, so it does not rank as if it were a phrase."""
    plain = [t for t in tokens if not t.whole]
    word_of = segments([t.folded for t in plain])
    known = known_word_flags(word_of)
    found = []
    for index, (a, b) in enumerate(itertools.pairwise(plain)):
        if b.position != a.position + 1:
            continue
        same_word = word_of[index] == word_of[index + 1]
        unknown = not known[index] and not known[index + 1]
        if same_word or unknown:
            found.append(f"{a.folded}_{b.folded}")
    return found
