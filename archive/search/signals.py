"""Saving or deleting anything indexed marks the documents it changes for re-indexing."""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete
from django.dispatch import receiver

from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)
from archive.search.indexing import mark


def affected(obj):
    """The indexed objects whose documents show something of `obj`."""
    if isinstance(obj, Article):
        events = list(obj.events.all())
        return [obj, *events, *Award.objects.filter(event__in=events)]
    if isinstance(obj, Event):
        people = Person.objects.filter(participations__event=obj).distinct()
        return [obj, *obj.articles.all(), *people, *obj.awards.all()]
    if isinstance(obj, Participation):
        event = Event.objects.filter(pk=obj.event_id).first()
        previous = getattr(obj, "_indexed_person_id", None)
        people = Person.objects.filter(pk__in={obj.person_id, previous} - {None})
        return [event, *(event.articles.all() if event else []), *people]
    if isinstance(obj, (Award, Statistic)):
        event = Event.objects.filter(pk=obj.event_id).first()
        return [obj if isinstance(obj, Award) else None, event]
    if isinstance(obj, Person):
        events = Event.objects.filter(participations__person=obj).distinct()
        return [obj, *events, *Article.objects.filter(events__in=events).distinct()]
    if isinstance(obj, Organisation):
        events = list(obj.events.all())
        articles = Article.objects.filter(events__in=events).distinct()
        return [obj, *obj.children.all(), *events, *articles, *obj.awards_given.all()]
    return []


WATCHED = (Article, Event, Participation, Award, Statistic, Person, Organisation)


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
