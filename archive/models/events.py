"""The conferences and activities that articles report."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive import vocabulary
from archive.models.articles import Article
from archive.models.base import EditTracked, holding_unreviewed_weak_facts, new_key
from archive.models.organisations import Organisation
from archive.text import slugify_vi
from archive.vocabulary import choices


class EventQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        return self.get(key=key)

    def with_unreviewed_weak_facts(self):
        """Events that still hold a weakly read fact no editor has confirmed."""
        return holding_unreviewed_weak_facts(self, "event")

    def in_year(self, year):
        return self.filter(date_held__year=year)

    def year_counts(self):
        """[(year, number of events)], oldest first, for events with a known date."""
        rows = (
            self.exclude(date_held=None)
            .annotate(year=ExtractYear("date_held"))
            .values_list("year")
            .annotate(n=models.Count("pk"))
            .order_by("year")
        )
        return list(rows)

    def latest(self):
        return self.order_by(models.F("date_held").desc(nulls_last=True), "-pk")

    def reviewing(self, year):
        return self.filter(period_start__lte=year, period_end__gte=year)

    def held_or_reviewing(self, year):
        """Events held in `year` or reviewing it (a year-end review is often held in January)."""
        return self.filter(
            Q(date_held__year=year) | Q(period_start__lte=year, period_end__gte=year)
        )

    def undated(self):
        return self.filter(date_held=None)

    def reviewed_year_counts(self):
        """[(year reviewed, number of events reviewing it)], oldest first; a review of
        2019–2024 counts for each of those years, as `reviewing()` finds it."""
        spans = (
            self.exclude(period_start=None)
            .exclude(period_end=None)
            .values_list("period_start", "period_end")
            .annotate(n=models.Count("pk"))
            .order_by()
        )
        counts = Counter()
        for start, end, n in spans:
            for year in range(start, end + 1):
                counts[year] += n
        return sorted(counts.items())

    def earliest(self):
        return self.order_by(models.F("date_held").asc(nulls_last=True), "pk")

    def provinces(self):
        """[(province, number of events)], most first, for events with a province."""
        return list(
            self.exclude(province="")
            .values_list("province")
            .annotate(n=models.Count("pk"))
            .order_by("-n", "province")
        )


class Event(EditTracked):
    """A conference or activity that an article reports."""

    Kind = models.TextChoices(
        "Kind", choices(vocabulary.EVENT_KINDS), module=__name__, qualname="Event.Kind"
    )

    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        YEAR = "year", _("year")

    key = models.CharField(_("import key"), max_length=160, unique=True, default=new_key)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=500)
    date_held = models.DateField(_("date held"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision, blank=True
    )
    period_start = models.PositiveSmallIntegerField(_("period from"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("period to"), null=True, blank=True)
    period_label = models.CharField(_("period as written"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    province = models.CharField(_("province"), max_length=100, blank=True, db_index=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
    )
    articles = models.ManyToManyField(
        Article, verbose_name=_("source articles"), related_name="events", blank=True
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations named"),
        related_name="events",
        blank=True,
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date_held", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="event_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(date_held__isnull=True) | ~Q(date_precision=""),
                name="event_date_has_precision",
            ),
        ]
        indexes = [
            models.Index(fields=["date_held"], name="event_date_idx"),
            # event_latest_idx, in the order of `latest()`, is created by migration 0007: SQLite
            # and PostgreSQL spell "newest first, undated last" differently.
            models.Index(fields=["kind", "date_held"], name="event_kind_date_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:event-detail", args=[self.pk])

    @property
    def year(self):
        return self.date_held.year if self.date_held else None

    @property
    def province_slug(self):
        return slugify_vi(self.province)

    @property
    def period_display(self):
        if self.period_label:
            return self.period_label
        if self.period_start and self.period_end and self.period_start != self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start or "")

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("The period cannot end before it starts.")
        if self.date_held and not self.date_precision:
            errors["date_precision"] = _("Say whether the date is known to the day, month or year.")
        if errors:
            raise ValidationError(errors)

    def natural_key(self):
        return (self.key,)
