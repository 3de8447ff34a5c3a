"""Party, state, military and police bodies, and armed forces."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive import vocabulary
from archive.models.base import (
    EditTracked,
    SlugManager,
    canonical_spacing,
    folded_keys,
    unique_slug,
)
from archive.text import fold
from archive.vocabulary import choices


class Organisation(EditTracked):
    """A party, state, military or police body, or an armed force."""

    Kind = models.TextChoices(
        "Kind",
        choices(vocabulary.ORGANISATION_KINDS),
        module=__name__,
        qualname="Organisation.Kind",
    )

    name = models.CharField(_("name"), max_length=300)
    folded_name = models.CharField(_("folded name"), max_length=300, db_index=True, editable=False)
    abbreviation = models.CharField(_("abbreviation"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    alias_keys = models.TextField(_("folded aliases"), blank=True, default="", editable=False)

    objects = SlugManager()

    class Meta:
        ordering = ["folded_name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [("merge_organisation", _("Can merge organisations"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = canonical_spacing(self.name)
        kwargs["update_fields"] = self.keep_former_name("name", kwargs.get("update_fields"))
        self.folded_name = fold(self.name)
        self.alias_keys = folded_keys(self.aliases)
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:organisation-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)
