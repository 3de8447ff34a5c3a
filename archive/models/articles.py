"""Source reports, their text exactly as given (NFC)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from archive.models.base import EditTracked, holding_unreviewed_weak_facts
from archive.text import nfc


class ArticleQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        return self.get(key=key)

    def with_unreviewed_weak_facts(self):
        """Articles that a weakly read fact no editor has confirmed was read in."""
        return holding_unreviewed_weak_facts(self, "article")


class Article(EditTracked):
    """A source report, its text exactly as given (NFC)."""

    key = models.CharField(
        _("import key"),
        max_length=120,
        unique=True,
        help_text=_("Stable identity of the source: a re-import with the same key updates."),
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    checksum = models.CharField(_("content checksum"), max_length=64, editable=False)
    # Defaults rather than auto_now: a fixture loaded raw carries no timestamps.
    imported_at = models.DateTimeField(_("imported"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "key"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]
        indexes = [models.Index(fields=["published_at"], name="article_published_idx")]

    def __str__(self):
        return self.title or self.key

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:article-detail", args=[self.pk])

    def clean(self):
        self.text = nfc(self.text)
        if not self.text.strip():
            raise ValidationError({"text": _("An article's text cannot be empty.")})

    def natural_key(self):
        return (self.key,)
