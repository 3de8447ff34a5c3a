"""Saving or deleting anything indexed marks the documents it changes for re-indexing."""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete
from django.dispatch import receiver

from archive.models import Article, Event, Organisation, Participation, Person
from archive.search.declarations import DECLARATIONS, affected
from archive.search.indexing import mark

WATCHED = tuple(DECLARATIONS)


@receiver(post_save)
def on_save(sender, instance, created=False, raw=False, **kwargs):
    if sender in WATCHED and not raw:
        # Nothing links to a person or organisation just created: only its own document.
        fresh = created and sender in (Person, Organisation)
        mark(*([instance] if fresh else affected(instance)))


@receiver(pre_delete)
def before_delete(sender, instance, **kwargs):
    if sender in WATCHED:
        instance._index_affected = affected(instance)


@receiver(post_delete)
def on_delete(sender, instance, **kwargs):
    if sender in WATCHED:
        mark(*getattr(instance, "_index_affected", [instance]))


def linked(instance, sender):
    """What `instance` is linked to through this many-to-many table now."""
    if isinstance(instance, Event):
        field = "articles" if sender is Event.articles.through else "organisations"
        return list(getattr(instance, field).all())
    return list(instance.events.all())


@receiver(m2m_changed, sender=Event.articles.through)
@receiver(m2m_changed, sender=Event.organisations.through)
def on_links_changed(sender, instance, action, model, pk_set, **kwargs):
    """A link shows in the event's document and in its reports' documents (not in an
    organisation's), so mark those, on both sides of the link and for what was unlinked."""
    if action == "pre_clear":
        instance._index_unlinked = linked(instance, sender)
    if not action.startswith("post_"):
        return
    others = list(model.objects.filter(pk__in=pk_set or ()))
    others += getattr(instance, "_index_unlinked", [])
    events = (
        [instance] if isinstance(instance, Event) else [o for o in others if isinstance(o, Event)]
    )
    articles = [o for o in [instance, *others] if isinstance(o, Article)]
    articles += Article.objects.filter(events__in=[e.pk for e in events]).distinct()
    mark(*events, *articles)


@receiver(post_init, sender=Participation)
def remember_person(sender, instance, **kwargs):
    """A participation moved to another person re-indexes the person it leaves too."""
    instance._indexed_person_id = instance.person_id
