"""The admin: the editors' desk for entering and correcting the archive."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive.models import (
    Article,
    Award,
    Event,
    Organisation,
    Participation,
    Person,
    Statistic,
)


class EditTrackingAdmin(admin.ModelAdmin):
    """Records which fields an editor changed, so that a re-import keeps them."""

    readonly_fields = ("edited_fields",)

    def save_model(self, request, obj, form, change):
        if change:
            obj.mark_edited(*(name for name in form.changed_data if name != "edited_fields"))
        super().save_model(request, obj, form, change)


class EditTrackingInline(admin.TabularInline):
    extra = 0
    readonly_fields = ("edited_fields",)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        original_save = formset.save_existing

        def save_existing(self, form, instance, commit=True):
            instance.mark_edited(*form.changed_data)
            return original_save(self, form, instance, commit=commit)

        formset.save_existing = save_existing
        return formset


class ParticipationInline(EditTrackingInline):
    model = Participation
    fields = ("person", "name_as_written", "rank", "titles", "role", "order", "source_sentence")
    autocomplete_fields = ("person",)


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
    )
    autocomplete_fields = ("giver_organisation",)


class StatisticInline(EditTrackingInline):
    model = Statistic
    fields = ("label", "value", "unit", "qualifier", "order")


@admin.register(Article)
class ArticleAdmin(EditTrackingAdmin):
    list_display = ("__str__", "publisher", "published_at", "key")
    list_filter = ("publisher",)
    search_fields = ("title", "key", "text")
    date_hierarchy = "published_at"
    readonly_fields = ("checksum", "imported_at", "updated_at", "edited_fields")
    fieldsets = (
        (None, {"fields": ("title", "publisher", "source_url", "published_at", "byline")}),
        (_("Text"), {"fields": ("text",)}),
        (
            _("Import"),
            {"fields": ("key", "checksum", "imported_at", "updated_at", "edited_fields")},
        ),
    )


@admin.register(Event)
class EventAdmin(EditTrackingAdmin):
    list_display = ("title", "kind", "date_held", "period_start", "period_end", "province")
    list_filter = ("kind", "province")
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


@admin.register(Person)
class PersonAdmin(EditTrackingAdmin):
    list_display = ("full_name", "slug")
    search_fields = ("full_name", "folded_name", "slug")
    readonly_fields = ("folded_name", "edited_fields")


@admin.register(Organisation)
class OrganisationAdmin(EditTrackingAdmin):
    list_display = ("name", "abbreviation", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name", "folded_name", "abbreviation")
    autocomplete_fields = ("parent",)
    readonly_fields = ("folded_name", "edited_fields")


@admin.register(Participation)
class ParticipationAdmin(EditTrackingAdmin):
    list_display = ("name_as_written", "rank", "role", "event")
    list_filter = ("role", "rank")
    search_fields = ("name_as_written", "person__full_name", "person__folded_name")
    autocomplete_fields = ("person", "event")
    list_select_related = ("event",)


@admin.register(Award)
class AwardAdmin(EditTrackingAdmin):
    list_display = ("name", "category", "giver_name", "collectives", "individuals", "event")
    list_filter = ("category",)
    search_fields = ("name", "giver_name")
    autocomplete_fields = ("giver_organisation", "event")
    list_select_related = ("event",)


@admin.register(Statistic)
class StatisticAdmin(EditTrackingAdmin):
    list_display = ("label", "value", "unit", "event")
    search_fields = ("label", "unit")
    autocomplete_fields = ("event",)
    list_select_related = ("event",)
