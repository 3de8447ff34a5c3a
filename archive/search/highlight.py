"""Snippets with the matched words marked, for both backends alike.

Matching is on folded syllables, so a word found only after folding ("binh" for "Bình") is
marked too. Everything from the text is escaped; only our own <mark> tags are markup.
"""

from bisect import bisect_left

from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.search import query as q
from archive.text import nfc
from archive.text.tokens import tokenize

WINDOW = 36  # syllables in a snippet


def matcher(parsed):
    words, prefixes = set(), []
    for node in parsed.terms():
        if isinstance(node, q.Prefix):
            prefixes.append(node.folded)
        else:
            words.add(node.folded)
    if not prefixes:
        return lambda token: token.folded in words
    starts = tuple(prefixes)
    return lambda token: token.folded in words or token.folded.startswith(starts)


def matched_spans(text, parsed, tokens=None):
    is_match = matcher(parsed)
    spans = []
    for token in tokenize(text) if tokens is None else tokens:
        if is_match(token):
            if spans and token.start < spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], token.end))
            else:
                spans.append((token.start, token.end))
    return spans


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


def snippet(text, parsed, window=WINDOW):
    """The passage of `text` with the most matched words, escaped, with matches marked."""
    text = nfc(text or "")
    every = tokenize(text)
    tokens = [t for t in every if not t.whole]
    if not tokens:
        return mark_safe(escape(text[:240]))
    is_match = matcher(parsed)
    hits = [i for i, t in enumerate(tokens) if is_match(t)][:200]  # bounded: long texts
    best = 0
    if hits:
        # The window starting at a hit with the most distinct matched words (the first such).
        best = max(
            hits,
            key=lambda i: len(
                {
                    tokens[j].folded
                    for j in hits[bisect_left(hits, i) : bisect_left(hits, i + window)]
                }
            ),
        )
        best = max(0, best - 6)
    first, last = tokens[best], tokens[min(best + window, len(tokens)) - 1]
    start, end = first.start, last.end
    passage = text[start:end]
    inside = [t for t in every if start <= t.start and t.end <= end]
    spans = [(s - start, e - start) for s, e in matched_spans(text, parsed, inside)]
    body = mark(passage, spans)
    return mark_safe(("… " if start > 0 else "") + body + (" …" if end < len(text) else ""))
