"""Merging duplicate records: every link moves to the record kept, nothing is left orphaned,
and the old addresses of the records merged away redirect to it."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext

from archive.models import Event, MergedSlug, Organisation, Participation, Person, Role
from archive.models.base import merge_reason
from archive.text import canonical


@dataclass
class Candidate:
    """A record offered for a merge, with what it holds, so the editor can pick the fuller."""

    record: object
    events: int
    titles: int | None  # organisations hold no titles
    awards: int

    @property
    def weight(self):
        return self.events + (self.titles or 0) + self.awards


def person_candidates(queryset):
    people = queryset.annotate(
        n_events=Count("participations__event", distinct=True),
        n_awards=Count(
            "participations__event",
            filter=Q(participations__role=Role.PRESENTED),
            distinct=True,
        ),
    ).order_by("pk")
    titles = {}
    for person_id, held in Participation.objects.filter(person__in=people).values_list(
        "person_id", "titles"
    ):
        titles.setdefault(person_id, set()).update(canonical(t).lower() for t in held or [])
    return [Candidate(p, p.n_events, len(titles.get(p.pk, ())), p.n_awards) for p in people]


def organisation_candidates(queryset):
    organisations = queryset.annotate(
        n_events=Count("events", distinct=True),
        n_organised=Count("organised_events", distinct=True),
        n_awards=Count("awards_given", distinct=True),
    ).order_by("pk")
    return [Candidate(o, o.n_events + o.n_organised, None, o.n_awards) for o in organisations]


def fullest(candidates):
    """The candidate holding most (the oldest record on a tie)."""
    return max(candidates, key=lambda c: (c.weight, -c.record.pk))


def add_aliases(kept, *names):
    """Add to `kept.aliases` the names it does not already bear (tone placement aside)."""
    own_name = kept.full_name if isinstance(kept, Person) else kept.name
    known = {canonical(name).lower() for name in [own_name, *kept.aliases]}
    for name in names:
        if name and canonical(name).lower() not in known:
            kept.aliases.append(name)
            known.add(canonical(name).lower())


@transaction.atomic
def merge_people(kept, others):
    """Move every participation and alias of `others` to `kept`, then delete `others`."""
    others = [o for o in others if o.pk != kept.pk]
    for other in others:
        for participation in Participation.objects.filter(person=other):
            clash = Participation.objects.filter(
                event_id=participation.event_id, person=kept, role=participation.role
            ).exists()
            if clash:
                participation.delete()
            else:
                participation.person = kept
                participation.save(update_fields=["person"])
        add_aliases(kept, other.full_name, *other.aliases)
    kept.mark_edited("aliases")
    kept._change_reason = merge_reason(", ".join(o.full_name for o in others))
    kept.save()
    for other in others:
        MergedSlug.objects.record(other, kept)
        other._change_reason = gettext("merged into %(kept)s") % {"kept": kept}
        other.delete()
    return kept


@transaction.atomic
def merge_organisations(kept, others):
    """Move events, awards given, units below and aliases of `others` to `kept`."""
    others = [o for o in others if o.pk != kept.pk]
    for other in others:
        for event in Event.objects.filter(organisations=other):
            event.organisations.add(kept)
            event.organisations.remove(other)
        Event.objects.filter(organiser=other).update(organiser=kept)
        other.awards_given.update(giver_organisation=kept)
        Organisation.objects.filter(parent=other).exclude(pk=kept.pk).update(parent=kept)
        add_aliases(kept, other.name, *other.aliases)
        if not kept.abbreviation:
            kept.abbreviation = other.abbreviation
    kept.mark_edited("aliases")
    kept._change_reason = merge_reason(", ".join(o.name for o in others))
    kept.save()
    for other in others:
        MergedSlug.objects.record(other, kept)
        other._change_reason = gettext("merged into %(kept)s") % {"kept": kept}
        other.delete()
    return kept
