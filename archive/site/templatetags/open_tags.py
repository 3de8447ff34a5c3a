"""Tags that make pages findable and citable: canonical and hreflang links, Open Graph,
schema.org JSON-LD, and the "how to cite" block with its downloads."""

import json

from django import template
from django.utils.safestring import mark_safe

from archive.models import Article, Event, Organisation, Person
from archive.site.citations import citation

register = template.Library()


def absolute(request, path):
    return request.build_absolute_uri(path)


def news_article(article, request):
    data = {
        "@type": "NewsArticle",
        "headline": str(article)[:110],
        "url": article.source_url or absolute(request, article.get_absolute_url()),
        "mainEntityOfPage": absolute(request, article.get_absolute_url()),
        "inLanguage": "vi",
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if article.publisher:
        data["publisher"] = {"@type": "Organization", "name": article.publisher}
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    return data


def linked_data(obj, request):
    """The schema.org description of a page's object."""
    url = absolute(request, obj.get_absolute_url())
    if isinstance(obj, Event):
        data = {"@type": "Event", "name": obj.title, "url": url}
        if obj.date_held:
            data["startDate"] = obj.date_held.isoformat()
        if obj.place or obj.province:
            data["location"] = {
                "@type": "Place",
                "name": obj.place or obj.province,
                "address": {"@type": "PostalAddress", "addressRegion": obj.province}
                if obj.province
                else None,
            }
        if obj.organiser:
            data["organizer"] = {
                "@type": "Organization",
                "name": obj.organiser.name,
                "url": absolute(request, obj.organiser.get_absolute_url()),
            }
        data["subjectOf"] = [news_article(a, request) for a in obj.articles.all()]
    elif isinstance(obj, Person):
        data = {"@type": "Person", "name": obj.full_name, "url": url}
        if obj.aliases:
            data["alternateName"] = obj.aliases
    elif isinstance(obj, Organisation):
        data = {"@type": "Organization", "name": obj.name, "url": url}
        if obj.abbreviation:
            data["alternateName"] = obj.abbreviation
        if obj.parent:
            data["parentOrganization"] = {
                "@type": "Organization",
                "name": obj.parent.name,
                "url": absolute(request, obj.parent.get_absolute_url()),
            }
    elif isinstance(obj, Article):
        data = news_article(obj, request)
        data["about"] = [
            {"@type": "Event", "name": e.title, "url": absolute(request, e.get_absolute_url())}
            for e in obj.events.all()
        ]
    else:
        return None
    return {"@context": "https://schema.org", **{k: v for k, v in data.items() if v is not None}}


def json_for_script(data):
    """JSON that cannot close its <script> element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@register.inclusion_tag("archive/partials/page_meta.html", takes_context=True)
def page_meta(context, obj=None, kind="website"):
    """Canonical and language links for any page; Open Graph and JSON-LD for a record's."""
    request = context["request"]
    path = obj.get_absolute_url() if obj is not None else request.path
    canonical = absolute(request, path)
    ld = linked_data(obj, request) if obj is not None else None
    return {
        "canonical": canonical,
        "english": canonical + "?lang=en",
        "og_type": "article" if isinstance(obj, Article | Event) else kind,
        "og_title": str(obj) if obj is not None else "",
        "json_ld": json_for_script(ld) if ld else "",
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "vi"),
    }


@register.inclusion_tag("archive/partials/citation.html", takes_context=True)
def how_to_cite(context, obj):
    request = context["request"]
    name = "cite-event" if isinstance(obj, Event) else "cite-article"
    return {"cite": citation(obj, request), "name": name, "pk": obj.pk}
