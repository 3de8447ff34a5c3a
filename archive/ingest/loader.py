"""Plain data → database, one transaction per article (or per batch of articles).

Loading is a sync, not an insert: every record an import writes has a stable key derived from
the article's key, so loading the same article twice writes nothing the second time, an edited
article updates its records in place, and a field listed in a record's `edited_fields` (an
editor's correction in the admin) keeps the editor's value.

Every fact row keeps the sentence it was read from and its `confidence`; `reviewed` is only
ever raised (by a fact the desk confirmed), never lowered: a re-import keeps an editor's review.

`load_batch` writes the articles the archive does not have yet with a few bulk inserts (the
same rows `load_article` would write) and syncs the others one by one.
"""

import functools
import time
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.ingest.directory import Directory
from archive.ingest.organisations import find_organisations
from archive.ingest.source import PUBLISHED_YEARS
from archive.models import (
    Article,
    Award,
    Event,
    Participation,
    Statistic,
)
from archive.search.indexing import mark
from archive.text import fold

NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"


RETRIES = 3  # a load that meets another process's concurrent write is tried this often again


RETRY_PAUSE = 0.05  # seconds, doubled at each retry


def retried(load):
    """Loads again, a bounded number of times, what meets a concurrent writer: another import
    that inserted the same article or the same new person's slug first (IntegrityError), a
    deadlock or a lock not granted in time (OperationalError). Each try is a new transaction
    that reads what the other committed; inside an outer transaction nothing can be retried."""

    @functools.wraps(load)
    def load_with_retries(*args, **kwargs):
        for attempt in range(RETRIES + 1):
            try:
                return load(*args, **kwargs)
            except (IntegrityError, OperationalError):
                if attempt == RETRIES or transaction.get_connection().in_atomic_block:
                    raise
                time.sleep(RETRY_PAUSE * 2**attempt)
        raise AssertionError("unreachable")

    return load_with_retries


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
            validate(obj)
            obj.save()
            self.changed = True
            return obj
        dirty = [
            name
            for name, value in values.items()
            if name not in obj.edited_fields and getattr(obj, name) != value
        ]
        kept = [
            name
            for name, value in values.items()
            if name in obj.edited_fields and getattr(obj, name) != value
        ]
        if kept:
            obj.note_kept_edits(kept, saving=bool(dirty))
        for name in dirty:
            setattr(obj, name, values[name])
        if dirty:
            validate(obj)
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


def validate(obj):
    """Field and model validation, without the per-foreign-key queries: the loader sets every
    foreign key to an object it has just read or written."""
    relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def article_values(parsed, checksum):
    return {
        "title": (parsed.title or (parsed.events[0].title if parsed.events else ""))[:500],
        "publisher": parsed.publisher[:200],
        "source_url": parsed.url,
        "published_at": aware(parsed.published),
        "byline": (parsed.byline or "")[:200],
        "text": parsed.text,
        "checksum": checksum,
    }


def check_dates(parsed):
    """Refuse dates no report of the genre has (a year 1 read from the text): stored, they would
    break pages and the backup, or fail to convert to the database's time zone."""
    first, last = PUBLISHED_YEARS
    errors = {}
    if parsed.published and not first <= parsed.published.year <= last:
        errors["published_at"] = _("published %(date)s, not between %(first)s and %(last)s") % {
            "date": parsed.published.date().isoformat(),
            "first": first,
            "last": last,
        }
    for event in parsed.events:
        if event.date and not first <= event.date.year <= last:
            errors["date_held"] = _("date held %(date)s, not between %(first)s and %(last)s") % {
                "date": event.date.isoformat(),
                "first": first,
                "last": last,
            }
    if errors:
        raise ValidationError(errors)


def aware(moment):
    if moment is None:
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def event_key(article_key, index):
    return f"{article_key}#e{index}"


def event_values(parsed):
    return {
        "title": parsed.title[:500],
        "kind": parsed.kind,
        "date_held": parsed.date,
        "date_precision": parsed.date_precision,
        "period_start": parsed.period[0] if parsed.period else None,
        "period_end": parsed.period[1] if parsed.period else None,
        "period_label": parsed.period_label,
        "place": parsed.place[:300],
        "province": parsed.province or "",
    }


def participation_rows(article, event, participants, directory):
    """key → values of every participation; a person named twice in one role is one row."""
    rows = {}
    for order, participant in enumerate(participants):
        person = directory.participant(participant)
        # A person the report names at the event without a role verb was there: attended.
        for role in participant.roles or ["attended"]:
            sentence = participant.role_sentences.get(role) or " ".join(participant.sentences[:1])
            rows[f"{event.key}#p:{person.slug}:{role}"] = {
                "event": event,
                "article": article,
                "person": person,
                "name_as_written": participant.name,
                "rank": participant.rank or "",
                "titles": participant.titles,
                "role": role,
                "order": order,
                "source_sentence": sentence,
                **provenance(participant),
            }
    return rows


def provenance(fact):
    """How surely a fact was read, and the editor's review when the desk confirmed it: a
    re-import, which confirms nothing, leaves `reviewed` as it is."""
    return {"confidence": fact.confidence, **({"reviewed": True} if fact.reviewed else {})}


def award_rows(article, event, awards, organisations):
    by_name = {fold(o.name): o for o in organisations}
    return {
        f"{event.key}#a{order}": {
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
            **provenance(award),
        }
        for order, award in enumerate(awards)
    }


def giver_organisation(giver, organisations_by_name, province):
    found = find_organisations(giver, province)
    if len(found) == 1 and not giver.lower().startswith(("chủ tịch", "lãnh đạo", "giám đốc")):
        return organisations_by_name.get(fold(found[0].name))
    return None


def statistic_rows(article, event, statistics):
    return {
        f"{event.key}#s{order}": {
            "event": event,
            "article": article,
            "label": figure.label[:400],
            "value": Decimal(str(figure.value)).quantize(Decimal("0.01")),
            "unit": figure.unit[:100],
            "qualifier": figure.qualifier,
            "order": order,
            "source_sentence": figure.sentence,
            **provenance(figure),
        }
        for order, figure in enumerate(statistics)
    }


@retried
def load_article(parsed, checksum):
    """Write one parsed article and its events; returns a LoadResult. Atomic."""
    check_dates(parsed)
    with transaction.atomic():
        sync, directory = Sync(), Directory()
        existed = Article.objects.filter(key=parsed.key).exists()
        article = sync.upsert(Article, parsed.key, article_values(parsed, checksum))
        event_keys = []
        for index, parsed_event in enumerate(parsed.events):
            event = load_event(sync, directory, article, parsed_event, event_key(parsed.key, index))
            event_keys.append(event.key)
        sync.remove_stale(article.events.filter(key__startswith=f"{parsed.key}#"), event_keys)
        changed = sync.changed or directory.created
        return LoadResult((UPDATED if existed else NEW) if changed else UNCHANGED, article)


def load_event(sync, directory, article, parsed, key):
    organisations = [directory.organisation_for(o) for o in parsed.organisations]
    event = sync.upsert(Event, key, event_values(parsed))
    if not event.articles.filter(pk=article.pk).exists():
        event.articles.add(article)
        sync.changed = True
    sync.set_related(event, "organisations", organisations)
    for model, rows, related in (
        (
            Participation,
            participation_rows(article, event, parsed.participants, directory),
            "participations",
        ),
        (Award, award_rows(article, event, parsed.awards, organisations), "awards"),
        (Statistic, statistic_rows(article, event, parsed.statistics), "statistics"),
    ):
        for row_key, values in rows.items():
            sync.upsert(model, row_key, values)
        stale = getattr(event, related).filter(key__startswith=f"{event.key}#")
        sync.remove_stale(stale, list(rows))
    return event


@retried
def load_batch(items):
    """Load (parsed, checksum) pairs in one transaction; one LoadResult each, in order.

    Articles the archive does not have yet are inserted in bulk, with the rows `load_article`
    would write; the others, and a repeat of a key within the batch, go through `load_article`.
    """
    with transaction.atomic():
        known = set(
            Article.objects.filter(key__in=[p.key for p, _ in items]).values_list("key", flat=True)
        )
        fresh = {}
        for position, (parsed, _checksum) in enumerate(items):
            if parsed.key not in known and parsed.key not in fresh:
                fresh[parsed.key] = position
        inserted = insert_articles([items[position] for position in fresh.values()])
        results = dict(zip(fresh.values(), inserted, strict=True))
        return [results.get(position) or load_article(*item) for position, item in enumerate(items)]


def insert_articles(items):
    directory = Directory()
    events = [event for parsed, _ in items for event in parsed.events]
    directory.preload(
        [p.name for event in events for p in event.participants if not p.person_id],
        [o.name for event in events for o in event.organisations]
        + [o.parent for event in events for o in event.organisations if o.parent],
    )
    articles = [
        Article(key=parsed.key, **article_values(parsed, checksum)) for parsed, checksum in items
    ]
    rows = {Event: [], Participation: [], Award: [], Statistic: []}
    links, memberships, pending = [], [], []
    for article, (parsed, _checksum) in zip(articles, items, strict=True):
        check_dates(parsed)
        validate(article)
        for index, parsed_event in enumerate(parsed.events):
            found = map(directory.organisation_for, parsed_event.organisations)
            organisations = list({o.pk: o for o in found}.values())  # each once, in order
            event = Event(key=event_key(parsed.key, index), **event_values(parsed_event))
            validate(event)
            rows[Event].append(event)
            pending.append((article, event, parsed_event, organisations))
    Article.objects.bulk_create(articles)
    Event.objects.bulk_create(rows[Event])
    for article, event, parsed_event, organisations in pending:
        links.append(Event.articles.through(event=event, article=article))
        memberships += [
            Event.organisations.through(event=event, organisation=o) for o in organisations
        ]
        for model, found in (
            (
                Participation,
                participation_rows(article, event, parsed_event.participants, directory),
            ),
            (Award, award_rows(article, event, parsed_event.awards, organisations)),
            (Statistic, statistic_rows(article, event, parsed_event.statistics)),
        ):
            for key, values in found.items():
                obj = model(key=key, **values)
                validate(obj)
                rows[model].append(obj)
    Event.articles.through.objects.bulk_create(links)
    Event.organisations.through.objects.bulk_create(memberships)
    for model in (Participation, Award, Statistic):
        model.objects.bulk_create(rows[model], batch_size=500)
    # bulk_create sends no signals: say here which search documents changed.
    mark(*articles, *rows[Event], *rows[Award], *{p.person for p in rows[Participation]})
    return [LoadResult(NEW, article) for article in articles]
