"""The admin: the editors' desk for entering and correcting the archive.

Editors paste a report and review what was read before anything is saved; the admin's search
box uses the Vietnamese search (no diacritics needed); duplicates are flagged and merged by an
action; every field an editor changes is recorded so that a re-import keeps it. Each fact
shows the sentence it was read from and how surely it was read; events and articles that still
hold weak readings no editor has confirmed are found with a list filter, and an editor's save of
a fact marks it reviewed.
"""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from archive.desk import merge
from archive.desk.forms import LinesField, MergeForm
from archive.desk.importing import ImportView
from archive.desk.merge import fullest
from archive.desk.participations import ParticipationGroupForm, ParticipationGroupFormSet
from archive.models import (
    Article,
    Award,
    Confidence,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)
from archive.search import search as archive_search
from archive.search.backends.base import Filters

admin.site.site_header = _("Defence-work report archive: the editors' desk")
admin.site.site_title = _("Editors' desk")
admin.site.index_title = _("Records of the archive")


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


PROVENANCE = ("source_sentence", "confidence", "reviewed")


class ParticipationInline(EditTrackingInline):
    """One row per person at the event, the roles ticked (stored as one row per role)."""

    model = Participation
    form = ParticipationGroupForm
    formset = ParticipationGroupFormSet
    fields = ("person", "name_as_written", "rank", "titles", "roles", "order", "read_from")
    autocomplete_fields = ("person",)
    classes = ("facts", "participants")


class AwardInline(EditTrackingInline):
    model = Award
    fields = (
        "name",
        "category",
        "giver_name",
        "giver_organisation",
        "collectives",
        "individuals",
        "order",
        "read_from",
    )
    autocomplete_fields = ("giver_organisation",)


class StatisticInline(EditTrackingInline):
    model = Statistic
    fields = ("label", "value", "unit", "qualifier", "order", "read_from")


class UnreviewedWeakFactsFilter(admin.SimpleListFilter):
    """Events or articles that still hold a fact a weak pattern read and no editor confirmed."""

    title = _("has unreviewed weak facts")
    parameter_name = "weak"

    def lookups(self, request, model_admin):
        return (("yes", _("Yes")), ("no", _("No")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.with_unreviewed_weak_facts()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.with_unreviewed_weak_facts().values("pk"))
        return queryset


@admin.register(Article)
class ArticleAdmin(EditTrackingAdmin):
    search_type = "article"
    list_display = ("__str__", "publisher", "published_at", "key")
    list_filter = (UnreviewedWeakFactsFilter, "publisher")
    search_fields = ("title", "key")
    date_hierarchy = "published_at"
    readonly_fields = ("checksum", "imported_at", "updated_at", "edited_fields")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("title", "publisher", "source_url", "published_at", "byline")}),
        (_("Text"), {"fields": ("text",)}),
        (
            _("Import"),
            {"fields": ("key", "checksum", "imported_at", "updated_at", "edited_fields")},
        ),
    )

    def get_urls(self):
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_report),
                name="archive_article_import",
            )
        ]
        return extra + super().get_urls()

    def import_report(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return ImportView.as_view(model_admin=self)(request)


@admin.register(Event)
class EventAdmin(EditTrackingAdmin):
    search_type = "event"
    list_display = ("title", "kind", "date_held", "period_start", "period_end", "province")
    list_filter = (UnreviewedWeakFactsFilter, "kind", "province")
    search_fields = ("title", "place", "province")
    date_hierarchy = "date_held"
    autocomplete_fields = ("organiser", "organisations")
    filter_horizontal = ("articles",)
    inlines = (ParticipationInline, AwardInline, StatisticInline)
    fieldsets = (
        (None, {"fields": ("title", "kind", "organiser")}),
        (
            _("When and where"),
            {
                "fields": (
                    ("date_held", "date_precision"),
                    ("period_start", "period_end", "period_label"),
                    ("place", "province"),
                )
            },
        ),
        (_("Sources"), {"fields": ("articles", "organisations", "key", "edited_fields")}),
    )


class DuplicateFilter(admin.SimpleListFilter):
    title = _("possible duplicates")
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return (("yes", _("name shared with another record (diacritics aside)")),)

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(same_name__gt=1)
        return queryset


def merge_action(merge_function, candidates, description):
    """An action that shows the candidates with what each holds, lets the editor choose the
    survivor (the fuller one preselected) and merges only on confirmation, with its own
    permission: merging deletes the records merged away."""

    def action(model_admin, request, queryset):
        if queryset.count() < 2:
            model_admin.message_user(
                request, _("Select two records or more to merge."), messages.WARNING
            )
            return None
        offered = candidates(queryset)
        form = MergeForm(
            request.POST if request.POST.get("confirm") == "yes" else None,
            queryset=queryset,
            initial={"keep": fullest(offered).record.pk},
        )
        if form.is_bound and form.is_valid():
            kept = form.cleaned_data["keep"]
            others = [o for o in queryset if o.pk != kept.pk]
            names = ", ".join(str(o) for o in others)
            merge_function(kept, others)
            model_admin.log_change(request, kept, [{"changed": {"fields": ["merged: " + names]}}])
            model_admin.message_user(
                request, _("Merged %(names)s into %(kept)s.") % {"names": names, "kept": kept}
            )
            return None
        return TemplateResponse(
            request,
            "admin/archive/merge.html",
            {
                **model_admin.admin_site.each_context(request),
                "opts": model_admin.model._meta,
                "title": description,
                "form": form,
                "candidates": offered,
                "chosen": str(form["keep"].value()),
                "action": request.POST.get("action"),
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )

    action.__name__ = merge_function.__name__
    action.short_description = description
    action.allowed_permissions = ("merge",)
    return action


class MergePermissionMixin:
    def has_merge_permission(self, request):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.merge_{opts.model_name}")


def with_same_name_counts(queryset, model):
    same = (
        model.objects.filter(folded_name=OuterRef("folded_name"))
        .values("folded_name")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(same_name=Subquery(same))


@admin.register(Person)
class PersonAdmin(MergePermissionMixin, EditTrackingAdmin):
    search_type = "person"
    list_display = ("full_name", "slug", "event_count", "same_name")
    list_filter = (DuplicateFilter,)
    search_fields = ("full_name", "folded_name", "slug")
    readonly_fields = ("folded_name", "edited_fields", "event_titles")
    fields = ("full_name", "slug", "aliases", "folded_name", "event_titles", "edited_fields")
    actions = (
        merge_action(merge.merge_people, merge.person_candidates, _("Merge the selected people")),
    )

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .annotate(event_count=Count("participations__event", distinct=True))
        )
        return with_same_name_counts(queryset, Person)

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, obj):
        return obj.event_count

    @admin.display(description=_("records with this name"), ordering="same_name")
    def same_name(self, obj):
        return obj.same_name

    @admin.display(description=_("events"))
    def event_titles(self, obj):
        return (
            ", ".join(sorted({p.event.title for p in obj.participations.select_related("event")}))
            or "—"
        )


@admin.register(Organisation)
class OrganisationAdmin(MergePermissionMixin, EditTrackingAdmin):
    search_type = "organisation"
    list_display = ("name", "abbreviation", "kind", "parent", "same_name")
    list_filter = ("kind", DuplicateFilter)
    search_fields = ("name", "folded_name", "abbreviation")
    autocomplete_fields = ("parent",)
    readonly_fields = ("folded_name", "edited_fields", "event_titles")
    fields = (
        "name",
        "abbreviation",
        "kind",
        "parent",
        "slug",
        "aliases",
        "folded_name",
        "event_titles",
        "edited_fields",
    )
    actions = (
        merge_action(
            merge.merge_organisations,
            merge.organisation_candidates,
            _("Merge the selected organisations"),
        ),
    )

    @admin.display(description=_("events"))
    def event_titles(self, obj):
        return ", ".join(obj.events.values_list("title", flat=True)) or "—"

    def get_queryset(self, request):
        return with_same_name_counts(super().get_queryset(request), Organisation)

    @admin.display(description=_("records with this name"), ordering="same_name")
    def same_name(self, obj):
        return obj.same_name


class FactAdmin(EditTrackingAdmin):
    """A fact's own page: where it was read and how surely are shown, not edited; saving it
    (or the action) marks it reviewed."""

    readonly_fields = (*PROVENANCE, "edited_fields")
    actions = ("mark_reviewed",)

    @admin.action(description=_("Mark the selected facts as reviewed"))
    def mark_reviewed(self, request, queryset):
        for fact in queryset.filter(reviewed=False):
            fact.reviewed = True
            fact.save(update_fields=["reviewed"])  # one by one: the history records each


@admin.register(Participation)
class ParticipationAdmin(FactAdmin):
    list_display = ("name_as_written", "rank", "role", "event", "confidence", "reviewed")
    list_filter = ("confidence", "reviewed", "role", "rank")
    search_fields = ("name_as_written", "person__full_name", "person__folded_name")
    autocomplete_fields = ("person", "event")
    list_select_related = ("event",)


@admin.register(Award)
class AwardAdmin(FactAdmin):
    search_type = "award"
    list_display = (
        "name",
        "category",
        "giver_name",
        "collectives",
        "individuals",
        "event",
        "confidence",
        "reviewed",
    )
    list_filter = ("confidence", "reviewed", "category")
    search_fields = ("name", "giver_name")
    autocomplete_fields = ("giver_organisation", "event")
    list_select_related = ("event",)


@admin.register(Statistic)
class StatisticAdmin(FactAdmin):
    list_display = ("label", "value", "unit", "event", "confidence", "reviewed")
    list_filter = ("confidence", "reviewed")
    search_fields = ("label", "unit")
    autocomplete_fields = ("event",)
    list_select_related = ("event",)
