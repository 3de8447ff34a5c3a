"""Snippets with the matched words marked, for every backend alike.

What is marked follows what was typed: a word typed with diacritics marks its exact forms only
("phòng" does not mark "phong" in "phong trào"), a word typed without them marks every form that
folds to it ("binh" marks "Bình" and "Bính"); a quoted phrase, and the expansion of an
abbreviation (UBND → "Ủy ban nhân dân"), mark only where all their words stand in order. A
snippet is the sentence (or two) holding the most of the query's words. Only a bounded window of
a long text is read, so a report of many megabytes costs no more than a long one. Everything
from the text is escaped; only our own <mark> tags are markup.
"""

import bisect
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.search import query as q
from archive.text.tokens import tokenize

WINDOW_CHARS = 30_000  # of a text, read to choose a snippet
SNIPPET_CHARS = 320  # a longer sentence is cut around its first match
SHORT_SENTENCE = 12  # syllables: a sentence this short is followed by the next one
SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+|\n+")


def term_matches(term, token):
    if isinstance(term, q.Prefix):
        return token.folded.startswith(term.folded)
    if isinstance(term, q.Whole):
        return token.folded == term.folded
    if term.accented:
        return token.exact == term.exact
    return token.folded == term.folded


def phrase_spans(terms, plain):
    size = len(terms)
    for index in range(len(plain) - size + 1):
        window = plain[index : index + size]
        consecutive = window[-1].position - window[0].position == size - 1
        if consecutive and all(term_matches(t, tok) for t, tok in zip(terms, window, strict=True)):
            yield (window[0].start, window[-1].end), frozenset({terms})


def node_spans(node, tokens, plain):
    """(start, end) and the query words it stands for, for each place `node` matches."""
    if isinstance(node, q.Any | q.All):
        for part in node.parts:
            yield from node_spans(part, tokens, plain)
    elif isinstance(node, q.Phrase):
        yield from phrase_spans(node.terms, plain)
    elif isinstance(node, q.Whole):
        for token in tokens:
            if term_matches(node, token):
                yield (token.start, token.end), frozenset({node})
    else:
        for token in plain:
            if term_matches(node, token):
                yield (token.start, token.end), frozenset({node})


def found(text, parsed):
    """Every match in `text`: [((start, end), words)], in order of the text."""
    tokens = tokenize(text)
    plain = [t for t in tokens if not t.whole]
    matches = [m for node in parsed.required for m in node_spans(node, tokens, plain)]
    return sorted(matches, key=lambda m: m[0])


def merged(spans):
    out = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def matched_spans(text, parsed):
    return merged(span for span, _words in found(text, parsed))


def mark(text, spans):
    out, cursor = [], 0
    for start, end in spans:
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def highlight(text, parsed):
    """The whole text, escaped, with matches marked."""
    return mark_safe(mark(text or "", matched_spans(text or "", parsed)))


def sentences(text):
    """(start, end) of each sentence of `text`."""
    start = 0
    for boundary in SENTENCE_END.finditer(text):
        if boundary.start() > start:
            yield start, boundary.start()
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


def best_passage(text, matches):
    """(start, end) of the sentence with the most distinct query words (the longer on a tie),
    followed by the next one when it is short."""
    spans = list(sentences(text))
    if not spans:
        return 0, 0
    starts = [t.start for t in tokenize(text) if not t.whole]

    def length(start, end):
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    def score(index):
        start, end = spans[index]
        words = set()
        for (s, e), w in matches:
            if start <= s and e <= end:
                words |= w
        return len(words), min(length(start, end), SHORT_SENTENCE)

    best = max(range(len(spans)), key=score) if matches else 0
    start, end = spans[best]
    if length(start, end) < SHORT_SENTENCE and best + 1 < len(spans):
        end = spans[best + 1][1]
    return start, end


def trimmed(text, start, end, spans):
    """A passage of at most SNIPPET_CHARS, cut at spaces, around its first match."""
    if end - start <= SNIPPET_CHARS:
        return start, end
    inside = [s for s, e in spans if start <= s < end]
    centre = inside[0] if inside else start
    cut_start = max(start, centre - SNIPPET_CHARS // 3)
    if cut_start > start:
        cut_start = text.find(" ", cut_start, centre) + 1 or cut_start
    cut_end = min(end, cut_start + SNIPPET_CHARS)
    if cut_end < end:
        cut_end = text.rfind(" ", cut_start, cut_end) if " " in text[cut_start:cut_end] else cut_end
    return cut_start, cut_end


def snippet(text, parsed):
    """The sentence of `text` that best answers the query, escaped, with matches marked."""
    full = text or ""
    text = full[:WINDOW_CHARS]
    matches = found(text, parsed)
    start, end = best_passage(text, matches)
    spans = merged(span for span, _words in matches)
    start, end = trimmed(text, start, end, spans)
    passage = text[start:end]
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    body = mark(passage, inside)
    return mark_safe(("… " if start > 0 else "") + body + (" …" if end < len(full) else ""))
