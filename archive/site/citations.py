"""How to cite a report or an event: the fields (publisher, title, article date, original
address, the archive's permalink, the access date) and the files BibTeX, RIS and CSL-JSON."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.models import Article, Event

FORMATS = {
    "bib": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}
ARCHIVE_NAME = "Lưu trữ báo cáo công tác quốc phòng địa phương"


def citation(obj, request):
    """The fields of a citation of a report, or of an event (cited through its first report)."""
    if isinstance(obj, Event):
        article = obj.articles.order_by("published_at", "pk").first()
        title = obj.title
        kind = "event"
    else:
        article, title, kind = obj, str(obj), "article"
    published = (
        timezone.localtime(article.published_at) if article and article.published_at else None
    )
    return {
        "kind": kind,
        "key": f"{kind}{obj.pk}",
        "title": title,
        "publisher": article.publisher if article else "",
        "author": article.byline if article else "",
        "report_title": str(article) if article else "",
        "date": published.date() if published else None,
        "original_url": article.source_url if article else "",
        "permalink": request.build_absolute_uri(obj.get_absolute_url()),
        "accessed": timezone.localdate(),
        "archive": ARCHIVE_NAME,
    }


def bibtex_escape(text):
    return "".join("\\" + c if c in "{}%&$#_" else c for c in text)


def bibtex(c):
    fields = {
        "title": c["title"],
        "author": c["author"] or c["publisher"],
        "organization": c["publisher"],
        "date": c["date"].isoformat() if c["date"] else "",
        "url": c["original_url"] or c["permalink"],
        "howpublished": c["permalink"],
        "note": f"{c['archive']}; truy cập {c['accessed'].isoformat()}",
        "urldate": c["accessed"].isoformat(),
    }
    body = ",\n".join(
        f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields.items() if value
    )
    return f"@online{{{c['key']},\n{body}\n}}\n"


def ris(c):
    lines = [("TY", "NEWS" if c["kind"] == "article" else "ELEC"), ("TI", c["title"])]
    if c["author"]:
        lines.append(("AU", c["author"]))
    if c["publisher"]:
        lines.append(("PB", c["publisher"]))
    if c["date"]:
        lines.append(("DA", c["date"].strftime("%Y/%m/%d")))
        lines.append(("PY", str(c["date"].year)))
    if c["original_url"]:
        lines.append(("UR", c["original_url"]))
    lines.append(("UR", c["permalink"]))
    lines.append(("DB", c["archive"]))
    lines.append(("Y2", c["accessed"].strftime("%Y/%m/%d")))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def csl_json(c):
    item = {
        "id": c["key"],
        "type": "article-newspaper" if c["kind"] == "article" else "webpage",
        "title": c["title"],
        "publisher": c["publisher"] or None,
        "container-title": c["publisher"] or None,
        "URL": c["original_url"] or c["permalink"],
        "archive": c["archive"],
        "archive_location": c["permalink"],
        "accessed": {"date-parts": [[c["accessed"].year, c["accessed"].month, c["accessed"].day]]},
    }
    if c["author"]:
        item["author"] = [{"literal": c["author"]}]
    if c["date"]:
        item["issued"] = {"date-parts": [[c["date"].year, c["date"].month, c["date"].day]]}
    return json.dumps(
        [{k: v for k, v in item.items() if v is not None}], ensure_ascii=False, indent=2
    )


WRITERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def respond(obj, request, fmt):
    if fmt not in WRITERS:
        raise Http404(_("Citations are available as .bib, .ris and .json."))
    response = HttpResponse(WRITERS[fmt](citation(obj, request)), content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{citation(obj, request)["key"]}.{fmt}"'
    )
    return response


def article_citation(request, pk, fmt):
    return respond(get_object_or_404(Article, pk=pk), request, fmt)


def event_citation(request, pk, fmt):
    return respond(get_object_or_404(Event, pk=pk), request, fmt)
