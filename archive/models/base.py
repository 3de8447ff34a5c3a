"""What every imported record shares: a stable key, the fields an editor corrected, and
names kept in one spacing and folded for finding."""

import operator
import uuid
from functools import reduce

from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from archive.text import canonical, fold, nfc, slugify_vi


def new_key():
    return uuid.uuid4().hex


def refresh_statistics(*tables):
    """After a bulk write on PostgreSQL, ANALYZE these models' tables (every table when none is
    named), so that the planner knows their sizes and values at once, whether or when
    autovacuum would get to them. On the plan of tables it still took for empty, an event page
    at 100 000 reports took 324 ms (its articles found by walking every article in date order);
    21 ms once analysed (docs/performance.md)."""
    if connection.vendor != "postgresql":
        return
    names = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {names}")


class EditTracked(models.Model):
    """A record an import writes and an editor may correct; corrected fields are kept."""

    edited_fields = models.JSONField(
        _("fields edited by hand"),
        default=list,
        blank=True,
        help_text=_("A re-import leaves these fields as the editor set them."),
    )

    # Who changed which field, from what to what, and when: edits, merges and imports alike.
    history = HistoricalRecords(inherit=True, app="archive_history")

    class Meta:
        abstract = True

    def mark_edited(self, *field_names):
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))

    def save_edits(self, field_names, edited=None):
        """Save only `field_names` (an editor's changes) and add `edited` (default: the same
        names) to `edited_fields` as stored now, under the row's lock: editors who change
        other fields of this record at the same time keep their changes and their marks."""
        edited = set(field_names if edited is None else edited) - {"edited_fields"}
        with transaction.atomic():
            stored = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("edited_fields", flat=True)
                .first()
            )
            self.edited_fields = sorted(set(stored or []) | edited)
            self.save(update_fields={*field_names, "edited_fields"} - {"id"})

    def keep_former_name(self, name_field, update_fields=None):
        """Before saving a rename: the name it replaces becomes an alias, because the reports
        still use it and a re-import must find this record by it. Returns `update_fields`
        widened to the aliases when the save names its fields."""
        if self.pk is None or (update_fields is not None and name_field not in update_fields):
            return update_fields
        if update_fields is not None:  # what is derived from the name is saved with it
            derived = {f.name for f in self._meta.concrete_fields if not f.editable}
            update_fields = {*update_fields, *(derived & {"folded_name", "sort_name"})}
        manager = type(self)._base_manager
        former = manager.filter(pk=self.pk).values_list(name_field, flat=True).first()
        known = {same_name(n) for n in [getattr(self, name_field), *self.aliases]}
        if not former or same_name(former) in known:
            return update_fields
        self.aliases = [*self.aliases, former]
        if update_fields is None:
            return None
        return {*update_fields, "aliases", "alias_keys"}

    def note_kept_edits(self, field_names, saving):
        """Say in the history that an import left these hand-edited fields alone. When the
        import saves the record anyway the note goes with that change, else on its own line."""
        names = ", ".join(sorted(field_names))
        self._change_reason = ngettext(
            "import kept the field edited by hand: %(names)s",
            "import kept the fields edited by hand: %(names)s",
            len(field_names),
        ) % {"names": names}
        if not saving:
            type(self).history.bulk_history_create([self], update=True)
            del self._change_reason


def merge_reason(names):
    return gettext("merged into this record: %(names)s") % {"names": names}


class KeyedManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


def folded_keys(names):
    """ "|a|b|": folded names to find a record by any of its aliases with one `contains`."""
    return "|" + "|".join(fold(canonical_spacing(n)) for n in names) + "|" if names else ""


def same_name(text):
    """Names that differ only by spacing, tone-mark placement or case are one name."""
    return canonical(canonical_spacing(text)).lower()


def canonical_spacing(text):
    return " ".join(nfc(text).split())


def unique_slug(model, text):
    """A slug no record of `model` has, nor had before it was merged into another."""
    from archive.models.redirects import MergedSlug

    base = slugify_vi(text) or "x"
    slug, n = base, 2
    merged = MergedSlug.objects.for_model(model)
    while model.objects.filter(slug=slug).exists() or merged.filter(old_slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def holding_unreviewed_weak_facts(queryset, to_record):
    """The events or articles of `queryset` that still hold a fact a weak pattern read and no
    editor confirmed; `to_record` is the facts' foreign key to them ("event", "article"). The
    facts are found through the records' reverse relations, so this module imports none."""
    facts = [
        relation.related_model
        for relation in queryset.model._meta.related_objects
        if relation.field.name == to_record
        and hasattr(relation.related_model.objects, "unreviewed_weak")
    ]
    held = [
        Exists(fact.objects.unreviewed_weak().filter(**{to_record: OuterRef("pk")}))
        for fact in facts
    ]
    return queryset.filter(reduce(operator.or_, held)) if held else queryset.none()
