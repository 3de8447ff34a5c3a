"""The base of the desk's admin screens: the fields an editor changes are written alone and
marked as edited by hand (a re-import keeps them), lists are typed one item per line, the list
search is the Vietnamese search, and a fact an editor saves counts as reviewed."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from archive.desk.forms import LinesField
from archive.models import (
    Award,
    Confidence,
    Participation,
    Statistic,
)
from archive.search import search as archive_search
from archive.search.backends.base import Filters


class VietnameseSearchMixin:
    """The change list's search box finds "nguyen dang binh" as well as "Nguyễn Đăng Bình"."""

    search_type = ""

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip() and self.search_type:
            found = archive_search(
                search_term, filters=Filters(values={"type": self.search_type}), per_page=200
            )
            ids = [hit.id for hit in found.hits]
            if ids:
                queryset = queryset | self.model.objects.filter(pk__in=ids)
        return queryset, may_have_duplicates


class PlainListsMixin:
    """Titles and aliases are typed one per line (or separated by commas), never as JSON."""

    list_fields = ("titles", "aliases")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.list_fields:
            return LinesField(label=capfirst(db_field.verbose_name), required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class EditTrackingAdmin(PlainListsMixin, VietnameseSearchMixin, SimpleHistoryAdmin):
    """Records which fields an editor changed, so that a re-import keeps them."""

    readonly_fields = ("edited_fields",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        return with_shown_values(super().get_form(request, obj, change, **kwargs))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            if is_fact(obj):
                obj.reviewed = True  # entered by an editor: nothing to confirm
            return super().save_model(request, obj, form, change)
        if getattr(request, "reverting", False):
            # A revert's form shows the old version: what it changes is what differs from
            # the record as stored now.
            obj.save_edits(columns_differing_from_stored(obj))
            return None
        # Only what this editor changed is written: a form read before another editor saved
        # does not put back the values that editor replaced.
        save_reviewed(obj, form)
        return None

    def save_related(self, request, form, formsets, change):
        if change:
            many = [
                n for n in form.changed_data if n in {f.name for f in self.model._meta.many_to_many}
            ]
            if many:
                form.instance.save_edits([], edited=many)
        super().save_related(request, form, formsets, change)


def with_shown_values(form_class):
    """The form sends back, hidden, the values the editor was shown: what changed is then what
    this editor changed, not what another editor changed since the form was opened. (A post
    without them is compared with the record as stored, as Django does.)"""

    class ShownValuesForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, field in self.fields.items():
                shown = not self.is_bound or self.add_initial_prefix(name) in self.data
                field.show_hidden_initial = shown

    ShownValuesForm.__name__ = form_class.__name__
    return ShownValuesForm


def columns_differing_from_stored(obj):
    columns = [f for f in obj._meta.concrete_fields if f.name not in {"id", "edited_fields"}]
    stored = type(obj)._base_manager.filter(pk=obj.pk).values(*[f.attname for f in columns])
    stored = stored.first() or {}
    return [f.name for f in columns if stored.get(f.attname) != getattr(obj, f.attname)]


def changed_columns(obj, form):
    columns = {f.name for f in obj._meta.concrete_fields}
    return [name for name in form.changed_data if name in columns and name != "edited_fields"]


def is_fact(obj):
    return isinstance(obj, Participation | Award | Statistic)


def save_reviewed(obj, form):
    """An editor's save of a fact confirms it: it is reviewed, whatever else changed."""
    changed = changed_columns(obj, form)
    if not is_fact(obj):
        obj.save_edits(changed)
        return
    obj.reviewed = True
    obj.save_edits([*changed, "reviewed"], edited=changed)


class EditTrackingFormSet(BaseInlineFormSet):
    def save_existing(self, form, obj, commit=True):
        if not commit:
            obj.mark_edited(*form.changed_data)
            return super().save_existing(form, obj, commit=commit)
        save_reviewed(obj, form)
        return obj

    def save_new(self, form, commit=True):
        form.instance.reviewed = True  # entered by an editor: nothing to confirm
        return super().save_new(form, commit=commit)


class EditTrackingInline(PlainListsMixin, admin.TabularInline):
    """Rows of an event's facts; what was edited by hand shows on each fact's own page, and
    each row shows, read-only, the sentence it was read from and how surely."""

    extra = 0
    formset = EditTrackingFormSet
    classes = ("facts",)
    readonly_fields = ("read_from",)

    class Media:
        css = {"all": ["desk/desk.css"]}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_shown_values(formset.form)
        return formset

    @admin.display(description=_("source sentence"))
    def read_from(self, obj):
        """The sentence, folded away under how surely it was read (open for a weak reading
        not yet reviewed): the row keeps to the width of the page."""
        if not obj.pk:
            return "—"
        weak = obj.confidence == Confidence.WEAK
        label = _("weak reading") if weak else _("strong reading")
        if obj.reviewed:
            label = format_html("{} · {}", label, _("reviewed"))
        return format_html(
            '<details class="read-from {}"{}><summary>{}</summary><p>{}</p></details>',
            obj.confidence,
            " open" if weak and not obj.reviewed else "",
            label,
            obj.source_sentence or "—",
        )
