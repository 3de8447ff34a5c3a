"""Snippets with the matched words marked, for every backend alike.

What is marked follows what was typed: a word typed with diacritics marks its exact forms only
("phòng" does not mark "phong" in "phong trào"), a word typed without them marks every form that
folds to it ("binh" marks "Bình" and "Bính"); a quoted phrase, and the expansion of an
abbreviation (UBND → "Ủy ban nhân dân"), mark only where all their words stand in order. A
snippet is the sentence (or two) holding the most of the query's words. Only a bounded window of
a long text is read, so a report of many megabytes costs no more than a long one, and of that
window only the sentences holding one of the query's folded words are cut into tokens (a
search shows twenty snippets: cutting whole reports was most of its time). Everything
from the text is escaped; only our own <mark> tags are markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.search import query as q
from archive.text import fold
from archive.text.tokens import tokenize

WINDOW_CHARS = 30_000  # of a text, read to choose a snippet
SNIPPET_CHARS = 320  # a longer sentence is cut around its first match
SHORT_SENTENCE = 12  # syllables: a sentence this short is followed by the next one
SENTENCE_END = re.compile(r"[.!?…;]\s+|\n+")  # a sentence keeps its stop, not what follows


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
    else:
        # One comparison per token, chosen once per word (this loop is most of a snippet).
        words = frozenset({node})
        if isinstance(node, q.Whole):
            found = [t for t in tokens if t.folded == node.folded]
        elif isinstance(node, q.Prefix):
            found = [t for t in plain if t.folded.startswith(node.folded)]
        elif node.accented:
            found = [t for t in plain if t.exact == node.exact]
        else:
            found = [t for t in plain if t.folded == node.folded]
        for token in found:
            yield (token.start, token.end), words


def found(text, parsed):
    """Every match in `text`: [((start, end), words)], in order of the text."""
    return found_in(tokenize(text), parsed)[0]


def found_in(tokens, parsed):
    """(every match among `tokens`, in order of the text; how many syllables they hold)."""
    plain = [t for t in tokens if not t.whole]
    matches = [m for node in parsed.required for m in node_spans(node, tokens, plain)]
    return sorted(matches, key=lambda m: m[0]), len(plain)


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
        end = boundary.start() + (text[boundary.start()] != "\n")
        if end > start:
            yield start, end
        start = boundary.end()
    if start < len(text):
        yield start, len(text)


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


def units(parsed):
    """What counts as one query word in a snippet's score, each as the folded strings a
    sentence must all hold to match it (a phrase: all its words)."""
    found = set()

    def walk(node):
        if isinstance(node, q.Any | q.All):
            for part in node.parts:
                walk(part)
        elif isinstance(node, q.Phrase):
            found.add(frozenset(term.folded for term in node.terms))
        else:
            found.add(frozenset({node.folded}))

    for node in parsed.required:
        walk(node)
    return found


def bounding(wanted):
    """A function giving how many of the query's words a folded sentence can match at most:
    those whose folded strings it holds, or all of them when it holds forms our tokens make
    from other spellings ("QK1" → quân khu 1, "khu IV" → khu 4, "9.000" → 9000). Cheap: only
    the sentences that may win are cut into tokens. What depends on the query alone is worked
    out once, not once per sentence."""
    numbered = any(c.isdigit() for unit in wanted for c in "".join(unit))
    squash = any("".join(unit)[:1].isdigit() for unit in wanted)
    singles = [key for unit in wanted if len(unit) == 1 for key in unit]
    several = [tuple(unit) for unit in wanted if len(unit) > 1]
    everything = len(wanted)

    def at_most(folded):
        if "qk" in folded or (numbered and "khu" in folded):
            return everything
        if squash:
            folded = folded.replace(".", "")
        held = sum(key in folded for key in singles)
        for unit in several:
            held += all(key in folded for key in unit)
        return held

    return at_most


def matches_in(text, start, end, parsed):
    """(the matches of one sentence, with offsets into the whole text; its syllables)."""
    matches, syllables = found_in(tokenize(text[start:end]), parsed)
    return [((s + start, e + start), w) for (s, e), w in matches], syllables


def best_passage(text, spans, parsed):
    """(start, end) of the sentence with the most distinct query words (the longer on a tie,
    up to SHORT_SENTENCE syllables; the first of equals), followed by the next one when it is
    short, and the matches inside. Sentences are tried from those that may hold the most words
    down, and cut into tokens only until none left can do better than the best found."""
    if not spans:
        return 0, 0, []
    at_most = bounding(units(parsed))
    folded = fold(text)
    aligned = len(folded) == len(text)  # folding kept every offset: slice it, else fold again
    bounds = []
    for index, (start, end) in enumerate(spans):
        bound = at_most(folded[start:end] if aligned else fold(text[start:end]))
        if bound:
            bounds.append((-bound, index))
    best, best_score, best_matches = 0, None, []
    for negative, index in sorted(bounds):
        ceiling = (-negative, SHORT_SENTENCE)
        if best_score is not None and (
            best_score > ceiling or (best_score == ceiling and best < index)
        ):
            break
        start, end = spans[index]
        matches, syllables = matches_in(text, start, end, parsed)
        if not matches:
            continue
        words = frozenset().union(*(w for _span, w in matches))
        score = (len(words), min(syllables, SHORT_SENTENCE))
        if best_score is None or score > best_score or (score == best_score and index < best):
            best, best_score, best_matches = index, score, matches
    start, end = spans[best]
    # The best's syllables are in its score (up to SHORT_SENTENCE); with no match, count them.
    syllables = best_score[1] if best_score else matches_in(text, start, end, parsed)[1]
    if syllables < SHORT_SENTENCE and best + 1 < len(spans):
        following = spans[best + 1]
        best_matches = best_matches + matches_in(text, *following, parsed)[0]
        end = following[1]
    return start, end, best_matches


def snippet(text, parsed):
    """The sentence of `text` that best answers the query, escaped, with matches marked."""
    full = text or ""
    text = full[:WINDOW_CHARS]
    start, end, matches = best_passage(text, list(sentences(text)), parsed)
    spans = merged(span for span, _words in matches)
    start, end = trimmed(text, start, end, spans)
    passage = text[start:end]
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    body = mark(passage, inside)
    return mark_safe(("… " if start > 0 else "") + body + (" …" if end < len(full) else ""))
