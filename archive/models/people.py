"""Officials, named as in the reports."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.models.base import EditTracked, canonical_spacing, folded_keys, unique_slug
from archive.text import collation_key, fold, given_name_first


class PersonQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def with_event_counts(self):
        return self.annotate(event_count=models.Count("participations__event", distinct=True))

    def alphabetical(self):
        return self.order_by("sort_name", "slug")


class Person(EditTracked):
    """An official, named as in the reports."""

    full_name = models.CharField(_("full name"), max_length=200)
    folded_name = models.CharField(_("folded name"), max_length=200, db_index=True, editable=False)
    sort_name = models.CharField(
        _("sort key"),
        max_length=400,
        editable=False,
        default="",
        help_text=_("Given name first, in Vietnamese alphabetical order."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_("Other spellings of the name, one string each."),
    )
    alias_keys = models.TextField(_("folded aliases"), blank=True, default="", editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "slug"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        permissions = [("merge_person", _("Can merge people"))]
        indexes = [models.Index(fields=["sort_name"], name="person_sort_idx")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = canonical_spacing(self.full_name)
        kwargs["update_fields"] = self.keep_former_name("full_name", kwargs.get("update_fields"))
        self.folded_name = fold(self.full_name)
        self.sort_name = collation_key(given_name_first(self.full_name))
        self.alias_keys = folded_keys(self.aliases)
        if not self.slug:
            self.slug = unique_slug(Person, self.full_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:person-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)
