"""Add a report by pasting it: extract, let the editor review and correct, then save.

Nothing is written until the editor confirms; the confirmation goes through the same loader as
`manage.py ingest` (one transaction), and what the editor corrected on the review screen is
marked as edited by hand so that a later re-import keeps it.
"""

from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.desk.forms import (
    AwardFormSet,
    EventReviewForm,
    ParticipantFormSet,
    PasteForm,
    StatisticFormSet,
)
from archive.ingest import loader, source
from archive.ingest.parser import ParseError, parse_source
from archive.ingest.records import ParsedAward, ParsedParticipant, ParsedStatistic
from archive.models import Article, Award, Participation, Statistic

HEADER_FIELDS = ("publisher", "url", "title")


def read_pasted(data):
    src = source.from_text(data["text"])
    src.meta.update({name: data[name] for name in HEADER_FIELDS if data.get(name)})
    return src


def initial_forms(parsed):
    event = parsed.events[0]
    event_initial = {
        "title": event.title,
        "kind": event.kind,
        "date": event.date,
        "period_start": event.period[0] if event.period else None,
        "period_end": event.period[1] if event.period else None,
        "place": event.place,
        "province": event.province or "",
    }
    participants = [
        {
            "keep": True,
            "name": p.name,
            "rank": p.rank or "",
            "titles": "; ".join(p.titles),
            "roles": p.roles or ["attended"],
        }
        for p in event.participants
    ]
    awards = [
        {
            "keep": True,
            "kind": a.kind,
            "giver": a.giver,
            "collectives": a.collectives,
            "individuals": a.individuals,
            "category": a.category,
        }
        for a in event.awards
    ]
    statistics = [
        {"keep": True, "label": s.label, "value": s.value, "unit": s.unit, "qualifier": s.qualifier}
        for s in event.statistics
    ]
    return event_initial, participants, awards, statistics


def bound_forms(data, initial):
    event_initial, participants, awards, statistics = initial
    return (
        EventReviewForm(data, initial=event_initial, prefix="event"),
        ParticipantFormSet(data, initial=participants, prefix="people"),
        AwardFormSet(data, initial=awards, prefix="awards"),
        StatisticFormSet(data, initial=statistics, prefix="figures"),
    )


def unbound_forms(initial):
    event_initial, participants, awards, statistics = initial
    return (
        EventReviewForm(initial=event_initial, prefix="event"),
        ParticipantFormSet(initial=participants, prefix="people"),
        AwardFormSet(initial=awards, prefix="awards"),
        StatisticFormSet(initial=statistics, prefix="figures"),
    )


def kept(formset):
    """Forms the editor kept: filled in (an untouched spare form is empty) and ticked."""
    return [f for f in formset.forms if f.cleaned_data and f.cleaned_data.get("keep")]


def corrected(parsed, event_form, people, awards, figures):
    """The parsed article with the editor's corrections applied."""
    data = event_form.cleaned_data
    period = (data["period_start"], data["period_end"]) if data.get("period_start") else None
    event = replace(
        parsed.events[0],
        title=data["title"],
        kind=data["kind"],
        date=data.get("date"),
        date_precision="day" if data.get("date") else "",
        period=period,
        place=data.get("place") or "",
        province=data.get("province") or None,
        participants=[
            ParsedParticipant(
                name=f.cleaned_data["name"],
                rank=f.cleaned_data.get("rank") or None,
                titles=[
                    t.strip() for t in f.cleaned_data.get("titles", "").split(";") if t.strip()
                ],
                roles=list(f.cleaned_data["roles"]),
                sentences=[_("entered on the review screen")],
                person_id=int(f.cleaned_data["person"]) if f.cleaned_data.get("person") else None,
            )
            for f in kept(people)
        ],
        awards=[
            ParsedAward(
                kind=f.cleaned_data["kind"],
                giver=f.cleaned_data.get("giver") or "",
                collectives=f.cleaned_data.get("collectives"),
                individuals=f.cleaned_data.get("individuals"),
                category=f.cleaned_data["category"],
            )
            for f in kept(awards)
        ],
        statistics=[
            ParsedStatistic(
                label=f.cleaned_data["label"],
                value=f.cleaned_data["value"],
                unit=f.cleaned_data.get("unit") or "",
                qualifier=f.cleaned_data.get("qualifier") or "",
            )
            for f in kept(figures)
        ],
    )
    return replace(parsed, events=[event])


def mark_review_edits(article, event_form, forms):
    """What the editor changed on the review screen counts as edited by hand."""
    event = article.events.order_by("pk").first()
    changed = [name for name in event_form.changed_data if name != "date"]
    if "date" in event_form.changed_data:
        changed += ["date_held", "date_precision"]
    if event and changed:
        event.mark_edited(*changed)
        event.save(update_fields=["edited_fields"])
    if event and any(f.has_changed() for formset in forms for f in formset.forms):
        for model in (Participation, Award, Statistic):
            for fact in model.objects.filter(event=event):
                fact.mark_edited("reviewed")
                fact.save(update_fields=["edited_fields"])


def import_view(model_admin, request):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "title": _("Add a report by pasting its text"),
    }
    action = request.POST.get("action")
    if request.method != "POST":
        context["paste_form"] = PasteForm()
        return TemplateResponse(request, "admin/archive/article/import.html", context)

    paste_form = PasteForm(request.POST, request.FILES)
    if action == "confirm":
        pasted = {name: request.POST.get(name, "") for name in HEADER_FIELDS}
        paste_form = PasteForm({"text": request.POST.get("source_text", ""), **pasted})
    if not paste_form.is_valid():
        context["paste_form"] = paste_form
        return TemplateResponse(request, "admin/archive/article/import.html", context)
    try:
        src = read_pasted(paste_form.cleaned_data)
        parsed = parse_source(src)
    except (source.SourceError, ParseError) as error:
        paste_form.add_error(None, _("Nothing could be read: %(reason)s.") % {"reason": error})
        context["paste_form"] = paste_form
        return TemplateResponse(request, "admin/archive/article/import.html", context)

    initial = initial_forms(parsed)
    forms = bound_forms(request.POST, initial) if action == "confirm" else unbound_forms(initial)
    if action == "confirm" and all(f.is_valid() for f in forms):
        event_form, people, awards, figures = forms
        try:
            result = loader.load_article(corrected(parsed, *forms), src.checksum)
        except (ValidationError, DatabaseError) as error:
            messages.error(request, _("Not saved: %(reason)s") % {"reason": error})
        else:
            mark_review_edits(result.article, event_form, (people, awards, figures))
            model_admin.log_addition(request, result.article, [{"added": {}}])
            messages.success(
                request,
                _("Saved “%(title)s” (%(status)s).")
                % {"title": result.article, "status": result.status},
            )
            event = result.article.events.order_by("pk").first()
            return redirect(reverse("admin:archive_event_change", args=[event.pk]))
    existing = Article.objects.filter(key=src.key).first()
    event_form, people, awards, figures = forms
    context.update(
        paste_form=paste_form,
        parsed=parsed,
        source_text=src.body,
        event_form=event_form,
        people=people,
        awards=awards,
        figures=figures,
        organisations=[o.name for o in parsed.events[0].organisations],
        existing=existing,
        header=[(name, paste_form.cleaned_data.get(name) or "") for name in HEADER_FIELDS],
    )
    return TemplateResponse(request, "admin/archive/article/review.html", context)
