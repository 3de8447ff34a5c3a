"""Facts read from an article about an event: who took part in which role, awards, figures.

Each keeps the article and the sentence it was read from, how surely the rule that read it
read it (`confidence`), and whether an editor has confirmed it since (`reviewed`)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from archive import vocabulary
from archive.models.articles import Article
from archive.models.base import EditTracked, new_key
from archive.models.events import Event
from archive.models.organisations import Organisation
from archive.models.people import Person
from archive.vocabulary import choices

# Strong or weak: declared in `archive.vocabulary`, which the parser reads too.
Confidence = models.TextChoices("Confidence", choices(vocabulary.CONFIDENCES), module=__name__)


class FactQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        return self.get(key=key)

    def unreviewed_weak(self):
        """Facts a weak pattern read that no editor has confirmed yet."""
        return self.filter(confidence=Confidence.WEAK, reviewed=False)


class ExtractedFact(EditTracked):
    """A fact about an event, with where it was read and how surely."""

    key = models.CharField(_("import key"), max_length=200, unique=True, default=new_key)
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE)
    article = models.ForeignKey(
        Article,
        verbose_name=_("read in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    source_sentence = models.TextField(_("source sentence"), blank=True)
    # Rows stored before confidence was recorded count as strong until they are re-imported.
    confidence = models.CharField(
        _("confidence"),
        max_length=6,
        choices=Confidence,
        default=Confidence.STRONG,
        help_text=_("How surely the rule that read this fact read it."),
    )
    reviewed = models.BooleanField(
        _("reviewed"),
        default=False,
        help_text=_("An editor confirmed this fact; a re-import keeps the mark."),
    )

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.key,)


# Ranks of the People's Army and the People's Public Security, and a participant's roles: both
# declared in `archive.vocabulary`, which the parser reads too.
Rank = models.TextChoices("Rank", choices(vocabulary.RANKS), module=__name__)
Role = models.TextChoices("Role", choices(vocabulary.ROLES), module=__name__)


class ParticipationQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        return self.get(key=key)

    def titles_seen(self):
        """One dict per participation: the titles given, who held them, and the event where
        they were read, with what a list of holders shows (one query)."""
        return self.values(
            "titles",
            "name_as_written",
            "person__slug",
            "person__full_name",
            "event_id",
            "event__title",
            "event__province",
            "event__date_held",
            "event__period_end",
        ).order_by("event__date_held", "event_id", "order")


class Participation(ExtractedFact):
    """A person in one role at an event, with the rank and titles the article gives then."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    name_as_written = models.CharField(_("name as written"), max_length=200)
    rank = models.CharField(_("rank"), max_length=20, choices=Rank, blank=True)
    titles = models.JSONField(_("titles"), default=list, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role)
    order = models.PositiveSmallIntegerField(_("order of mention"), default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "order", "role"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                condition=Q(person__isnull=False),
                name="participation_unique_person_role",
            ),
            models.UniqueConstraint(
                fields=["event", "name_as_written", "role"],
                condition=Q(person__isnull=True),
                name="participation_unique_name_role",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name_as_written=""),
                name="participation_has_someone",
            ),
        ]
        indexes = [models.Index(fields=["person", "event"], name="participation_person_idx")]

    def __str__(self):
        return f"{self.name_as_written} — {self.get_role_display()}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()

    def clean(self):
        if not self.person_id and not self.name_as_written.strip():
            raise ValidationError(_("A participation needs a person or a name as written."))
        if self.person_id and not self.name_as_written:
            self.name_as_written = self.person.full_name


class Award(ExtractedFact):
    """An award given at an event, with its giver and how many received it."""

    Category = models.TextChoices(
        "Category",
        choices(vocabulary.AWARD_CATEGORIES),
        module=__name__,
        qualname="Award.Category",
    )

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="awards"
    )
    name = models.CharField(_("award as written"), max_length=300)
    category = models.CharField(
        _("category"), max_length=20, choices=Category, default=Category.OTHER
    )
    giver_name = models.CharField(_("giver as written"), max_length=300, blank=True)
    giver_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("giving organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards_given",
    )
    collectives = models.PositiveIntegerField(_("collectives"), null=True, blank=True)
    individuals = models.PositiveIntegerField(_("individuals"), null=True, blank=True)
    recipients = models.TextField(_("named recipients"), blank=True)
    order = models.PositiveSmallIntegerField(_("order of mention"), default=0)

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        indexes = [models.Index(fields=["category"], name="award_category_idx")]

    def __str__(self):
        return f"{self.name} — {self.giver_name}" if self.giver_name else self.name

    def get_absolute_url(self):
        return self.event.get_absolute_url()


class Statistic(ExtractedFact):
    """A figure an event reports: "887 công dân nhập ngũ"."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="statistics"
    )
    label = models.CharField(_("what is counted"), max_length=400)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    qualifier = models.CharField(
        _("qualifier"), max_length=20, blank=True, help_text=_("gần, hơn, khoảng…")
    )
    order = models.PositiveSmallIntegerField(_("order of mention"), default=0)

    class Meta:
        ordering = ["event", "order"]
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="statistic_value_not_negative"),
        ]

    def __str__(self):
        qualifier = f"{self.qualifier} " if self.qualifier else ""
        return f"{qualifier}{self.value_display} {self.label}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()

    @property
    def value_display(self):
        if self.value is None:
            return ""
        return f"{Decimal(str(self.value)).normalize():f}"
