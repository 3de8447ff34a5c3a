"""What goes into the search index: one document per indexed object, built from what its model's
declaration (`archive.search.declarations`) says: weighted texts and facets.

Both backends index exactly these documents, so they search the same content.
"""

import hashlib
import json
from dataclasses import dataclass, field, fields

from archive.search.schema import WEIGHTS  # A: titles and names … D: running text

# Part of every fingerprint: raise it when what the backends make of a document changes
# (analysis, fields), so that `check_index` finds every document stale and writes skip none.
INDEX_FORMAT = 4


@dataclass
class SearchDocument:
    doc_id: str
    type: str
    obj_id: int
    title: str
    url: str
    texts: dict  # weight → text
    date: str | None = None  # ISO date
    year: int | None = None
    kind: str = ""
    province: str = ""
    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    award_kinds: list = field(default_factory=list)
    article_ids: list = field(default_factory=list)

    @property
    def fingerprint(self):
        """Changes whenever anything indexed changes: `check_index` compares it."""
        # The fields as they are (asdict would deep-copy every list and dict of the document
        # first): the same JSON, for a tenth of a rebuild's document building less.
        fields = {f.name: getattr(self, f.name) for f in FIELDS}
        fields["format"] = INDEX_FORMAT
        payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()

    @property
    def snippet_source(self):
        return self.texts.get("D") or self.texts.get("C") or self.texts.get("B") or ""

    def facet_values(self):
        """(facet name, value) pairs, for filtering and counting."""
        values = [("type", self.type)]
        if self.year:
            values.append(("year", str(self.year)))
        if self.kind:
            values.append(("kind", self.kind))
        if self.province:
            values.append(("province", self.province))
        values += [("person", slug) for slug in self.people]
        values += [("organisation", slug) for slug in self.organisations]
        values += [("award_kind", kind) for kind in self.award_kinds]
        return values


FIELDS = fields(SearchDocument)


def join(*parts):
    return "\n".join(str(p) for p in parts if p)


def doc_id(obj):
    return f"{obj._meta.model_name}:{obj.pk}"


def document_for(obj):
    """The search document of one indexed object."""
    from archive.search.declarations import declaration_of

    declaration = declaration_of(obj)
    texts = {weight: "" for weight in WEIGHTS}
    for weight, parts in declaration.components(obj).items():
        texts[weight] = join(*parts)
    facets = declaration.facets(obj)
    day = facets.pop("date", None)
    return SearchDocument(
        doc_id=doc_id(obj),
        type=obj._meta.model_name,
        obj_id=obj.pk,
        title=str(obj),
        url=obj.get_absolute_url(),
        texts=texts,
        date=day.isoformat() if day else None,
        year=day.year if day else None,
        **facets,
    )
