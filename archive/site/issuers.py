"""Who gave an award, as one organisation however the report wrote it: "UBND tỉnh", "UBND tỉnh
Bắc Kạn" and "Chủ tịch UBND tỉnh Bắc Kạn" are the provincial People's Committee; "Quân khu và
Bộ Chỉ huy Quân sự tỉnh" is two issuers. Names are read with the extraction's organisation
patterns, in the province of the event."""

import re
from collections import defaultdict

from django.db.models import Count, Sum

from archive.ingest.organisations import find_organisations, military_region_of
from archive.models import Award, Organisation
from archive.text import canonical

# "Quân khu" with no number: the military region of the event's province.
BARE_REGION = re.compile(canonical(r"\bQuân khu\b(?!\s*(?:\d|[IVX]+\b))"))


def issuer_names(giver_name, province):
    """The canonical names of the organisations behind a giver as written, in order."""
    names = [found.name for found in find_organisations(giver_name, province)]
    region = military_region_of(province)
    if region and region not in names and BARE_REGION.search(canonical(giver_name)):
        names.insert(0, region)
    return names or [giver_name]


def issuers():
    """[{name, organisation, written: [as written], awards: [{name, awards, collectives,
    individuals}]}], issuers with most awards first; two queries however many awards."""
    rows = (
        Award.objects.exclude(giver_name="")
        .values("giver_name", "name", "event__province")
        .annotate(
            awards=Count("pk"), collectives=Sum("collectives"), individuals=Sum("individuals")
        )
        .order_by("giver_name", "name")
    )
    by_issuer = defaultdict(
        lambda: {"written": set(), "awards": defaultdict(lambda: [0, None, None])}
    )
    for row in rows:
        for name in issuer_names(row["giver_name"], row["event__province"]):
            issuer = by_issuer[name]
            issuer["written"].add(row["giver_name"])
            totals = issuer["awards"][row["name"]]
            totals[0] += row["awards"]
            totals[1] = add(totals[1], row["collectives"])
            totals[2] = add(totals[2], row["individuals"])
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=list(by_issuer))}
    result = []
    for name, issuer in by_issuer.items():
        awards = [
            {"name": award, "awards": n, "collectives": c, "individuals": i}
            for award, (n, c, i) in sorted(issuer["awards"].items(), key=lambda kv: -kv[1][0])
        ]
        result.append(
            {
                "name": name,
                "organisation": organisations.get(name),
                "written": sorted(issuer["written"] - {name}),
                "awards": awards,
                "total": sum(a["awards"] for a in awards),
            }
        )
    result.sort(key=lambda issuer: (-issuer["total"], issuer["name"]))
    return result


def add(total, value):
    return value if total is None else total + (value or 0)
