"""What the review screen of a pasted report shows and what its confirmation saves: the forms
filled from what was read (weak readings first, with their sentence), the corrections turned
back into plain data for the loader, and the fields the editor changed, marked as edited."""

import datetime as dt
from dataclasses import replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from archive.desk.forms import (
    ArticleReviewForm,
    AwardFormSet,
    EventReviewForm,
    ParticipantFormSet,
    StatisticFormSet,
)
from archive.ingest import loader, source
from archive.ingest.records import ParsedAward, ParsedParticipant, ParsedStatistic
from archive.models import Article, Award, Participation, Statistic
from archive.text import canonical, fold
from archive.vocabulary import STRONG, WEAK

HEADER_FIELDS = ("publisher", "url", "title")


# Why a text cannot be read, as the reader says it in English; shown to editors translated.
READER_REASONS = (
    gettext_noop("the article is too short to be a report (truncated?)"),
    gettext_noop("the file is empty"),
    gettext_noop("the file is binary, not text"),
    gettext_noop("the header opened with --- is never closed"),
    gettext_noop("no conference, exercise or ceremony is recognisable in the text"),
)


# What the loader did, as the editor reads it.
LOAD_STATUS = {
    loader.NEW: gettext_lazy("new"),
    loader.UPDATED: gettext_lazy("updated"),
    loader.UNCHANGED: gettext_lazy("unchanged"),
}


# Review form field → Article field.
ARTICLE_FIELDS = {
    "title": "title",
    "publisher": "publisher",
    "url": "source_url",
    "published": "published_at",
}


def read_pasted(data):
    src = source.from_text(data["text"])
    src.meta.update({name: data[name] for name in HEADER_FIELDS if data.get(name)})
    return src


def article_initial(parsed):
    return {
        "title": parsed.title or "",
        "publisher": parsed.publisher or "",
        "url": parsed.url or "",
        "published": parsed.published.date() if parsed.published else None,
    }


def review_order(facts):
    """Positions of `facts` as the review lists them: weak readings first, otherwise as read."""
    return sorted(range(len(facts)), key=lambda index: facts[index].confidence != WEAK)


def weak_facts(event):
    facts = [*event.participants, *event.awards, *event.statistics]
    return [fact for fact in facts if fact.confidence == WEAK]


def shown(fact):
    """What the review shows of a fact beside its fields: how surely it was read, and where;
    a strong reading comes ticked as checked, a weak one waits for the editor to tick it."""
    weak = fact.confidence == WEAK
    return {
        "confidence": fact.confidence,
        "weak": weak,
        "sentence": fact.sentence,
        "reviewed": not weak,
    }


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
            "titles": list(p.titles),
            "roles": p.roles or ["attended"],
            **shown(p),
        }
        for p in map(event.participants.__getitem__, review_order(event.participants))
    ]
    awards = [
        {
            "keep": True,
            "kind": a.kind,
            "giver": a.giver,
            "collectives": a.collectives,
            "individuals": a.individuals,
            "category": a.category,
            **shown(a),
        }
        for a in map(event.awards.__getitem__, review_order(event.awards))
    ]
    statistics = [
        {
            "keep": True,
            "label": s.label,
            "value": s.value,
            "unit": s.unit,
            "qualifier": s.qualifier,
            **shown(s),
        }
        for s in map(event.statistics.__getitem__, review_order(event.statistics))
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


def corrected_article(parsed, article_form, key):
    """The article's own fields as the editor completed them, under the key it is stored as."""
    data = article_form.cleaned_data
    published = parsed.published
    if data.get("published") != (published.date() if published else None):
        published = dt.datetime.combine(data["published"], dt.time()) if data["published"] else None
    return replace(
        parsed,
        key=key,
        title=data.get("title") or None,
        publisher=data.get("publisher") or "",
        url=data.get("url") or "",
        published=published,
    )


def as_read(formset, facts):
    """(form, the parsed fact it shows or None for a row the editor added) for each form kept,
    in the order the facts were read (rows added last): keys and order of mention stay those
    of `manage.py ingest`, whatever order the review showed them in."""
    order = review_order(facts)
    positions = []
    for index, form in enumerate(formset.forms):
        if form.cleaned_data and form.cleaned_data.get("keep"):
            positions.append((order[index] if index < len(order) else len(facts) + index, form))
    positions.sort(key=lambda pair: pair[0])
    return [(form, facts[p] if p < len(facts) else None) for p, form in positions]


def provenance(fact, form):
    """A kept fact's confidence, as read on the server, and whether the editor reviewed it:
    ticked "checked" (strong readings come ticked) or corrected it. A row the editor added was
    read by no rule: it is the editor's word."""
    if fact is None:
        return {"confidence": STRONG, "reviewed": True}
    corrected_here = set(form.changed_data) - {"keep", "reviewed"}
    reviewed = bool(form.cleaned_data.get("reviewed") or corrected_here)
    return {"confidence": fact.confidence, "reviewed": reviewed}


def corrected(parsed, event_form, people, awards, figures):
    """The parsed article with the editor's corrections applied, each fact with the sentence
    it was read from."""
    data = event_form.cleaned_data
    period = (data["period_start"], data["period_end"]) if data.get("period_start") else None
    read = parsed.events[0]
    event = replace(
        read,
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
                titles=list(f.cleaned_data.get("titles") or []),
                roles=list(f.cleaned_data["roles"]),
                sentences=list(p.sentences) if p else [],
                role_sentences=dict(p.role_sentences) if p else {},
                person_id=int(f.cleaned_data["person"]) if f.cleaned_data.get("person") else None,
                **provenance(p, f),
            )
            for f, p in as_read(people, read.participants)
        ],
        awards=[
            ParsedAward(
                kind=f.cleaned_data["kind"],
                giver=f.cleaned_data.get("giver") or "",
                collectives=f.cleaned_data.get("collectives"),
                individuals=f.cleaned_data.get("individuals"),
                category=f.cleaned_data["category"],
                sentence=a.sentence if a else "",
                **provenance(a, f),
            )
            for f, a in as_read(awards, read.awards)
        ],
        statistics=[
            ParsedStatistic(
                label=f.cleaned_data["label"],
                value=f.cleaned_data["value"],
                unit=f.cleaned_data.get("unit") or "",
                qualifier=f.cleaned_data.get("qualifier") or "",
                sentence=s.sentence if s else "",
                **provenance(s, f),
            )
            for f, s in as_read(figures, read.statistics)
        ],
    )
    return replace(parsed, events=[event])


# Review form field → fact field, for what the editor corrected on the review screen.
FACT_FIELDS = (
    (
        Participation,
        "participants",
        {
            "name": "name_as_written",
            "rank": "rank",
            "titles": "titles",
            "roles": "role",
            "person": "person",
        },
    ),
    (
        Award,
        "awards",
        {
            "kind": "name",
            "giver": "giver_name",
            "collectives": "collectives",
            "individuals": "individuals",
            "category": "category",
        },
    ),
    (
        Statistic,
        "statistics",
        {"label": "label", "value": "value", "unit": "unit", "qualifier": "qualifier"},
    ),
)


def mark_review_edits(article, read, article_form, event_form, formsets):
    """What the editor changed on the review screen counts as edited by hand, field by field,
    and a row the editor added is the editor's in every field: a re-import keeps both."""
    article_changed = [ARTICLE_FIELDS[name] for name in article_form.changed_data]
    if article_changed:
        article.mark_edited(*article_changed)
        article.save(update_fields=["edited_fields"])
    event = article.events.order_by("pk").first()
    if event is None:
        return
    changed = [name for name in event_form.changed_data if name != "date"]
    if "date" in event_form.changed_data:
        changed += ["date_held", "date_precision"]
    if changed:
        event.mark_edited(*changed)
        event.save(update_fields=["edited_fields"])
    for (model, facts, fields), formset in zip(FACT_FIELDS, formsets, strict=True):
        for order, (form, fact) in enumerate(as_read(formset, getattr(read, facts))):
            names = fields.values() if fact is None else map(fields.get, form.changed_data)
            edited = [name for name in names if name]
            if not edited:
                continue
            for row in model.objects.filter(event=event, order=order):
                row.mark_edited(*edited)
                row.save(update_fields=["edited_fields"])


def flag_spellings_within(people):
    """Mark participants whose name is spelled two ways in this one report ("Thiệu"/"Thiều")."""
    spellings = {}
    for form in people.forms:
        name = form["name"].value() or ""
        if name.strip():
            spellings.setdefault(fold(" ".join(name.split())), set()).add(canonical(name))
    for form in people.forms:
        name = form["name"].value() or ""
        variants = spellings.get(fold(" ".join(name.split())), set()) - {canonical(name)}
        form.same_report_spellings = sorted(variants)


def reason_for(error):
    return _(str(error))


def existing_article(src):
    """The article this text already is in the archive: by its key, or by the same text."""
    return (
        Article.objects.filter(key=src.key).first()
        or Article.objects.filter(checksum=src.checksum).order_by("pk").first()
    )


def unbound_forms_for(parsed):
    article_form = ArticleReviewForm(initial=article_initial(parsed), prefix="article")
    return (article_form, *unbound_forms(initial_forms(parsed)))


def bound_forms_for(data, parsed):
    article_form = ArticleReviewForm(data, initial=article_initial(parsed), prefix="article")
    return (article_form, *bound_forms(data, initial_forms(parsed)))
