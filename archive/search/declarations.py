"""What each model contributes to the search index, declared once per model.

A declaration says, for one model: how to read its objects for indexing (`queryset`), the
weighted texts of its document (`components`: weight → parts, A for titles and names … D for
running text), its filters and facets (`facets`), and which indexed objects show something of
one of its objects and must be indexed again when it changes (`affected`). Models that are not
indexed themselves but show in others' documents (participations, awards, figures) declare only
`affected`. Every backend indexes the documents built from these declarations.
"""

from django.db import models
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


def with_person():
    """Participations with their people joined in: a `participations__person` prefetch filters
    people with one OR per id on SQLite (Django 5.2), which SQLite refuses past ~1000 ids. Only
    the columns a document shows: an event has a dozen participations to read."""
    participations = Participation.objects.select_related("person").only(
        "event", "name_as_written", "titles", "person__full_name", "person__slug"
    )
    return models.Prefetch("participations", queryset=participations)


def rank_labels():
    """rank → its label in the active language, read once per document: `get_rank_display()`
    looks the choices up again for each of an official's fifty participations."""
    return {value: str(label) for value, label in Participation.rank.field.choices}


class Declaration:
    model = None
    indexed = True

    def queryset(self):
        return self.model.objects.all()

    def components(self, obj):
        raise NotImplementedError

    def facets(self, obj):
        return {}

    def affected(self, obj):
        return [obj]


class ArticleDeclaration(Declaration):
    """A report is found through the event it reports; only a report of no event is a hit of
    its own (one result per report, not the article and its event with one title)."""

    model = Article

    def queryset(self):
        return Article.objects.filter(events=None).prefetch_related(
            models.Prefetch("events", queryset=Event.objects.prefetch_related(with_person())),
            "events__organisations",
        )

    def components(self, article):
        return {
            "A": [article.title],
            "B": [article.byline, article.publisher],
            "D": [article.text],
        }

    def facets(self, article):
        events = list(article.events.all())
        first = events[0] if events else None
        published = timezone.localdate(article.published_at) if article.published_at else None
        return {
            "date": (first.date_held if first and first.date_held else published),
            "kind": first.kind if first else "",
            "province": first.province if first else "",
            "people": sorted(
                {p.person.slug for e in events for p in e.participations.all() if p.person}
            ),
            "organisations": sorted({o.slug for e in events for o in e.organisations.all()}),
            "article_ids": [article.pk],
        }

    def affected(self, article):
        return [article, *article.events.all()]


class EventDeclaration(Declaration):
    model = Event

    def queryset(self):
        return Event.objects.prefetch_related(
            with_person(), "organisations", "awards", "statistics", "articles"
        )

    def components(self, event):
        participations = list(event.participations.all())
        people = dict.fromkeys(
            part
            for p in participations
            for part in (p.name_as_written, p.person.full_name if p.person else "", *p.titles)
        )
        awards = [f"{a.name} {a.giver_name} {a.recipients}" for a in event.awards.all()]
        organisations = [f"{o.name} {o.abbreviation}" for o in event.organisations.all()]
        return {
            "A": [event.title],
            "B": list(people),
            "C": [event.place, event.province, event.period_label, *organisations, *awards],
            # The reports' text first: snippets are read from the start of the running text.
            "D": [a.text for a in event.articles.all()] + [s.label for s in event.statistics.all()],
        }

    def facets(self, event):
        participations = list(event.participations.all())
        return {
            "date": event.date_held,
            "kind": event.kind,
            "province": event.province,
            "people": sorted({p.person.slug for p in participations if p.person}),
            "organisations": sorted(o.slug for o in event.organisations.all()),
            "award_kinds": sorted({a.category for a in event.awards.all()}),
            "article_ids": sorted(a.pk for a in event.articles.all()),
        }

    def affected(self, event):
        people = Person.objects.filter(participations__event=event).distinct()
        return [event, *event.articles.all(), *people]


class PersonDeclaration(Declaration):
    model = Person

    def queryset(self):
        # Only the columns a document shows: an official at 100 000 reports was at about 50
        # events.
        participations = Participation.objects.select_related("event").only(
            "person", "rank", "titles", "event__date_held", "event__province"
        )
        return Person.objects.prefetch_related(
            models.Prefetch("participations", queryset=participations)
        )

    def components(self, person):
        participations = list(person.participations.all())
        titles = dict.fromkeys(t for p in participations for t in p.titles)
        labels = rank_labels()
        ranks = dict.fromkeys(labels.get(p.rank, p.rank) for p in participations if p.rank)
        return {"A": [person.full_name, *person.aliases], "B": [*titles, *ranks]}

    def facets(self, person):
        events = {p.event for p in person.participations.all()}
        dates = sorted(e.date_held for e in events if e.date_held)
        return {
            "date": dates[-1] if dates else None,
            "people": [person.slug],
            "province": next((e.province for e in events if e.province), ""),
        }

    def affected(self, person):
        events = Event.objects.filter(participations__person=person).distinct()
        return [person, *events, *Article.objects.filter(events__in=events).distinct()]


class OrganisationDeclaration(Declaration):
    model = Organisation

    def queryset(self):
        return Organisation.objects.select_related("parent")

    def components(self, organisation):
        return {
            "A": [organisation.name, organisation.abbreviation, *organisation.aliases],
            "C": [organisation.parent.name if organisation.parent else ""],
        }

    def facets(self, organisation):
        return {"organisations": [organisation.slug]}

    def affected(self, organisation):
        events = list(organisation.events.all())
        articles = Article.objects.filter(events__in=events).distinct()
        return [organisation, *organisation.children.all(), *events, *articles]


class AwardDeclaration(Declaration):
    """Awards are found through their event (its document holds their names and givers, and
    the award-kind facet): they are no hits of their own."""

    model = Award
    indexed = False

    def affected(self, award):
        return [Event.objects.filter(pk=award.event_id).first()]


class ParticipationDeclaration(Declaration):
    model = Participation
    indexed = False

    def affected(self, participation):
        event = Event.objects.filter(pk=participation.event_id).first()
        previous = getattr(participation, "_indexed_person_id", None)
        people = Person.objects.filter(pk__in={participation.person_id, previous} - {None})
        return [event, *(event.articles.all() if event else []), *people]


class StatisticDeclaration(Declaration):
    model = Statistic
    indexed = False

    def affected(self, statistic):
        return [Event.objects.filter(pk=statistic.event_id).first()]


DECLARATIONS = {
    declaration.model: declaration
    for declaration in (
        ArticleDeclaration(),
        EventDeclaration(),
        PersonDeclaration(),
        OrganisationDeclaration(),
        AwardDeclaration(),
        ParticipationDeclaration(),
        StatisticDeclaration(),
    )
}
INDEXED = {model._meta.model_name: d for model, d in DECLARATIONS.items() if d.indexed}


def declaration_of(obj):
    return DECLARATIONS[type(obj)]


def affected(obj):
    """The indexed objects whose documents show something of `obj`."""
    declaration = DECLARATIONS.get(type(obj))
    return declaration.affected(obj) if declaration else []
