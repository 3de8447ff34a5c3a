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
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from archive.desk import merge
from archive.desk.editing import EditTrackingAdmin, EditTrackingInline
from archive.desk.forms import MergeForm
from archive.desk.importing import ImportView
from archive.desk.merge import fullest
from archive.desk.participations import ParticipationGroupForm, ParticipationGroupFormSet
from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)

admin.site.site_header = _("Defence-work report archive: the editors' desk")


admin.site.site_title = _("Editors' desk")


admin.site.index_title = _("Records of the archive")


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
