"""Plain data → database, one transaction per article.

Loading is a sync, not an insert: every record an import writes has a stable key derived from
the article's key, so loading the same article twice writes nothing the second time, an edited
article updates its records in place, and a field listed in a record's `edited_fields` (an
editor's correction in the admin) keeps the editor's value.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from archive.ingest.organisations import find_organisations
from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)
from archive.text import canonical, fold

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"


@dataclass
class LoadResult:
    status: str
    article: Article


class Sync:
    """Writes records field by field, keeping hand edits, and remembers whether it wrote."""

    def __init__(self):
        self.changed = False

    def upsert(self, model, key, values, lookup=None):
        lookup = lookup or {"key": key}
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            self.changed = True
            return obj
        dirty = [
            name
            for name, value in values.items()
            if name not in obj.edited_fields and getattr(obj, name) != value
        ]
        for name in dirty:
            setattr(obj, name, values[name])
        if dirty:
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save(update_fields=dirty)
            self.changed = True
        return obj

    def remove_stale(self, queryset, keep_keys):
        """Delete what this article wrote before but no longer says, unless an editor touched it."""
        stale = queryset.exclude(key__in=keep_keys).filter(edited_fields=[])
        if stale.exists():
            stale.delete()
            self.changed = True

    def set_related(self, obj, field, items):
        if field in obj.edited_fields:
            return
        manager = getattr(obj, field)
        current = {item.pk for item in manager.all()}
        wanted = {item.pk for item in items}
        if current != wanted:
            manager.set(items)
            self.changed = True


def load_article(parsed, checksum):
    """Write one parsed article and its events; returns a LoadResult. Atomic."""
    with transaction.atomic():
        sync = Sync()
        existed = Article.objects.filter(key=parsed.key).exists()
        article = sync.upsert(
            Article,
            parsed.key,
            {
                "title": (parsed.title or (parsed.events[0].title if parsed.events else ""))[:500],
                "publisher": parsed.publisher[:200],
                "source_url": parsed.url,
                "published_at": aware(parsed.published),
                "byline": (parsed.byline or "")[:200],
                "text": parsed.text,
                "checksum": checksum,
            },
        )
        event_keys = []
        for index, parsed_event in enumerate(parsed.events):
            event = load_event(sync, article, parsed_event, f"{parsed.key}#e{index}")
            event_keys.append(event.key)
        sync.remove_stale(article.events.filter(key__startswith=f"{parsed.key}#"), event_keys)
        status = UPDATED if existed else NEW
        return LoadResult(status if sync.changed else UNCHANGED, article)


def aware(moment):
    if moment is None:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def load_event(sync, article, parsed, key):
    organisations = [organisation_for(sync, o) for o in parsed.organisations]
    event = sync.upsert(
        Event,
        key,
        {
            "title": parsed.title[:500],
            "kind": parsed.kind,
            "date_held": parsed.date,
            "date_precision": parsed.date_precision,
            "period_start": parsed.period[0] if parsed.period else None,
            "period_end": parsed.period[1] if parsed.period else None,
            "period_label": parsed.period_label,
            "place": parsed.place[:300],
            "province": parsed.province or "",
        },
    )
    if not event.articles.filter(pk=article.pk).exists():
        event.articles.add(article)
        sync.changed = True
    sync.set_related(event, "organisations", organisations)
    load_participations(sync, article, event, parsed.participants)
    load_awards(sync, article, event, parsed.awards, organisations)
    load_statistics(sync, article, event, parsed.statistics)
    return event


def load_participations(sync, article, event, participants):
    keys = []
    for order, participant in enumerate(participants):
        person = Person.objects.filter(pk=participant.person_id).first() or person_for(
            sync, participant.name
        )
        # A person the report names at the event without a role verb was there: attended.
        for role in participant.roles or ["attended"]:
            sentence = participant.role_sentences.get(role) or " ".join(participant.sentences[:1])
            key = f"{event.key}#p:{person.slug}:{role}"
            keys.append(key)
            sync.upsert(
                Participation,
                key,
                {
                    "event": event,
                    "article": article,
                    "person": person,
                    "name_as_written": participant.name,
                    "rank": participant.rank or "",
                    "titles": participant.titles,
                    "role": role,
                    "order": order,
                    "source_sentence": sentence,
                },
            )
    sync.remove_stale(event.participations.filter(key__startswith=f"{event.key}#"), keys)


def load_awards(sync, article, event, awards, organisations):
    keys = []
    by_name = {fold(o.name): o for o in organisations}
    for order, award in enumerate(awards):
        key = f"{event.key}#a{order}"
        keys.append(key)
        sync.upsert(
            Award,
            key,
            {
                "event": event,
                "article": article,
                "name": award.kind[:300],
                "category": award.category,
                "giver_name": award.giver[:300],
                "giver_organisation": giver_organisation(award.giver, by_name, event.province),
                "collectives": award.collectives,
                "individuals": award.individuals,
                "order": order,
                "source_sentence": award.sentence,
            },
        )
    sync.remove_stale(event.awards.filter(key__startswith=f"{event.key}#"), keys)


def giver_organisation(giver, organisations_by_name, province):
    found = find_organisations(giver, province)
    if len(found) == 1 and not giver.lower().startswith(("chủ tịch", "lãnh đạo", "giám đốc")):
        return organisations_by_name.get(fold(found[0].name))
    return None


def load_statistics(sync, article, event, statistics):
    keys = []
    for order, figure in enumerate(statistics):
        key = f"{event.key}#s{order}"
        keys.append(key)
        sync.upsert(
            Statistic,
            key,
            {
                "event": event,
                "article": article,
                "label": figure.label[:400],
                "value": Decimal(str(figure.value)).quantize(Decimal("0.01")),
                "unit": figure.unit[:100],
                "qualifier": figure.qualifier,
                "order": order,
                "source_sentence": figure.sentence,
            },
        )
    sync.remove_stale(event.statistics.filter(key__startswith=f"{event.key}#"), keys)


def person_for(sync, name):
    """The Person with exactly this name (tone placement aside), created if there is none.

    Only the whole name identifies a person: two officials who share a given name or a title
    are never merged.
    """
    wanted = canonical(name).lower()
    folded = fold(name)
    candidates = Person.objects.filter(
        Q(folded_name=folded) | Q(alias_keys__contains=f"|{folded}|")
    )
    for person in candidates:
        names = [person.full_name, *person.aliases]
        if any(canonical(n).lower() == wanted for n in names):
            return person
    sync.changed = True
    return Person.objects.create(full_name=name)


def organisation_for(sync, parsed):
    organisation = organisation_by_name(parsed.name)
    parent = organisation_named(sync, parsed.parent) if parsed.parent else None
    if organisation is None:
        organisation = Organisation.objects.create(
            name=parsed.name,
            abbreviation=parsed.abbreviation,
            kind=parsed.kind,
            parent=parent,
        )
        sync.changed = True
    elif parent and organisation.parent_id is None and "parent" not in organisation.edited_fields:
        organisation.parent = parent
        organisation.save(update_fields=["parent"])
        sync.changed = True
    return organisation


def organisation_by_name(name):
    """An organisation by its name or one of its aliases (tone placement and case aside)."""
    folded = fold(name)
    return (
        Organisation.objects.filter(folded_name=folded).first()
        or Organisation.objects.filter(alias_keys__contains=f"|{folded}|").first()
    )


def organisation_named(sync, name):
    organisation = organisation_by_name(name)
    if organisation is None:
        kind = (
            Organisation.Kind.MILITARY if name.startswith("Quân khu") else Organisation.Kind.OTHER
        )
        organisation = Organisation.objects.create(name=name, kind=kind)
        sync.changed = True
    return organisation
