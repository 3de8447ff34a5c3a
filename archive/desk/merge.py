"""Merging duplicate records: every link moves to the record kept, nothing is left orphaned."""

from django.db import transaction

from archive.models import Event, Organisation, Participation, Person
from archive.text import canonical


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
    kept.save()
    for other in others:
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
    kept.save()
    for other in others:
        other.delete()
    return kept
