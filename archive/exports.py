"""The archive's tables as rows, and writers that stream them as CSV or JSON.

One definition per table (its columns and how to read each) serves the downloads of the lists
and of the search (`archive.site.exports`) and the dataset of the whole archive
(`manage.py export_dataset`). Rows are read in chunks and written as they come, so an export
of any size holds one chunk in memory, never the whole table.
"""

import csv
import json
from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.utils import timezone

from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)

CHUNK = 2000
BOM = "\ufeff"  # Excel reads a CSV file as UTF-8 only when it begins with one


def joined(values):
    return " | ".join(str(v) for v in values)


def day(value):
    return value.isoformat() if value else ""


def moment(value):
    return timezone.localtime(value).isoformat() if value else ""


@dataclass(frozen=True)
class Column:
    name: str
    read: object  # obj → value
    description: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple
    queryset: object  # () → QuerySet, in the order of the export

    def rows(self, queryset=None):
        """Dicts of column → value, read CHUNK rows at a time."""
        queryset = self.queryset() if queryset is None else queryset
        for obj in queryset.iterator(chunk_size=CHUNK):
            yield {c.name: c.read(obj) for c in self.columns}


def event_queryset():
    return Event.objects.latest().select_related("organiser").prefetch_related("articles")


EVENTS = Table(
    "events",
    "One row per event (conference or activity) that a report describes.",
    (
        Column("id", lambda e: e.pk, "Identifier; the page is /events/<id>/."),
        Column("url", lambda e: e.get_absolute_url(), "Address of the event's page."),
        Column("title", lambda e: e.title, "Title as reported."),
        Column("kind", lambda e: e.kind, "review, interim_review, deployment, exercise, …"),
        Column("date_held", lambda e: day(e.date_held), "ISO date; empty when not given."),
        Column("date_precision", lambda e: e.date_precision, "day, month or year."),
        Column("period_start", lambda e: e.period_start or "", "First year reviewed."),
        Column("period_end", lambda e: e.period_end or "", "Last year reviewed."),
        Column("period_label", lambda e: e.period_label, "The period as written."),
        Column("place", lambda e: e.place, "Where it was held."),
        Column("province", lambda e: e.province, "Province."),
        Column(
            "organiser", lambda e: e.organiser.slug if e.organiser else "", "Organisation slug."
        ),
        Column(
            "article_ids",
            lambda e: joined(a.pk for a in e.articles.all()),
            "Source reports' ids, separated by ' | '.",
        ),
    ),
    event_queryset,
)

PEOPLE = Table(
    "people",
    "One row per official.",
    (
        Column("slug", lambda p: p.slug, "Identifier; the page is /people/<slug>/."),
        Column("url", lambda p: p.get_absolute_url(), "Address of the person's page."),
        Column("full_name", lambda p: p.full_name, "Name as in the reports."),
        Column("aliases", lambda p: joined(p.aliases), "Other spellings, separated by ' | '."),
        Column("event_count", lambda p: p.event_count, "Events the person took part in."),
    ),
    lambda: Person.objects.with_event_counts().alphabetical(),
)

ORGANISATIONS = Table(
    "organisations",
    "One row per organisation (party, state, military, police body or armed force).",
    (
        Column("slug", lambda o: o.slug, "Identifier; the page is /organisations/<slug>/."),
        Column("url", lambda o: o.get_absolute_url(), "Address of the organisation's page."),
        Column("name", lambda o: o.name, "Name."),
        Column("abbreviation", lambda o: o.abbreviation, "Abbreviation (UBND, CHQS…)."),
        Column("kind", lambda o: o.kind, "party, government, military, police, front, …"),
        Column("parent", lambda o: o.parent.slug if o.parent else "", "Parent's slug."),
        Column("aliases", lambda o: joined(o.aliases), "Other names, separated by ' | '."),
        Column("event_count", lambda o: o.event_count, "Events that name it."),
    ),
    lambda: (
        Organisation.objects.select_related("parent")
        .annotate(event_count=Count("events", distinct=True))
        .order_by("kind", "folded_name", "pk")
    ),
)

PARTICIPATIONS = Table(
    "participations",
    "One row per person in one role at an event, with the rank and titles given then.",
    (
        Column("id", lambda p: p.pk, "Identifier."),
        Column("event_id", lambda p: p.event_id, "The event (events.id)."),
        Column("person", lambda p: p.person.slug if p.person else "", "people.slug, if known."),
        Column("name_as_written", lambda p: p.name_as_written, "The name as the report has it."),
        Column("rank", lambda p: p.rank, "Rank then (Đại tá, Thượng tá…)."),
        Column("titles", lambda p: joined(p.titles), "Titles then, separated by ' | '."),
        Column("role", lambda p: p.role, "presided, directed, attended, spoke, …"),
        Column("article_id", lambda p: p.article_id or "", "The report read (articles.id)."),
        Column("source_sentence", lambda p: p.source_sentence, "The sentence it was read in."),
    ),
    lambda: Participation.objects.select_related("person").order_by("event_id", "order", "pk"),
)

AWARDS = Table(
    "awards",
    "One row per award given at an event.",
    (
        Column("id", lambda a: a.pk, "Identifier."),
        Column("event_id", lambda a: a.event_id, "The event (events.id)."),
        Column("name", lambda a: a.name, "The award as written."),
        Column("category", lambda a: a.category, "bang_khen, giay_khen, co_thi_dua, …"),
        Column("giver_name", lambda a: a.giver_name, "Who gave it, as written."),
        Column(
            "giver_organisation",
            lambda a: a.giver_organisation.slug if a.giver_organisation else "",
            "organisations.slug of the giver, if known.",
        ),
        Column("collectives", lambda a: "" if a.collectives is None else a.collectives, ""),
        Column("individuals", lambda a: "" if a.individuals is None else a.individuals, ""),
        Column("recipients", lambda a: a.recipients, "Recipients named."),
        Column("article_id", lambda a: a.article_id or "", "The report read (articles.id)."),
        Column("source_sentence", lambda a: a.source_sentence, "The sentence it was read in."),
    ),
    lambda: Award.objects.select_related("giver_organisation").order_by("event_id", "order", "pk"),
)

FIGURES = Table(
    "figures",
    "One row per figure an event reports.",
    (
        Column("id", lambda s: s.pk, "Identifier."),
        Column("event_id", lambda s: s.event_id, "The event (events.id)."),
        Column("label", lambda s: s.label, "What is counted."),
        Column("value", lambda s: s.value_display, "The number."),
        Column("unit", lambda s: s.unit, "Unit."),
        Column("qualifier", lambda s: s.qualifier, "gần, hơn, khoảng…"),
        Column("article_id", lambda s: s.article_id or "", "The report read (articles.id)."),
        Column("source_sentence", lambda s: s.source_sentence, "The sentence it was read in."),
    ),
    lambda: Statistic.objects.order_by("event_id", "order", "pk"),
)

ARTICLES = Table(
    "articles",
    "One row per source report, with its text.",
    (
        Column("id", lambda a: a.pk, "Identifier; the page is /articles/<id>/."),
        Column("url", lambda a: a.get_absolute_url(), "Address of the report's page."),
        Column("title", lambda a: a.title, "Title."),
        Column("publisher", lambda a: a.publisher, "Publisher."),
        Column("byline", lambda a: a.byline, "Author."),
        Column("published_at", lambda a: moment(a.published_at), "ISO date and time."),
        Column("source_url", lambda a: a.source_url, "Original address."),
        Column("event_ids", lambda a: joined(e.pk for e in a.events.all()), "events.id, ' | '."),
        Column("text", lambda a: a.text, "The text as published."),
    ),
    lambda: Article.objects.prefetch_related(
        Prefetch("events", queryset=Event.objects.only("pk"))
    ).order_by("-published_at", "key", "pk"),
)

TABLES = {
    t.name: t for t in (EVENTS, PEOPLE, ORGANISATIONS, PARTICIPATIONS, AWARDS, FIGURES, ARTICLES)
}


class _Line:
    """A file-like object whose write() returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_stream(columns, rows, bom=True):
    """UTF-8 CSV text, piece by piece: the byte-order mark, the header, one line per row."""
    writer = csv.writer(_Line())
    if bom:
        yield BOM
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([row[c] for c in columns])


def json_stream(rows, head=None):
    """A JSON document, piece by piece: `{...head, "results": [row, …]}` or `[row, …]`."""
    if head is not None:
        opening = json.dumps(head, ensure_ascii=False)[:-1]
        yield opening + (', "results": [' if head else '"results": [')
    else:
        yield "["
    first = True
    for row in rows:
        yield ("" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
        first = False
    yield "]}\n" if head is not None else "]\n"
