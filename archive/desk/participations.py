"""The event's participants in the admin: one row per person, the roles as checkboxes.

Participations stay stored one row per (event, person, role), as the loader, the public pages
and the search read them; this form shows the rows of one person as one, and saving writes the
shared fields (name, rank, titles, order) to every row, adds a row for a role newly ticked and
deletes the row of a role unticked. An imported row keeps its key, so a re-import finds it.
Saving a person's rows is an editor's review of them: every row of that person is reviewed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from archive.desk.forms import LinesField
from archive.models import Participation, Role

SHARED = ("person", "name_as_written", "rank", "titles", "order")
ROLE_ORDER = [role for role, _label in Role.choices]


def same_person(event_id, person_id, name):
    """The rows of one person at an event: by person, or by the name when none is linked."""
    rows = Participation.objects.filter(event_id=event_id)
    if person_id:
        return rows.filter(person_id=person_id)
    return rows.filter(person__isnull=True, name_as_written=name)


class ParticipationGroupForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one role.")},
    )
    titles = LinesField(label=_("titles"), required=False)

    class Meta:
        model = Participation
        fields = ("person", "name_as_written", "rank", "titles", "order")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_as_written"].required = False
        self.fields["name_as_written"].widget.attrs["size"] = 18
        self.fields["order"].widget.attrs["style"] = "width: 4em"
        self.group = []
        if self.instance.pk:
            self.group = list(
                same_person(
                    self.instance.event_id, self.instance.person_id, self.instance.name_as_written
                )
            )
            self.initial["roles"] = [row.role for row in self.group]

    def clean(self):
        data = super().clean()
        person, name = data.get("person"), (data.get("name_as_written") or "").strip()
        if not person and not name:
            raise ValidationError(_("A participation needs a person or a name as written."))
        wanted = data.get("roles") or []
        event_id = self.instance.event_id
        if event_id and wanted:
            clash = (
                same_person(event_id, person.pk if person else None, name)
                .filter(role__in=wanted)
                .exclude(pk__in=[row.pk for row in self.group])
                .first()
            )
            if clash:
                raise ValidationError(
                    _("%(name)s is already listed at this event as “%(role)s”.")
                    % {"name": clash.name_as_written, "role": clash.get_role_display()}
                )
        return data

    def _post_clean(self):
        # The role of this row is decided on saving, from the roles ticked.
        roles = self.cleaned_data.get("roles") or []
        if not self.instance.role and roles:
            self.instance.role = roles[0]
        if self.cleaned_data.get("person") and not self.cleaned_data.get("name_as_written"):
            self.cleaned_data["name_as_written"] = self.cleaned_data["person"].full_name
        super()._post_clean()

    def changed_shared(self):
        return [name for name in self.changed_data if name in SHARED]

    @transaction.atomic
    def save(self, commit=True):
        carrier = super().save(commit=False)
        wanted = sorted(self.cleaned_data["roles"], key=ROLE_ORDER.index)
        changed = self.changed_shared()
        roles_changed = "roles" in self.changed_data
        rows = {row.role: row for row in self.group if row.pk != carrier.pk}
        for role, row in list(rows.items()):
            if role not in wanted:
                row.delete()
                del rows[role]
        if carrier.pk and carrier.role not in wanted:
            free = [role for role in wanted if role not in rows]
            if not free:  # every role ticked has its row already: this one goes
                carrier.delete()
                self.save_siblings(rows.values(), carrier, changed)
                return carrier
            carrier.role = free[0]
        if carrier.pk:
            carrier.mark_edited(*changed, *(["role"] if roles_changed else []))
        carrier.reviewed = True
        carrier.save()
        taken = {carrier.role, *rows}
        for role in wanted:
            if role not in taken:
                rows[role] = Participation(
                    event_id=carrier.event_id,
                    article_id=carrier.article_id,
                    source_sentence=carrier.source_sentence,
                    confidence=carrier.confidence,
                    role=role,
                    edited_fields=["role"] if carrier.pk else [],
                )
        self.save_siblings(rows.values(), carrier, changed)
        return carrier

    def save_siblings(self, rows, carrier, changed):
        for row in rows:
            for name in SHARED:
                setattr(row, name, getattr(carrier, name))
            row.reviewed = True
            if row.pk:
                row.mark_edited(*changed)
            row.save()

    def save_m2m(self):
        pass


class ParticipationGroupFormSet(forms.BaseInlineFormSet):
    """Shows the first row of each person at the event; the form speaks for the others."""

    def get_queryset(self):
        if not hasattr(self, "_grouped"):
            rows = super().get_queryset()
            firsts = {}
            for row in rows:
                firsts.setdefault(row.person_id or ("name", row.name_as_written), row.pk)
            self._grouped = rows.filter(pk__in=firsts.values())
        return self._grouped

    def save_existing(self, form, obj, commit=True):
        return form.save(commit=commit)

    def save_new(self, form, commit=True):
        form.instance.event = self.instance
        return form.save(commit=commit)

    def delete_existing(self, obj, commit=True):
        if commit:
            same_person(obj.event_id, obj.person_id, obj.name_as_written).delete()
