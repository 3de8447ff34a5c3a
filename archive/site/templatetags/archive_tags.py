"""Template helpers: server-rendered SVG charts, linked source text, query-string edits."""

import re
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


def with_gaps(rows):
    """Every year between the first and the last, with 0 where nothing was counted, so that
    2019 and 2022 are not drawn as neighbours."""
    counted = dict(rows)
    if not counted or not all(isinstance(x, int) for x in counted):
        return rows
    return [(year, counted.get(year, 0)) for year in range(min(counted), max(counted) + 1)]


@register.simple_tag
def bar_chart(rows, label, url_pattern="", extra=None):
    """An inline SVG bar chart of [(year, count)] on a continuous year axis (empty years keep
    their gap), each non-empty bar a link when `url_pattern` has {x}. `extra` is one more bar
    after the axis, (label, count, URL), e.g. the undated events. The chart keeps its natural
    size (labels stay readable on a phone) and scrolls sideways inside its box when wider."""
    rows = with_gaps([(x, n) for x, n in rows if x is not None])
    bars = [(str(x), n, url_pattern.replace("{x}", str(x)) if url_pattern else "") for x, n in rows]
    if extra and extra[1]:
        bars.append((str(extra[0]), extra[1], extra[2]))
    if not bars:
        return ""
    height, bar, gap = 190, 40, 8
    top = max(n for _, n, _ in bars) or 1
    parts = []
    for index, (x, n, url) in enumerate(bars):
        h = round((height - 50) * n / top)
        left = index * (bar + gap)
        rect = (
            f'<rect x="{left}" y="{height - 24 - h}" width="{bar}" height="{h}" rx="2">'
            f"<title>{escape(x)}: {figure(n)}</title></rect>"
            f'<text x="{left + bar / 2}" y="{height - 6}" text-anchor="middle">{escape(x)}</text>'
            f'<text x="{left + bar / 2}" y="{height - 29 - h}" text-anchor="middle">'
            f"{figure(n)}</text>"
        )
        if url and n:
            rect = f'<a href="{escape(url)}">{rect}</a>'
        parts.append(rect)
    width = len(bars) * (bar + gap)
    return format_html(
        '<div class="chart-box" role="group" aria-label="{}">'
        '<svg class="chart" width="{}" height="{}" viewBox="0 0 {} {}">{}</svg></div>',
        label,
        width,
        height,
        width,
        height,
        mark_safe("".join(parts)),
    )


@register.simple_tag
def timeline_chart(rows, label):
    """A person's events along a time axis; a ring where the rank or titles changed, a faint
    mark where only the year reviewed is known. The legend is in the page."""
    dated = [r for r in rows if r["when"]]
    if not dated:
        return ""
    first, last = dated[0]["when"], dated[-1]["when"]
    span = max((last - first).days, 1)
    width, height = 640, 74
    marks = []
    for row in dated:
        x = 24 + round((width - 48) * (row["when"] - first).days / span) if len(dated) > 1 else 320
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
                10 if changed else 7,
                classes,
                row["when"].year if row["approximate"] else date_format(row["when"]),
                row["event"].title,
            )
        )
    if first.year == last.year:
        years = f'<text x="{width // 2}" y="66" text-anchor="middle">{first.year}</text>'
    else:
        years = (
            f'<text x="24" y="66">{first.year}</text>'
            f'<text x="{width - 24}" y="66" text-anchor="end">{last.year}</text>'
        )
    return format_html(
        '<div class="chart-box" role="group" aria-label="{}"><svg class="timeline" width="{}" '
        'height="{}" viewBox="0 0 {} {}"><line x1="24" y1="30" x2="{}" y2="30"/>{}{}</svg></div>',
        label,
        width,
        height,
        width,
        height,
        width - 24,
        mark_safe(years),
        mark_safe("".join(marks)),
    )


@register.filter
def figure(value):
    """A number as the language writes it: 9.000 and 1.150 in Vietnamese, 9,000 in English;
    no trailing ",00"."""
    if value is None or value == "":
        return value
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    number = int(number) if number == number.to_integral_value() else number.normalize()
    return number_format(number, use_l10n=True, force_grouping=True)


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
