"""The search query language, parsed into a small tree that both backends compile.

All words are required; `OR` between two words or phrases accepts either; `-word` excludes;
"quoted words" must appear in that order; `word*` matches names and words that begin so (three
letters at least). Abbreviations and their expansions find each other. The parser never raises:
whatever cannot be read as syntax is read as words.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from archive import vocabulary
from archive.text import fold, nfc
from archive.text.tokens import arabic_regions, tokenize

MAX_CHARS = 500
MAX_CLAUSES = 24
MIN_PREFIX = 3
MAX_TERM = 64

# "ubnd" → "ủy ban nhân dân", from the one declaration of the genre's abbreviations.
ABBREVIATIONS = {nfc(a.short).lower(): nfc(a.expansion).lower() for a in vocabulary.ABBREVIATIONS}


@dataclass(frozen=True)
class Term:
    exact: str
    folded: str

    @property
    def accented(self):
        return self.exact != self.folded


@dataclass(frozen=True)
class Whole:
    """A code or number form as typed: "21/2019/nđ-cp"."""

    folded: str


@dataclass(frozen=True)
class Phrase:
    terms: tuple

    @property
    def accented(self):
        return any(t.accented for t in self.terms)


@dataclass(frozen=True)
class Prefix:
    """Words that begin so; a one- or two-letter prefix only matches names (autocomplete)."""

    folded: str

    @property
    def names_only(self):
        return len(self.folded) < MIN_PREFIX


@dataclass(frozen=True)
class Any:
    """Either of its parts."""

    parts: tuple


@dataclass(frozen=True)
class All:
    """Every one of its parts, in any order (an unquoted expansion of an abbreviation)."""

    parts: tuple


@dataclass
class Query:
    """Required clauses (each a node), excluded clauses, and the words to highlight."""

    text: str
    required: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    message: str = ""

    @property
    def is_empty(self):
        return not self.required

    def terms(self):
        """Every Term, Whole and Prefix in the required clauses (for highlighting, ranking)."""
        found = []

        def walk(node):
            if isinstance(node, Any | All):
                for part in node.parts:
                    walk(part)
            elif isinstance(node, Phrase):
                found.extend(node.terms)
            else:
                found.append(node)

        for node in self.required:
            walk(node)
        return found

    def adjacent_pairs(self):
        """Folded pairs of consecutive unquoted words: they rank adjacent matches first."""
        plain = []
        for node in self.required:
            if isinstance(node, Term):
                plain.append(node)
            elif isinstance(node, Any) and isinstance(node.parts[0], All):
                plain.extend(node.parts[0].parts)
        return [f"{a.folded}_{b.folded}" for a, b in itertools.pairwise(plain)]


def clean(text):
    text = nfc(str(text or "")[: MAX_CHARS * 4])
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    text = text.replace("“", '"').replace("”", '"').replace("„", '"')
    return arabic_regions(" ".join(text.split())[:MAX_CHARS])


ITEM = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"|(?P<word>\S+)')


def parse(text):
    text = clean(text)
    if text.count('"') % 2:
        index = text.rfind('"')
        text = text[:index] + " " + text[index + 1 :]
    query = Query(text=text)
    pending_or = False
    for match in ITEM.finditer(text):
        if len(query.required) + len(query.excluded) >= MAX_CLAUSES:
            query.message = "long"
            break
        word = match.group("word")
        if word in {"OR", "HOẶC", "|", "||"}:
            pending_or = bool(query.required)
            continue
        if word in {"AND", "VÀ", "&", "&&", "+", "NOT", "ANDNOT", "-"}:
            continue
        negative = bool(match.group("neg")) or (word or "").startswith("-")
        node = (
            read_phrase(match.group("phrase"))
            if match.group("phrase") is not None
            else (read_word(word.lstrip("-+")))
        )
        if node is None:
            continue
        if negative:
            query.excluded.append(group(node) if isinstance(node, list) else node)
            continue
        nodes = node if isinstance(node, list) else [node]
        if any(isinstance(n, Prefix) and n.names_only for n in nodes) and not query.required:
            continue  # "N*" alone would scan every name: refused
        if pending_or and query.required:
            previous = query.required.pop()
            nodes = [Any((*parts(previous), *parts(group(nodes))))]
        query.required.extend(nodes)
        pending_or = False
    query.required = expand_abbreviations(query.required)
    if not query.required:
        query.excluded = []
    return query


def parts(node):
    return node.parts if isinstance(node, Any) else (node,)


def group(nodes):
    return nodes[0] if len(nodes) == 1 else Phrase(tuple(n for n in nodes if isinstance(n, Term)))


def read_phrase(text):
    terms = tuple(Term(t.exact, t.folded) for t in tokenize(text) if not t.whole)
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else Phrase(terms)


def read_word(word):
    """One typed word: a prefix, a code, or one or more syllables."""
    star = word.endswith("*")
    word = word.strip("*?~^:()[]{}!'\\/")
    if not word:
        return None
    tokens = tokenize(word)
    if not tokens:
        return None
    wholes = [t for t in tokens if t.whole]
    if wholes:
        return Whole(wholes[-1].folded)
    if star and len(tokens) == 1:
        return Prefix(tokens[0].folded)
    terms = [Term(t.exact, t.folded) for t in tokens if len(t.folded) <= MAX_TERM]
    if not terms:
        return None
    return terms if len(terms) > 1 else terms[0]


EXPANSIONS = {fold(expansion): abbreviation for abbreviation, expansion in ABBREVIATIONS.items()}


def expand_abbreviations(nodes):
    """UBND ↔ Ủy ban nhân dân: an abbreviation also finds its expansion, and back."""
    out = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        key = getattr(node, "folded", None)
        abbreviation = next((a for a in ABBREVIATIONS if fold(a) == key), None)
        if abbreviation:
            out.append(Any((node, read_phrase(ABBREVIATIONS[abbreviation]))))
            index += 1
            continue
        for size in (5, 4, 3, 2):
            window = nodes[index : index + size]
            if len(window) == size and all(isinstance(n, Term) for n in window):
                joined = " ".join(n.folded for n in window)
                if joined in EXPANSIONS:
                    short = fold(EXPANSIONS[joined])
                    abbreviated = Whole(short) if "-" in short else Term(short, short)
                    out.append(Any((All(tuple(window)), abbreviated)))
                    index += size
                    break
        else:
            out.append(node)
            index += 1
    return out
