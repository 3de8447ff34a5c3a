"""What every imported record shares: a stable key, the fields an editor corrected, and
names kept in one spacing and folded for finding."""

import uuid

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from archive.text import fold, nfc, slugify_vi


def new_key():
    return uuid.uuid4().hex


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
