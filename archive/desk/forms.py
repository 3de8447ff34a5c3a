"""Forms of the editors' desk: paste a report, then review what was read before saving it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from archive.ingest import source
from archive.ingest.records import ROLE_ORDER
from archive.models import Award, Event, Person, Rank, Role
from archive.text import canonical, fold


def split_lines(text):
    """One item per line; a single line may separate its items by commas or semicolons."""
    text = (text or "").strip()
    parts = text.splitlines() if "\n" in text else re.split(r"[,;]", text)
    items = []
    for part in parts:
        item = " ".join(part.split())
        if item and item not in items:
            items.append(item)
    return items


class LinesWidget(forms.Textarea):
    def __init__(self, attrs=None):
        super().__init__({"rows": 3, "cols": 40, "class": "lines", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return super().format_value(value)


class LinesField(forms.CharField):
    """A list of short texts (titles, aliases) typed one per line, or separated by commas."""

    widget = LinesWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("One per line, or separated by commas."))
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return split_lines(value)

    def has_changed(self, initial, data):
        return list(initial or []) != self.to_python(data)


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_("Report text"),
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100}),
        required=False,
        help_text=_("Paste the report as published, or upload it as a .txt file below."),
    )
    file = forms.FileField(label=_("…or a .txt file"), required=False)
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    url = forms.URLField(
        label=_("Source URL"), max_length=1000, required=False, assume_scheme="https"
    )
    title = forms.CharField(label=_("Title"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        text = data.get("text") or ""
        if upload:
            if upload.size > 2_000_000:
                raise ValidationError(_("The file is too large for a report (2 MB at most)."))
            try:
                text = source.decode(upload.read())
            except source.SourceError as error:
                raise ValidationError(
                    _("The file cannot be read: %(reason)s.") % {"reason": error}
                ) from None
        if not text.strip():
            raise ValidationError(_("An article's text cannot be empty."))
        data["text"] = text
        return data


class ArticleReviewForm(forms.Form):
    """The article itself: what the header (or the page) said, for the editor to complete."""

    title = forms.CharField(
        label=_("article title"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
    )
    publisher = forms.CharField(label=_("publisher"), max_length=200, required=False)
    url = forms.URLField(
        label=_("source URL"),
        max_length=1000,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vLargeTextField"}),
    )
    published = forms.DateField(label=_("published"), required=False)


class EventReviewForm(forms.Form):
    title = forms.CharField(
        label=_("title"),
        max_length=500,
        widget=forms.TextInput(attrs={"class": "vLargeTextField"}),
    )
    kind = forms.ChoiceField(label=_("kind"), choices=Event.Kind.choices)
    date = forms.DateField(label=_("date held"), required=False)
    period_start = forms.IntegerField(
        label=_("period from"), required=False, min_value=1900, max_value=2100
    )
    period_end = forms.IntegerField(
        label=_("period to"), required=False, min_value=1900, max_value=2100
    )
    place = forms.CharField(label=_("place"), max_length=300, required=False)
    province = forms.CharField(label=_("province"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            raise ValidationError(_("The period cannot end before it starts."))
        if bool(start) != bool(end):
            raise ValidationError(_("Give both years of the period, or neither."))
        return data


def checked_field():
    """Whether the editor has checked a fact against its sentence: ticked for strong readings,
    left for the editor to tick on weak ones (an unticked weak fact stays to be reviewed)."""
    return forms.BooleanField(label=_("checked"), required=False)


ROLE_CHOICES = [(role, label) for role, label in Role.choices if role in ROLE_ORDER]


class ParticipantForm(forms.Form):
    keep = forms.BooleanField(label=_("keep"), required=False, initial=True)
    name = forms.CharField(label=_("name as written"), max_length=200)
    rank = forms.ChoiceField(label=_("rank"), choices=[("", "—"), *Rank.choices], required=False)
    titles = LinesField(label=_("titles"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("role"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    person = forms.ChoiceField(label=_("person"), required=False)
    reviewed = checked_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.data.get(self.add_prefix("name")) if self.is_bound else None
        self.candidates = list(similar_people(name or self.initial.get("name", "")))
        self.fields["person"].choices = [("", _("the person of this exact name (new if none)"))] + [
            (str(p.pk), f"{p.full_name} ({p.slug})") for p in self.candidates
        ]

    same_report_spellings = ()  # set by the review: other spellings in this same report

    @property
    def possible_duplicates(self):
        """People whose name differs from this one only by diacritics or tone marks."""
        wanted = canonical(self.initial.get("name", "")).lower()
        return [p for p in self.candidates if canonical(p.full_name).lower() != wanted]


def similar_people(name):
    if not name:
        return Person.objects.none()
    return Person.objects.filter(folded_name=fold(" ".join(name.split()))).order_by("pk")


class AwardForm(forms.Form):
    keep = forms.BooleanField(label=_("keep"), required=False, initial=True)
    kind = forms.CharField(label=_("award as written"), max_length=300)
    giver = forms.CharField(label=_("giver as written"), max_length=300, required=False)
    collectives = forms.IntegerField(label=_("collectives"), min_value=0, required=False)
    individuals = forms.IntegerField(label=_("individuals"), min_value=0, required=False)
    category = forms.ChoiceField(
        label=_("category"), choices=Award.Category.choices, initial=Award.Category.OTHER
    )
    reviewed = checked_field()


class StatisticForm(forms.Form):
    keep = forms.BooleanField(label=_("keep"), required=False, initial=True)
    label = forms.CharField(label=_("what is counted"), max_length=400)
    value = forms.DecimalField(label=_("value"), min_value=0, max_digits=14, decimal_places=2)
    unit = forms.CharField(label=_("unit"), max_length=100, required=False)
    qualifier = forms.CharField(label=_("qualifier"), max_length=20, required=False)
    reviewed = checked_field()


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=1)
AwardFormSet = forms.formset_factory(AwardForm, extra=1)
StatisticFormSet = forms.formset_factory(StatisticForm, extra=1)


class MergeForm(forms.Form):
    """Which of the selected records survives a merge."""

    keep = forms.ModelChoiceField(
        label=_("record to keep"),
        queryset=Person.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the record to keep."),
            "invalid_choice": _("Choose the record to keep among the selected ones."),
        },
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = queryset
