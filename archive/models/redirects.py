"""Addresses of merged records: the slug a record had before it was merged into another.

The public pages, the API and the feeds answer an old slug with a permanent redirect to the
record that survived the merge (see `archive.site.redirects`), so that links never break.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MergedSlugQuerySet(models.QuerySet):
    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def survivor(self, model, slug):
        """The record that `slug` of `model` was merged into, or None."""
        entry = self.for_model(model).filter(old_slug=slug).first()
        if entry is None:
            return None
        return model._default_manager.filter(pk=entry.survivor_id).first()

    def record(self, merged, survivor):
        """Remember `merged`'s slug (and the slugs merged into it) as `survivor`'s."""
        content_type = ContentType.objects.get_for_model(survivor)
        # Chains stay one hop long: what pointed at the merged record now points at the survivor.
        self.filter(content_type=content_type, survivor_id=merged.pk).update(
            survivor_id=survivor.pk
        )
        self.update_or_create(
            content_type=content_type,
            old_slug=merged.slug,
            defaults={"survivor_id": survivor.pk, "merged_at": timezone.now()},
        )


class MergedSlug(models.Model):
    """The old slug of a merged record and the record it now lives in."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    old_slug = models.SlugField(_("old slug"), max_length=160)
    survivor_id = models.PositiveBigIntegerField(_("merged into (id)"))
    survivor = GenericForeignKey("content_type", "survivor_id")
    merged_at = models.DateTimeField(_("merged at"), default=timezone.now)

    objects = MergedSlugQuerySet.as_manager()

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("address of a merged record")
        verbose_name_plural = _("addresses of merged records")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="mergedslug_unique_old_slug"
            )
        ]

    def __str__(self):
        return f"{self.old_slug} → {self.survivor}"
