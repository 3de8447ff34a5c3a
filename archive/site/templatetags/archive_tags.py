"""Template helpers: server-rendered SVG charts, linked source text, query-string edits."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def bar_chart(rows, label, url_pattern=""):
    """An inline SVG bar chart of [(x, count)], each bar a link when `url_pattern` has {x}."""
    rows = [(x, n) for x, n in rows if x is not None]
    if not rows:
        return ""
    width, height, gap = 640, 180, 4
    bar = max(8, (width - gap * len(rows)) // max(len(rows), 1))
    top = max(n for _, n in rows) or 1
    parts = []
    for index, (x, n) in enumerate(rows):
        h = round((height - 40) * n / top)
        left = index * (bar + gap)
        rect = (
            f'<rect x="{left}" y="{height - 20 - h}" width="{bar}" height="{h}" rx="2">'
            f"<title>{escape(x)}: {n}</title></rect>"
            f'<text x="{left + bar / 2}" y="{height - 5}" text-anchor="middle">{escape(x)}</text>'
            f'<text x="{left + bar / 2}" y="{height - 24 - h}" text-anchor="middle">{n}</text>'
        )
        if url_pattern:
            rect = f'<a href="{escape(url_pattern.replace("{x}", str(x)))}">{rect}</a>'
        parts.append(rect)
    total_width = len(rows) * (bar + gap)
    return mark_safe(
        f'<svg class="chart" viewBox="0 0 {total_width} {height}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet">'
        + "".join(parts)
        + "</svg>"
    )


@register.simple_tag
def timeline_chart(rows, label):
    """A person's events along a time axis; a ring where the rank or titles changed."""
    dated = [r for r in rows if r["when"]]
    if not dated:
        return ""
    first, last = dated[0]["when"], dated[-1]["when"]
    span = max((last - first).days, 1)
    width, height = 640, 70
    marks = []
    for row in dated:
        x = 20 + round((width - 40) * (row["when"] - first).days / span)
        changed = row["rank_changed"] or row["titles_changed"]
        classes = " ".join(
            c for c, on in (("changed", changed), ("approx", row["approximate"])) if on
        )
        marks.append(
            format_html(
                '<a href="{}"><circle cx="{}" cy="30" r="{}" class="{}"><title>{} — {}</title>'
                "</circle></a>",
                row["event"].get_absolute_url(),
                x,
                9 if changed else 6,
                classes,
                row["when"].strftime("%Y")
                if row["approximate"]
                else row["when"].strftime("%d/%m/%Y"),
                row["event"].title,
            )
        )
    return mark_safe(
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
        f'<line x1="20" y1="30" x2="{width - 20}" y2="30"/>'
        f'<text x="20" y="62">{first.year}</text>'
        f'<text x="{width - 20}" y="62" text-anchor="end">{last.year}</text>'
        + "".join(marks)
        + "</svg>"
    )


@register.simple_tag
def linked_text(text, links):
    """The text, escaped, in paragraphs, with each name in `links` (name → URL) linked once
    per occurrence."""
    names = sorted((n for n in links if n), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(escape(n)) for n in names)) if names else None
    by_escaped = {escape(n): url for n, url in links.items()}
    paragraphs = []
    for paragraph in (p.strip() for p in (text or "").split("\n")):
        if not paragraph:
            continue
        html = escape(paragraph)
        if pattern:
            html = pattern.sub(lambda m: f'<a href="{by_escaped[m.group()]}">{m.group()}</a>', html)
        paragraphs.append(f"<p>{html}</p>")
    return mark_safe("\n".join(paragraphs))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()
