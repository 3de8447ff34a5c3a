"""Downloads of every list and every search, as CSV (UTF-8 with a byte-order mark, for Excel)
or JSON, streamed: `/export/events.csv?year=2024`, `/export/search.json?q=quoc+phong`.

The filters are those of the pages (the site's FilterSets), but strict: a bad value is a 400
that names the parameter, since a download that silently left a filter out would mislead."""

import html

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from archive import search as archive_search
from archive.exports import TABLES, csv_stream, json_stream
from archive.site.filters import (
    ArchiveFilterSet,
    ArticleFilterSet,
    AwardFilterSet,
    FigureFilterSet,
    InvalidParameters,
    search_parameters,
)

FILTERSETS = {
    "events": ArchiveFilterSet,
    "awards": AwardFilterSet,
    "figures": FigureFilterSet,
    "articles": ArticleFilterSet,
}
LISTS = ("events", "people", "organisations", "awards", "figures", "articles")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
SEARCH_COLUMNS = ("type", "id", "title", "url", "date", "score", "snippet", "article_ids")
SEARCH_CHUNK = 500


def download(chunks, name, fmt):
    response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return response


def bad_parameters(errors):
    return JsonResponse(errors, status=400, json_dumps_params={"ensure_ascii": False})


def absolute(request, rows):
    for row in rows:
        if "url" in row:
            row["url"] = request.build_absolute_uri(row["url"])
        yield row


def export_list(request, table, fmt):
    if table not in LISTS or fmt not in FORMATS:
        raise Http404(_("There is no such download."))
    definition = TABLES[table]
    queryset = definition.queryset()
    if table in FILTERSETS:
        filterset = FILTERSETS[table](request.GET, queryset=queryset)
        if not filterset.is_valid():
            return bad_parameters(
                {
                    name: [e["message"] for e in errors]
                    for name, errors in filterset.errors.get_json_data().items()
                }
            )
        queryset = filterset.qs
    rows = absolute(request, definition.rows(queryset))
    columns = [c.name for c in definition.columns]
    chunks = csv_stream(columns, rows) if fmt == "csv" else json_stream(rows)
    return download(chunks, table, fmt)


def search_rows(request, text, filterset):
    """Every hit of the search, in the page's order, read SEARCH_CHUNK at a time."""
    page = 1
    while True:
        results = archive_search.search(
            text,
            filters=filterset.search_filters(),
            page=page,
            per_page=SEARCH_CHUNK,
            sort=filterset.ordering(),
        )
        for hit in results.hits:
            yield {
                "type": hit.type,
                "id": hit.id,
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url),
                "date": hit.date.isoformat() if hit.date else "",
                "score": hit.score,
                "snippet": html.unescape(strip_tags(str(hit.snippet))),
                "article_ids": " | ".join(str(i) for i in hit.article_ids),
            }
        if not results.hits or page * SEARCH_CHUNK >= results.total:
            return
        page += 1


def export_search(request, fmt):
    if fmt not in FORMATS:
        raise Http404(_("There is no such download."))
    try:
        filterset, text = search_parameters(request.GET)
    except InvalidParameters as error:
        return bad_parameters(error.errors)
    rows = search_rows(request, text, filterset)
    if fmt == "csv":
        chunks = csv_stream(SEARCH_COLUMNS, rows)
    else:
        chunks = json_stream(rows, head={"query": text})
    return download(chunks, "search", fmt)
