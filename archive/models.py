"""The archive's data model: articles, the events they report, people, organisations, awards.

Every extracted fact (participation, award, statistic) keeps the article and the sentence it was
read from. Records that an import writes carry a stable `key`, so a re-import updates in place,
and an `edited_fields` list, so that a value an editor corrected by hand is never overwritten.
"""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from archive.text import collation_key, fold, given_name_first, nfc, slugify_vi


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

    class Meta:
        abstract = True

    def mark_edited(self, *field_names):
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))


class KeyedManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


# --- Articles -----------------------------------------------------------------------------------


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

    objects = KeyedManager()

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

    @classmethod
    def search_queryset(cls):
        return cls.objects.prefetch_related(
            models.Prefetch("events", queryset=Event.objects.prefetch_related(with_person())),
            "events__organisations",
        )

    def index_components(self):
        return {"A": [self.title], "B": [self.byline, self.publisher], "D": [self.text]}

    def index_facets(self):
        events = list(self.events.all())
        first = events[0] if events else None
        published = timezone.localdate(self.published_at) if self.published_at else None
        return {
            "date": (first.date_held if first and first.date_held else published),
            "kind": first.kind if first else "",
            "province": first.province if first else "",
            "people": sorted(
                {p.person.slug for e in events for p in e.participations.all() if p.person}
            ),
            "organisations": sorted({o.slug for e in events for o in e.organisations.all()}),
            "article_ids": [self.pk],
        }


# --- People and organisations ---------------------------------------------------------------------


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
        indexes = [models.Index(fields=["sort_name"], name="person_sort_idx")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = canonical_spacing(self.full_name)
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

    @classmethod
    def search_queryset(cls):
        return cls.objects.prefetch_related(
            models.Prefetch(
                "participations", queryset=Participation.objects.select_related("event")
            )
        )

    def index_components(self):
        participations = list(self.participations.all())
        titles = dict.fromkeys(t for p in participations for t in p.titles)
        ranks = dict.fromkeys(p.get_rank_display() for p in participations if p.rank)
        return {"A": [self.full_name, *self.aliases], "B": [*titles, *ranks]}

    def index_facets(self):
        events = {p.event for p in self.participations.all()}
        dates = sorted(e.date_held for e in events if e.date_held)
        return {
            "date": dates[-1] if dates else None,
            "people": [self.slug],
            "province": next((e.province for e in events if e.province), ""),
        }


class Organisation(EditTracked):
    """A party, state, military or police body, or an armed force."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party committee")
        GOVERNMENT = "government", _("People's committee or council")
        MILITARY = "military", _("Military body")
        POLICE = "police", _("Police")
        FRONT = "front", _("Fatherland Front or mass organisation")
        FORCE = "force", _("Armed force")
        STEERING = "steering", _("Steering committee")
        OTHER = "other", _("Other")

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

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = canonical_spacing(self.name)
        self.folded_name = fold(self.name)
        self.alias_keys = folded_keys(self.aliases)
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:organisation-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("parent")

    def index_components(self):
        return {
            "A": [self.name, self.abbreviation, *self.aliases],
            "C": [self.parent.name if self.parent else ""],
        }

    def index_facets(self):
        return {"organisations": [self.slug]}


def with_person():
    """Participations with their people joined in: a `participations__person` prefetch filters
    people with one OR per id on SQLite (Django 5.2), which SQLite refuses past ~1000 ids."""
    return models.Prefetch(
        "participations", queryset=Participation.objects.select_related("person")
    )


def folded_keys(names):
    """ "|a|b|": folded names to find a record by any of its aliases with one `contains`."""
    return "|" + "|".join(fold(canonical_spacing(n)) for n in names) + "|" if names else ""


def canonical_spacing(text):
    return " ".join(nfc(text).split())


def unique_slug(model, text):
    base = slugify_vi(text) or "x"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- Events ---------------------------------------------------------------------------------------


class EventQuerySet(models.QuerySet):
    def get_by_natural_key(self, key):
        return self.get(key=key)

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

    def with_people(self):
        return self.prefetch_related(with_person())


class Event(EditTracked):
    """A conference or activity that an article reports."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("Year-end review (tổng kết)")
        INTERIM_REVIEW = "interim_review", _("Interim review (sơ kết)")
        DEPLOYMENT = "deployment", _("Task deployment (triển khai nhiệm vụ)")
        EXERCISE = "exercise", _("Exercise (diễn tập)")
        TRAINING = "training", _("Training (tập huấn)")
        RECRUITMENT = "recruitment", _("Enlistment ceremony (giao nhận quân)")
        OTHER = "other", _("Other")

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

    @classmethod
    def search_queryset(cls):
        return cls.objects.prefetch_related(
            with_person(), "organisations", "awards", "statistics", "articles"
        )

    def index_components(self):
        participations = list(self.participations.all())
        people = dict.fromkeys(
            part
            for p in participations
            for part in (p.name_as_written, p.person.full_name if p.person else "", *p.titles)
        )
        awards = [f"{a.name} {a.giver_name}" for a in self.awards.all()]
        organisations = [f"{o.name} {o.abbreviation}" for o in self.organisations.all()]
        return {
            "A": [self.title],
            "B": list(people),
            "C": [self.place, self.province, self.period_label, *organisations, *awards],
            "D": [s.label for s in self.statistics.all()] + [a.text for a in self.articles.all()],
        }

    def index_facets(self):
        participations = list(self.participations.all())
        return {
            "date": self.date_held,
            "kind": self.kind,
            "province": self.province,
            "people": sorted({p.person.slug for p in participations if p.person}),
            "organisations": sorted(o.slug for o in self.organisations.all()),
            "award_kinds": sorted({a.category for a in self.awards.all()}),
            "article_ids": sorted(a.pk for a in self.articles.all()),
        }


# --- Facts read from an article -------------------------------------------------------------------


class ExtractedFact(EditTracked):
    """A fact about an event, with where it was read."""

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

    objects = KeyedManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.key,)


class Rank(models.TextChoices):
    """Ranks of the People's Army and the People's Public Security, as written in Vietnamese."""

    THIEU_UY = "Thiếu úy", _("Second lieutenant")
    TRUNG_UY = "Trung úy", _("First lieutenant")
    THUONG_UY = "Thượng úy", _("Senior lieutenant")
    DAI_UY = "Đại úy", _("Captain")
    THIEU_TA = "Thiếu tá", _("Major")
    TRUNG_TA = "Trung tá", _("Lieutenant colonel")
    THUONG_TA = "Thượng tá", _("Senior colonel")
    DAI_TA = "Đại tá", _("Colonel")
    THIEU_TUONG = "Thiếu tướng", _("Major general")
    TRUNG_TUONG = "Trung tướng", _("Lieutenant general")
    THUONG_TUONG = "Thượng tướng", _("Colonel general")
    DAI_TUONG = "Đại tướng", _("General")


class Role(models.TextChoices):
    PRESIDED = "presided", _("presided (chủ trì)")
    DIRECTED = "directed", _("directed (chỉ đạo)")
    ATTENDED = "attended", _("attended (dự)")
    SPOKE = "spoke", _("spoke (phát biểu)")
    CONCLUDED = "concluded", _("concluded (kết luận)")
    PRESENTED = "presented", _("presented awards (trao)")


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

    @property
    def titles_display(self):
        return ", ".join(self.titles)

    def clean(self):
        if not self.person_id and not self.name_as_written.strip():
            raise ValidationError(_("A participation needs a person or a name as written."))
        if self.person_id and not self.name_as_written:
            self.name_as_written = self.person.full_name


class Award(ExtractedFact):
    """An award given at an event, with its giver and how many received it."""

    class Category(models.TextChoices):
        CERTIFICATE_OF_MERIT = "bang_khen", _("Certificate of merit (Bằng khen)")
        COMMENDATION = "giay_khen", _("Commendation (Giấy khen)")
        EMULATION_FLAG = "co_thi_dua", _("Emulation flag (Cờ thi đua)")
        ORDER = "huan_chuong", _("Order (Huân chương)")
        MEDAL = "huy_chuong", _("Medal (Huy chương)")
        TITLE = "danh_hieu", _("Honorary title (danh hiệu)")
        OTHER = "other", _("Other commendation")

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

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("event", "giver_organisation").prefetch_related(
            "event__articles"
        )

    def index_components(self):
        return {
            "A": [self.name],
            "B": [self.giver_name, self.recipients],
            "C": [self.event.title],
            "D": [self.source_sentence],
        }

    def index_facets(self):
        organisation = self.giver_organisation
        return {
            "date": self.event.date_held,
            "kind": self.event.kind,
            "province": self.event.province,
            "organisations": [organisation.slug] if organisation else [],
            "award_kinds": [self.category],
            "article_ids": sorted(a.pk for a in self.event.articles.all()),
        }


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


# The PostgreSQL search backend's tables live with the search code.
from archive.search.models import SearchEntry, SearchFacet  # noqa: E402

__all__ = [
    "Article",
    "Award",
    "Event",
    "Organisation",
    "Participation",
    "Person",
    "Rank",
    "Role",
    "SearchEntry",
    "SearchFacet",
    "Statistic",
]
